// Isnad's JavaScript shell: loads the wasm core once and hands out widget handles.
//
//   import { Isnad } from './isnad.js';
//   const isnad = await Isnad.mount('article');           // or an Element, or null to find it
//   const text = isnad.text();                            // offsets below count its code points
//   isnad.highlight([{ start: 0, end: 12, kind: 'claim', id: 'c1' }]);
//   isnad.clear();                                        // marks gone, DOM as it was
//   isnad.destroy();
//
// With a store, annotations last: `Isnad.mount('article', { store: 'local' })` (or
// `{ mode: 'editor' }`, whose default store is 'local', or any store from stores.js) loads the
// page's annotations from it and writes each create/update/delete through to it; `error` and
// `conflict` events tell when a write did not happen.
import { resolveStore, pageUrl } from './stores.js';
import init, { Widget, takePanic, describe as describeRange, anchor as anchorSelectors } from './pkg/isnad.js';

let loading = null;

// How marks look, in the page's own document: marks are in the article (light DOM). A
// constructable stylesheet works under a strict style-src CSP. Kinds differ by underline style
// as well as colour, so colour is never the only cue.
const MARK_CSS = `
mark.isnad-mark { color: inherit; border-radius: 2px; text-decoration-thickness: 2px; text-underline-offset: 0.3em; }
mark.isnad-claim { background: #fff1a8; text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: #8a6d00; }
mark.isnad-source { background: #d6e9ff; text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: #0b4f9c; }
mark.isnad-assessment { background: #f3dcff; text-decoration-line: underline; text-decoration-style: wavy; text-decoration-color: #6b2a8c; }
mark.isnad-unsourced { text-decoration-style: double; text-decoration-color: #b3261e; outline: 2px dashed #b3261e; outline-offset: 1px; }
::highlight(isnad-claim) { background-color: #fff1a8; text-decoration: underline solid #8a6d00 2px; }
::highlight(isnad-source) { background-color: #d6e9ff; text-decoration: underline dotted #0b4f9c 2px; }
::highlight(isnad-assessment) { background-color: #f3dcff; text-decoration: underline wavy #6b2a8c 2px; }
::highlight(isnad-unsourced) { background-color: #fff1a8; text-decoration: underline double #b3261e 2px; }
@media (prefers-color-scheme: dark) {
  ::highlight(isnad-claim) { background-color: #5c4a00; text-decoration-color: #ffd84d; }
  ::highlight(isnad-source) { background-color: #0f3560; text-decoration-color: #8cc4ff; }
  ::highlight(isnad-assessment) { background-color: #4a1d63; text-decoration-color: #e2a8ff; }
  ::highlight(isnad-unsourced) { background-color: #5c4a00; text-decoration-color: #ff8a80; }
  mark.isnad-unsourced { outline-color: #ff8a80; text-decoration-color: #ff8a80; }
  mark.isnad-claim { background: #5c4a00; text-decoration-color: #ffd84d; }
  mark.isnad-source { background: #0f3560; text-decoration-color: #8cc4ff; }
  mark.isnad-assessment { background: #4a1d63; text-decoration-color: #e2a8ff; }
}`;
let markSheet = null;

function adoptMarkStyles() {
  if (markSheet || !('adoptedStyleSheets' in document)) return;
  markSheet = new CSSStyleSheet();
  markSheet.replaceSync(MARK_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, markSheet];
}

/** Loads and instantiates the wasm once; a failure is explained and can be retried. */
function load() {
  loading ??= init({ module_or_path: new URL('./pkg/isnad_bg.wasm', import.meta.url) }).catch((cause) => {
    loading = null;
    throw new Error(`Isnad could not load its WebAssembly (pkg/isnad_bg.wasm): ${explainLoadFailure(cause)}`, { cause });
  });
  return loading;
}

function explainLoadFailure(cause) {
  const message = String(cause?.message ?? cause);
  if (/mime|content-type/i.test(message)) {
    return `${message}. Serve .wasm files as application/wasm.`;
  }
  if (/Content Security Policy|CSP|unsafe-eval|wasm-eval/i.test(message)) {
    return `${message}. Allow WebAssembly with script-src 'wasm-unsafe-eval'.`;
  }
  return message;
}

/** Runs a call into wasm; a trap (a bug in Isnad) becomes an Error with the bug's message. */
function guard(call) {
  try {
    return call();
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      const detail = takePanic() ?? err.message;
      throw new Error(`Isnad internal error: ${detail}. Please report it; the page itself is unharmed.`, { cause: err });
    }
    throw err;
  }
}

/** A widget mounted on one article. */
/** Events the shell emits itself (the wasm emits the others). */
const SHELL_EVENTS = ['error', 'conflict'];
const CONNECT = Symbol('connect');

class Handle {
  #widget;
  #store;
  #listeners = [];
  #unlisten = () => {};

  constructor(widget, store = null) {
    this.#widget = widget;
    this.#store = store;
  }

  /** The store annotations are written through to, or null. */
  get store() {
    return this.#store;
  }

  /** Loads the page's annotations from the store, then writes changes through (editor). */
  async [CONNECT](writeThrough) {
    const store = this.#store;
    const report = (err) => this.#emit(err?.conflict ? 'conflict' : 'error', err?.conflict ? { ...err.conflict, error: err } : err);
    store.on?.('error', report);
    store.on?.('conflict', report);
    this.#unlisten = () => {
      store.off?.('error', report);
      store.off?.('conflict', report);
    };
    try {
      this.load(await store.list(pageUrl()));
    } catch (err) {
      // After mount() returns, so the page can listen to `error` first.
      setTimeout(() => report(err), 0);
    }
    if (!writeThrough) return;
    const write = (call) => (annotation) => {
      Promise.resolve()
        .then(() => call(annotation))
        .catch(report);
    };
    this.on('create', write((a) => store.create(a)));
    this.on('update', write((a) => store.update(a)));
    this.on('delete', write((a) => store.remove(a.id)));
  }

  #emit(event, detail) {
    for (const [e, listener] of this.#listeners) {
      if (e !== event) continue;
      try {
        listener(detail);
      } catch (err) {
        console.error(`Isnad: a listener of ${event} threw:`, err);
      }
    }
  }

  /** The article element. */
  get root() {
    return this.#widget.root;
  }

  /** The article's text: what range offsets count, in Unicode code points. */
  text() {
    return guard(() => this.#widget.text());
  }

  /**
   * Marks ranges of `text()`: `[{ start, end, kind: 'claim' | 'source' | 'assessment', id? }]`.
   * Returns the ranges as marked (Arabic edges move to word edges).
   */
  highlight(ranges) {
    return guard(() => this.#widget.highlight(ranges));
  }

  /**
   * Finds claims, sources and quoted assessments, marks them, and returns them as W3C Web
   * Annotations (unsourced claims carry a "tagging" body "unsourced").
   */
  detect() {
    return guard(() => this.#widget.detect());
  }

  /**
   * Loads W3C annotations (an array or an AnnotationPage), anchors them in the article and
   * marks those found. Returns `{ anchored, orphans }`.
   */
  load(annotations) {
    return guard(() => this.#widget.load(annotations));
  }

  /** Every annotation held (loaded, added or detected), as W3C JSON-LD objects. */
  annotations() {
    return guard(() => this.#widget.annotations());
  }

  /** Annotations whose text is no longer in the article. */
  orphans() {
    return guard(() => this.#widget.orphans());
  }

  /** Where an annotation anchored: 'exact', 'moved', 'fuzzy' or 'orphan'. */
  status(id) {
    return guard(() => this.#widget.status(id));
  }

  /** Adds a W3C annotation (an id is made when it has none), marks it, emits `create`. */
  add(annotation) {
    return guard(() => this.#widget.add(annotation));
  }

  /** Replaces the annotation with the same id, re-anchors it, emits `update`. */
  update(annotation) {
    return guard(() => this.#widget.update(annotation));
  }

  /** Removes an annotation and its marks, emits `delete`. */
  remove(id) {
    return guard(() => this.#widget.remove(id));
  }

  /**
   * Listens to `create`, `update`, `delete` or `select` (the listener gets the annotation), or
   * with a store to `error` (an Error: a write or the load failed) and `conflict` (`{ mine,
   * theirs, error }`: someone else changed the annotation first; the store kept theirs).
   */
  on(event, listener) {
    if (SHELL_EVENTS.includes(event)) {
      if (typeof listener !== 'function') throw new TypeError(`on('${event}', listener): the listener must be a function`);
      this.#listeners.push([event, listener]);
      return;
    }
    guard(() => this.#widget.on(event, listener));
  }

  /** Stops listening. */
  off(event, listener) {
    if (SHELL_EVENTS.includes(event)) {
      this.#listeners = this.#listeners.filter(([e, l]) => !(e === event && l === listener));
      return;
    }
    guard(() => this.#widget.off(event, listener));
  }

  /**
   * schema.org ClaimReview objects for the claims an editor rated (`isnad.rating`), ready for a
   * `<script type="application/ld+json">`. `publisher` is `{ name, url, articleDate? }`.
   */
  claimReviews(publisher) {
    return guard(() => this.#widget.claimReviews(publisher));
  }

  /**
   * Brings in annotations from the Hypothesis API (its `rows`, or the search response);
   * returns `{ anchored, orphans, skipped }`. They are written to the store like any addition.
   */
  importHypothesis(rows) {
    return guard(() => this.#widget.importHypothesis(rows));
  }

  /** Number of <mark> elements Isnad has in the article. */
  markCount() {
    return guard(() => this.#widget.markCount());
  }

  /** What this handle draws with: 'marks', or 'highlights' (mount option `renderer`). */
  get renderer() {
    return this.#widget.renderer;
  }

  /** Ids of the annotations drawn over the character at a DOM point (node, UTF-16 offset). */
  annotationsAt(node, offset) {
    return guard(() => this.#widget.annotationsAt(node, offset));
  }

  /**
   * Ids of the annotations drawn under the viewport point (x, y), narrowest first: hit-testing
   * for the popover that works with either renderer (highlights have no element to click).
   */
  annotationsAtPoint(x, y) {
    const caret = document.caretPositionFromPoint?.(x, y);
    const range = caret ? null : document.caretRangeFromPoint?.(x, y);
    const node = caret ? caret.offsetNode : range?.startContainer;
    const offset = caret ? caret.offset : range?.startOffset;
    if (!node || node.nodeType !== Node.TEXT_NODE) return [];
    // The caret falls between two characters: take the one whose box holds the point.
    const probe = document.createRange();
    for (const at of [offset, offset - 1]) {
      if (at < 0 || at >= node.length) continue;
      probe.setStart(node, at);
      probe.setEnd(node, at + 1);
      const box = probe.getBoundingClientRect();
      if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return this.annotationsAt(node, at);
    }
    return [];
  }

  /** Removes every mark; the article's DOM is as it was before. */
  clear() {
    guard(() => this.#widget.clear());
  }

  /** Removes every mark and lets go of the article. Safe to call twice. */
  destroy() {
    this.#listeners = [];
    this.#unlisten();
    guard(() => this.#widget.destroy());
  }
}

export const Isnad = {
  /**
   * Mounts Isnad on an article: an Element, a CSS selector, or null to find the article body.
   * Options (read here, not by the wasm): `store`, a store from stores.js or 'memory' or
   * 'local'; `mode`, 'editor' (writes go to the store; 'local' unless `store` says otherwise)
   * or 'reader' (the store is only read); `renderer`, 'marks' (default) or 'highlights' (the
   * CSS Custom Highlight API, no DOM node touched; marks where the browser lacks it).
   * @returns {Promise<Handle>}
   */
  async mount(root = null, options = {}) {
    // Only what the wasm knows goes to it (it refuses other names).
    const plain = options !== null && typeof options === 'object' && !Array.isArray(options);
    const { store, mode, ...rest } = plain ? options : {};
    if (mode !== undefined && mode !== 'editor' && mode !== 'reader') {
      throw new TypeError(`Isnad.mount: mode must be 'editor' or 'reader', not ${JSON.stringify(mode)}`);
    }
    const chosen = store ?? (mode === 'editor' ? 'local' : null);
    const resolved = chosen === null ? null : resolveStore(chosen);
    await load();
    adoptMarkStyles();
    const handle = new Handle(guard(() => Widget.mount(root, plain ? rest : options)), resolved);
    if (resolved) await handle[CONNECT](mode !== 'reader');
    return handle;
  },
};

/**
 * Selectors for a DOM Range inside `root`: a TextQuoteSelector and a TextPositionSelector
 * counting code points of `root.textContent`; with `{ rootSelector: 'article' }` the position
 * refines a CssSelector for the root.
 */
export async function describe(root, range, { rootSelector } = {}) {
  await load();
  return guard(() => describeRange(root, range, rootSelector));
}

/**
 * Finds W3C selectors in `root`: `{ range, status }` (status 'exact', 'moved' or 'fuzzy'), or
 * null when the text is gone.
 */
export async function anchor(root, selectors) {
  await load();
  return guard(() => anchorSelectors(root, selectors));
}

export default Isnad;
