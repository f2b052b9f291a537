// The demo pages' script: mounts Isnad on the article it finds and offers a small control bar.
// Until detection lands, "Mark sentences" marks each sentence so the three mark styles show;
// it is a demonstration of the highlight engine, not of detection.
import { Isnad } from './isnad.js';

const KINDS = ['claim', 'source', 'assessment'];
const rtl = document.documentElement.dir === 'rtl';
const labels = rtl
  ? { loading: 'جارٍ تحميل إسناد…', ready: (n) => `إسناد جاهز: ${n} حرفًا من نص المقال`, mark: 'تعليم الجمل', clear: 'مسح', failed: 'تعذّر تشغيل إسناد: ' }
  : { loading: 'Loading Isnad…', ready: (n) => `Isnad ready: ${n} characters of article text`, mark: 'Mark sentences', clear: 'Clear', failed: 'Isnad could not start: ' };

const bar = document.createElement('div');
bar.className = 'isnad-demo-bar';
bar.setAttribute('data-isnad-ui', '');
bar.setAttribute('role', 'region');
bar.setAttribute('aria-label', 'Isnad demo');
const status = document.createElement('span');
status.setAttribute('role', 'status');
status.textContent = labels.loading;
const markButton = document.createElement('button');
markButton.type = 'button';
markButton.textContent = labels.mark;
markButton.disabled = true;
const clearButton = document.createElement('button');
clearButton.type = 'button';
clearButton.textContent = labels.clear;
clearButton.disabled = true;
bar.append(status, markButton, clearButton);
document.body.prepend(bar);

/** Sentences of the article text as code-point ranges, for the demonstration. */
function sentences(text) {
  const chars = Array.from(text);
  const ranges = [];
  let start = 0;
  chars.forEach((c, i) => {
    const end = '.!?؟\n'.includes(c);
    if (end || i === chars.length - 1) {
      const stop = end && c !== '\n' ? i + 1 : i + (end ? 0 : 1);
      let s = start;
      while (s < stop && /\s/.test(chars[s])) s += 1;
      if (stop - s > 1) ranges.push({ start: s, end: stop, kind: KINDS[ranges.length % 3], id: `demo-${ranges.length}` });
      start = i + 1;
    }
  });
  return ranges;
}

try {
  const isnad = await Isnad.mount(null);
  const text = isnad.text();
  status.textContent = labels.ready(Array.from(text).length);
  markButton.disabled = false;
  clearButton.disabled = false;
  markButton.addEventListener('click', () => {
    isnad.clear();
    isnad.highlight(sentences(text));
  });
  clearButton.addEventListener('click', () => isnad.clear());
  // For the console and the end-to-end tests.
  window.isnadDemo = isnad;
} catch (err) {
  status.textContent = labels.failed + err.message;
  console.error(err);
}
