// The demo pages' script: mounts Isnad with its interface on the article it finds and runs
// detection. `?mode=editor` opens the editor (annotations kept in this browser's storage).
import { Isnad } from './isnad.js';

const editor = new URLSearchParams(location.search).get('mode') === 'editor';
const arabic = document.documentElement.lang.startsWith('ar');

// A link between the two modes, outside the article.
const other = document.createElement('a');
other.className = 'isnad-demo-mode';
other.href = editor ? location.pathname : '?mode=editor';
other.textContent = editor ? (arabic ? 'وضع القارئ' : 'Reader mode') : (arabic ? 'وضع المحرّر' : 'Editor mode');
document.querySelector('main, body')?.prepend(other);

try {
  // `?renderer=highlights` draws with the CSS Custom Highlight API instead of <mark> elements.
  const renderer = new URLSearchParams(location.search).get('renderer') === 'highlights' ? 'highlights' : 'marks';
  const isnad = await Isnad.mount(null, { ui: true, detect: true, mode: editor ? 'editor' : 'reader', renderer });
  // For the console and the end-to-end tests.
  window.isnadDemo = isnad;
} catch (err) {
  // The interface shows the message too.
  console.error(err);
}
