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
import init, { Widget, takePanic, describe as describeRange, anchor as anchorSelectors, detectText as detectPlain, summarizeText as summarizePlain } from './pkg/isnad.js';

// The shell starts running (its imports have arrived and been evaluated): where the page's time
// to highlights starts counting for Isnad (BENCHMARKS.md, seed page).
mark('start');

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
let mountedCount = 0;

/** The mark styles, in the page while at least one widget is mounted. */
function adoptMarkStyles() {
  mountedCount += 1;
  if (markSheet || !('adoptedStyleSheets' in document)) return;
  markSheet = new CSSStyleSheet();
  markSheet.replaceSync(MARK_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, markSheet];
}

/** After the last widget goes, the page's stylesheets are as they were. */
function releaseMarkStyles() {
  mountedCount -= 1;
  if (mountedCount > 0 || !markSheet) return;
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== markSheet);
  markSheet = null;
}

/** A User Timing mark (`isnad:mounted` …), for the page's own performance monitoring. */
function mark(name) {
  globalThis.performance?.mark?.(`isnad:${name}`);
}

/** Loads and instantiates the wasm once; a failure is explained and can be retried. */
function load() {
  const url = new URL('./pkg/isnad_bg.wasm', import.meta.url);
  loading ??= init({ module_or_path: url }).catch(async (cause) => {
    loading = null;
    throw new Error(`Isnad could not load its WebAssembly (pkg/isnad_bg.wasm): ${await explainLoadFailure(cause, url)}`, { cause });
  });
  return loading;
}

/** Says what to change on the server or in the page when the wasm did not load. */
async function explainLoadFailure(cause, url) {
  const message = String(cause?.message ?? cause);
  if (/Content Security Policy|CSP|unsafe-eval|wasm-eval/i.test(message)) {
    return `${message}. Allow WebAssembly with script-src 'wasm-unsafe-eval'.`;
  }
  try {
    const answer = await fetch(url, { method: 'HEAD' });
    if (!answer.ok) return `the server answered ${answer.status} for ${url}; serve the pkg/ folder beside isnad.js.`;
    const type = answer.headers.get('content-type') ?? '';
    if (!type.startsWith('application/wasm')) return `${message}. The server sends it as ${type || 'no type'}; serve .wasm files as application/wasm.`;
  } catch {
    // Offline or blocked: the browser's message is all there is.
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

/** An id argument must be a string: wasm-bindgen reads anything else as memory and traps. */
function checkId(call, id) {
  if (typeof id !== 'string') {
    throw new TypeError(`${call}(id): id must be an annotation's id, a string, not ${id === null ? 'null' : typeof id}`);
  }
}

/** A widget mounted on one article. */
/** Events the shell emits itself (the wasm emits the others). */
const SHELL_EVENTS = ['error', 'conflict', 'reanchor'];
const CONNECT = Symbol('connect');
const ATTACH = Symbol('attach');
const WATCH = Symbol('watch');
const SELECTED = Symbol('selected');
const MARK_DETECTED = Symbol('markDetected');

class Handle {
  #widget;
  #store;
  #listeners = [];
  #unlisten = () => {};
  #ui = null;
  #observer = null;
  #frame = 0;
  #redetect = false;
  #destroyed = false;

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
    const { pageUrl } = await import('./stores.js');
    const report = (err) => this.#emit(err?.conflict ? 'conflict' : 'error', err?.conflict ? { ...err.conflict, error: err } : err);
    store.on?.('error', report);
    store.on?.('conflict', report);
    this.#unlisten = () => {
      store.off?.('error', report);
      store.off?.('conflict', report);
    };
    // What the store holds, so that a detection an editor accepts is created there, and one
    // rejected before it was ever stored is not deleted there.
    const stored = new Set();
    try {
      const list = await store.list(pageUrl());
      try {
        this.load(list);
      } catch (err) {
        throw new TypeError(`${store.describe?.() ?? 'the store'} answered annotations Isnad cannot read: ${err.message}`, { cause: err });
      }
      for (const a of list.items ?? list) stored.add(a.id);
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
    this.on('create', write((a) => (stored.add(a.id), store.create(a))));
    this.on('update', write((a) => (stored.has(a.id) ? store.update(a) : (stored.add(a.id), store.create(a)))));
    this.on('delete', write((a) => stored.delete(a.id) && store.remove(a.id)));
  }

  /** Detects and marks, returning only the count: mounting with `detect: true` shows the
   * findings and needs no JS copy of them. */
  [MARK_DETECTED]() {
    return this.#changed(this.#own(() => guard(() => this.#widget.markDetected())));
  }

  /** Gives the handle its interface (Isnad.mount does, with `ui: true`). */
  [ATTACH](ui) {
    this.#ui = ui;
  }

  /**
   * Follows the page's changes to the article (live blogs, lazy-loaded paragraphs): at most
   * one re-anchoring pass per animation frame; Isnad's own marks are not changes.
   */
  [WATCH](redetect) {
    this.#redetect = redetect;
    this.#observer = new MutationObserver(() => this.#schedule());
    this.#observer.observe(this.root, { childList: true, subtree: true, characterData: true });
  }

  #schedule() {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#widget.root) this.refresh();
    });
  }

  /** Runs one of Isnad's own changes to the article, unseen by the observer. */
  #own(call) {
    const pending = this.#observer?.takeRecords().length;
    try {
      return call();
    } finally {
      this.#observer?.takeRecords();
      if (pending) this.#schedule();
    }
  }

  /**
   * Reads the article again after the page changed it, re-anchors every annotation and marks
   * again (with `live`, Isnad does this itself). Returns `{ anchored, orphans }` and emits
   * `reanchor` with it.
   */
  refresh() {
    const result = this.#own(() => guard(() => this.#widget.refresh(this.#redetect)));
    this.#emit('reanchor', result);
    return this.#changed(result);
  }

  /** The annotations changed: the interface follows. */
  #changed(result) {
    this.#ui?.refresh();
    return result;
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
    return this.#changed(this.#own(() => guard(() => this.#widget.highlight(ranges))));
  }

  /**
   * Finds claims, sources and quoted assessments, marks them, and returns them as W3C Web
   * Annotations (unsourced claims carry a "tagging" body "unsourced").
   */
  detect() {
    return this.#changed(this.#own(() => guard(() => this.#widget.detect())));
  }

  /**
   * Loads W3C annotations (an array or an AnnotationPage), anchors them in the article and
   * marks those found. Returns `{ anchored, orphans }`.
   */
  load(annotations) {
    return this.#changed(this.#own(() => guard(() => this.#widget.load(annotations))));
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
    checkId('status', id);
    return guard(() => this.#widget.status(id));
  }

  /** Adds a W3C annotation (an id is made when it has none), marks it, emits `create`. */
  add(annotation) {
    return this.#changed(this.#own(() => guard(() => this.#widget.add(annotation))));
  }

  /** Replaces the annotation with the same id, re-anchors it, emits `update`. */
  update(annotation) {
    return this.#changed(this.#own(() => guard(() => this.#widget.update(annotation))));
  }

  /** Removes an annotation and its marks, emits `delete`. */
  remove(id) {
    checkId('remove', id);
    return this.#changed(this.#own(() => guard(() => this.#widget.remove(id))));
  }

  /**
   * Listens to `create`, `update`, `delete` or `select` (the listener gets the annotation), or
   * with a store to `error` (an Error: a write or the load failed) and `conflict` (`{ mine,
   * theirs, error }`: someone else changed the annotation first; the store kept theirs).
   */
  on(event, listener) {
    if (typeof event !== 'string') throw new TypeError(`on(event, listener): event must be a string such as 'create', not ${typeof event}`);
    if (typeof listener !== 'function') throw new TypeError(`on('${event}', listener): the listener must be a function`);
    if (SHELL_EVENTS.includes(event)) {
      this.#listeners.push([event, listener]);
      return;
    }
    guard(() => this.#widget.on(event, listener));
  }

  /** Stops listening. */
  off(event, listener) {
    if (typeof event !== 'string') throw new TypeError(`off(event, listener): event must be a string such as 'create', not ${typeof event}`);
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
    return this.#changed(this.#own(() => guard(() => this.#widget.importHypothesis(rows))));
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
    this.#own(() => guard(() => this.#widget.clear()));
    this.#changed();
  }

  /** Opens annotation `id` as the reader would (its popover, with the interface) and emits `select`. */
  select(id) {
    checkId('select', id);
    if (this.#ui?.marksOf(id).length) {
      this.#ui.goTo(id, { pinned: true });
      return true;
    }
    return guard(() => this.#widget.select(id));
  }

  /** Emits `select` (the interface calls this when a highlight is opened). */
  [SELECTED](id) {
    return guard(() => this.#widget.select(id));
  }

  /** Removes every mark and lets go of the article. Safe to call twice. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    releaseMarkStyles();
    this.#observer?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#listeners = [];
    this.#unlisten();
    this.#ui?.destroy();
    this.#ui = null;
    guard(() => this.#widget.destroy());
  }
}

/** How long the wasm may take before the interface loads anyway to say it is loading (ms). */
const SLOW_WASM_MS = 150;

/** Options the shell reads; the others go to the wasm, which refuses names it does not know. */
const SHELL_OPTIONS = ['store', 'mode', 'ui', 'lang', 'shortcuts', 'detect', 'live'];  // `renderer` goes to the wasm

export const Isnad = {
  /**
   * Mounts Isnad on an article: an Element, a CSS selector, or null to find the article body.
   * Options: `ui` (true: highlights open a popover, with a claims panel, a density bar and,
   * in editor mode, a selection toolbar; default false), `detect` (true: find claims, sources
   * and assessments at once), `live` (follow the page's changes to the article, re-anchoring
   * at most once per frame; default: as `ui`), `lang` ('ar', 'en'; default: the page's `lang`), `shortcuts`
   * (false turns the keyboard shortcuts off), `store` (a store from stores.js, or 'memory' or
   * 'local'), `mode` ('editor': writes go to the store, 'local' unless `store` says otherwise;
   * 'reader': the store is only read), `renderer` ('marks', the default, or 'highlights': the
   * CSS Custom Highlight API, no DOM node touched; marks where the browser lacks it; passed to
   * the wasm).
   * @returns {Promise<Handle>}
   */
  async mount(root = null, options = {}) {
    const plain = options !== null && typeof options === 'object' && !Array.isArray(options);
    const shell = {};
    const rest = {};
    for (const [key, value] of Object.entries(plain ? options : {})) (SHELL_OPTIONS.includes(key) ? shell : rest)[key] = value;
    const { store, mode, ui: withUi = false, lang, shortcuts = true, detect = false, live = withUi } = shell;
    if (mode !== undefined && mode !== 'editor' && mode !== 'reader') {
      throw new TypeError(`Isnad.mount: mode must be 'editor' or 'reader', not ${JSON.stringify(mode)}`);
    }
    // The wasm, the interface and the store's module download side by side.
    const wasm = load();
    wasm.catch(() => {}); // awaited below; no unhandled rejection meanwhile
    const chosen = store ?? (mode === 'editor' ? 'local' : null);
    const storeModule = chosen === null ? null : import('./stores.js');
    const element = typeof root === 'string' ? document.querySelector(root) : root;
    // Highlights come first: the interface's modules are fetched once the highlights are in
    // the page, so that they do not compete with the wasm on the way there — or at once when
    // the wasm is slow to come, to say "Loading Isnad…" (or why it failed).
    let uiReady = null;
    const startUi = () => {
      uiReady ??= withUi
        ? import('./ui/index.js').then((m) => m.createUi(element ?? document.body, { mode: mode ?? 'reader', lang, shortcuts }))
        : null;
      uiReady?.catch(() => {});
      return uiReady;
    };
    const slow = withUi ? setTimeout(startUi, SLOW_WASM_MS) : undefined;
    let ui = null;
    let handle = null;
    try {
      const resolved = storeModule ? (await storeModule).resolveStore(chosen) : null;
      await wasm;
      clearTimeout(slow);
      mark('wasm-ready');
      handle = new Handle(guard(() => Widget.mount(root, plain ? rest : options)), resolved);
      adoptMarkStyles();
      mark('mounted');
      // Highlights first: they need only the wasm. The interface joins when it is there.
      if (detect) {
        handle[MARK_DETECTED]();
        mark('detected');
      }
      ui = await startUi();
      if (ui) mark('interface');
      if (ui) {
        const mounted = handle;
        ui.root = mounted.root;
        mounted[ATTACH](ui);
        ui.attach(mounted, {
          describe: (r, range) => guard(() => describeRange(r, range)),
          selected: (id) => mounted[SELECTED](id),
          rangeOf: (a) => guard(() => anchorSelectors(mounted.root, a.target.selector))?.range ?? null,
        });
        // A write that did not happen is said where the editor looks.
        mounted.on('error', (err) => ui.say(ui.t('saveFailed', { message: err?.message ?? String(err) })));
        mounted.on('conflict', ({ theirs }) => ui.say(ui.t('conflict', { theirs: theirs?.id ?? '' })));
      }
      // After detection, so that what the store holds (an editor's ratings, corrections)
      // replaces what detection found at the same place.
      if (resolved) await handle[CONNECT](mode !== 'reader');
      if (live) handle[WATCH](detect);
      return handle;
    } catch (err) {
      // Nothing half-mounted stays; the interface stays, saying what went wrong.
      clearTimeout(slow);
      handle?.destroy();
      ui ??= await startUi()?.catch(() => null);
      if (ui && !ui.handle) ui.fail(err.message);
      throw err;
    }
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

/**
 * Detection on a text without a page (a CMS draft, a pipeline's check): W3C annotations whose
 * positions count code points of `text`, targeting `page` (default 'urn:isnad:text').
 */
export async function detectText(text, page) {
  if (typeof text !== 'string') throw new TypeError(`detectText(text, page?): text must be a string, not ${typeof text}`);
  if (page !== undefined && typeof page !== 'string') throw new TypeError(`detectText(text, page?): page must be a URL string, not ${typeof page}`);
  await load();
  return guard(() => detectPlain(text, page));
}

/**
 * What detectText finds, counted: { claims, unsourced, sources, assessments }, for a check
 * before publishing ("3 claims stand with no source") that needs no annotations.
 */
export async function summarizeText(text) {
  if (typeof text !== 'string') throw new TypeError(`summarizeText(text): text must be a string, not ${typeof text}`);
  await load();
  return guard(() => summarizePlain(text));
}

/**
 * Embedding without writing code, three ways:
 *   <script type="module" src="/isnad/isnad.js" data-root="article" data-mode="reader"></script>
 *   <isnad-annotator for="article" mode="editor"></isnad-annotator>
 *   <script type="application/json" class="isnad-config">{"root": "article", "mode": "reader"}</script>
 * Each mounts with the interface and detection on; `data-lang`, `data-store` ('local',
 * 'memory'), `data-detect="false"` and `data-shortcuts="false"` (attributes without `data-` on
 * the element; the same names in the JSON) change that. Problems are reported on the console
 * and in the interface's status line.
 */
function embed(root, settings, where) {
  const options = { ui: true, detect: settings.detect !== false && settings.detect !== 'false' };
  for (const name of ['mode', 'lang', 'store']) if (settings[name]) options[name] = settings[name];
  if (settings.shortcuts === false || settings.shortcuts === 'false') options.shortcuts = false;
  return Isnad.mount(root || null, options).catch((err) => {
    console.error(`Isnad (${where}): ${err.message}`);
    return null;
  });
}

function autoMount() {
  const script = [...document.querySelectorAll('script[type=module][src]')].find((s) => s.src === import.meta.url);
  if (script && ('root' in script.dataset || 'mode' in script.dataset)) embed(script.dataset.root, script.dataset, '<script data-root>');
  for (const config of document.querySelectorAll('script[type="application/json"].isnad-config')) {
    let settings;
    try {
      settings = JSON.parse(config.textContent);
    } catch (err) {
      console.error(`Isnad: the <script class="isnad-config"> is not valid JSON (${err.message}); expected e.g. {"root": "article", "mode": "reader"}`);
      continue;
    }
    embed(settings?.root, settings ?? {}, 'isnad-config');
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('isnad-annotator')) {
  customElements.define('isnad-annotator', class extends HTMLElement {
    #handle = null;

    async connectedCallback() {
      const settings = Object.fromEntries([...this.attributes].map((a) => [a.name, a.value]));
      this.#handle = await embed(settings.for, settings, '<isnad-annotator>');
      if (!this.isConnected) this.disconnectedCallback();
    }

    disconnectedCallback() {
      this.#handle?.destroy();
      this.#handle = null;
    }
  });
}

if (typeof document !== 'undefined') autoMount();

export default Isnad;
