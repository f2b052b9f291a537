// The demo pages' script: mounts Isnad on the article it finds, runs detection, and offers a
// small control bar (outside the article) to run it again or clear the marks.
import { Isnad } from './isnad.js';

const arabic = document.documentElement.lang.startsWith('ar');
const digits = (n) => (arabic ? n.toLocaleString('ar-EG') : String(n));
const labels = arabic
  ? {
      region: 'عرض إسناد التوضيحي',
      loading: 'جارٍ تحميل إسناد…',
      summary: (c, u, s, a) => `${digits(c)} ادعاءات (${digits(u)} بلا مصدر)، ${digits(s)} مصادر، ${digits(a)} تقييمات`,
      detect: 'اكتشاف',
      clear: 'مسح',
      cleared: 'أزيلت العلامات',
      failed: 'تعذّر تشغيل إسناد: ',
    }
  : {
      region: 'Isnad demo',
      loading: 'Loading Isnad…',
      summary: (c, u, s, a) => `${c} claims (${u} unsourced), ${s} sources, ${a} assessments`,
      detect: 'Detect',
      clear: 'Clear',
      cleared: 'Marks cleared',
      failed: 'Isnad could not start: ',
    };

const bar = document.createElement('div');
bar.className = 'isnad-demo-bar';
bar.setAttribute('data-isnad-ui', '');
bar.setAttribute('role', 'region');
bar.setAttribute('aria-label', labels.region);
const status = document.createElement('span');
status.setAttribute('role', 'status');
status.textContent = labels.loading;
const button = (text) => {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.disabled = true;
  return b;
};
const detectButton = button(labels.detect);
const clearButton = button(labels.clear);
bar.append(status, detectButton, clearButton);
document.body.prepend(bar);

/** Counts what detection found, for the status line. */
function summarize(annotations) {
  const kind = (a) => a.body.find((b) => b.purpose === 'classifying')?.value;
  const claims = annotations.filter((a) => kind(a) === 'claim');
  return labels.summary(
    claims.length,
    claims.filter((a) => a.isnad?.unsourced).length,
    annotations.filter((a) => kind(a) === 'source').length,
    annotations.filter((a) => kind(a) === 'assessment').length,
  );
}

try {
  const isnad = await Isnad.mount(null);
  const run = () => {
    isnad.clear();
    status.textContent = summarize(isnad.detect());
  };
  run();
  detectButton.disabled = false;
  clearButton.disabled = false;
  detectButton.addEventListener('click', run);
  clearButton.addEventListener('click', () => {
    isnad.clear();
    status.textContent = labels.cleared;
  });
  // For the console and the end-to-end tests.
  window.isnadDemo = isnad;
} catch (err) {
  status.textContent = labels.failed + err.message;
  console.error(err);
}
