// The reader's and editor's interface: highlights that open a popover, a claims panel, a
// density bar, a show/hide toggle, and in editor mode a selection toolbar with undo and redo.
// It lives in a shadow root on its own host element at the end of <body>; the article keeps
// only the marks.
import { h } from './dom.js';
import { pickLanguage, loadStrings, prefersArabicDigits } from './i18n.js';
import { kindOf, startOf, isUnsourced, quoteOf } from './model.js';
import { UI_CSS, MARK_A11Y_CSS, HIDDEN_MARKS_CSS } from './style.js';
import { Popover } from './popover.js';
import { Panel } from './panel.js';
import { DensityBar } from './density.js';
import { Editor } from './editor.js';

const REMEMBER = 'isnad.highlights';
let pageSheets = null;
let sheetUsers = 0;

/** The page-wide sheets (focus ring and announcements; hiding), while an interface is up. */
function adoptPageSheets() {
  sheetUsers += 1;
  if (pageSheets) return pageSheets;
  const a11y = new CSSStyleSheet();
  a11y.replaceSync(MARK_A11Y_CSS);
  const hide = new CSSStyleSheet();
  hide.replaceSync(HIDDEN_MARKS_CSS);
  hide.disabled = true;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, a11y, hide];
  pageSheets = { a11y, hide };
  return pageSheets;
}

function releasePageSheets() {
  sheetUsers -= 1;
  if (sheetUsers > 0 || !pageSheets) return;
  const ours = [pageSheets.a11y, pageSheets.hide];
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !ours.includes(sheet));
  pageSheets = null;
}

function remembered() {
  try {
    return localStorage.getItem(REMEMBER) !== 'hidden';
  } catch {
    return true; // storage blocked: show them
  }
}

/**
 * Creates the interface before the wasm has loaded, so that it can say so; `attach` gives it
 * the handle once mounted.
 */
export async function createUi(root, { mode = 'reader', lang, shortcuts = true } = {}) {
  const language = pickLanguage(root, lang);
  const strings = await loadStrings(language, prefersArabicDigits(root?.textContent?.slice(0, 20000) ?? ''));
  return new Ui(root, strings, { mode, shortcuts });
}

export class Ui {
  constructor(root, strings, { mode, shortcuts }) {
    this.root = root;
    this.strings = strings;
    this.t = (key, vars) => strings.t(key, vars);
    this.mode = mode;
    this.shortcuts = shortcuts;
    this.annotations = [];
    this.byId = new Map();
    this.listeners = [];
    this.host = h('div', { 'data-isnad-ui': '' });
    const shadow = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UI_CSS);
    shadow.adoptedStyleSheets = [sheet];
    const { t } = this;
    this.status = h('span', { role: 'status', 'aria-live': 'polite' }, t('loading'));
    this.panelButton = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'isnad-panel', 'aria-keyshortcuts': 'Alt+Shift+C', onclick: () => this.panel.toggle() }, t('panelButton'));
    this.toggleButton = h('button', { type: 'button', 'aria-pressed': 'true', 'aria-keyshortcuts': 'Alt+Shift+H', onclick: () => this.showHighlights(!this.visible) }, t('hide'));
    const help = h('span', { id: 'isnad-help', className: 'visually-hidden' }, shortcuts ? `${t('shortcuts')} ${mode === 'editor' ? t('editorShortcuts') : ''}` : '');
    this.launcher = h('div', { className: 'launcher', role: 'region', 'aria-label': 'Isnad', 'aria-describedby': 'isnad-help' }, this.status, this.panelButton, this.toggleButton, help);
    this.popover = new Popover(this);
    this.panel = new Panel(this);
    this.density = new DensityBar(this);
    const ui = h('div', { className: 'ui', dir: strings.dir, lang: strings.lang }, this.density.el, this.launcher, this.panel.el, this.popover.el);
    shadow.append(ui);
    this.shadow = shadow;
    this.panelButton.disabled = this.toggleButton.disabled = true;
    document.body.append(this.host);
  }

  /** Connects the mounted handle: from now on the interface follows its annotations. */
  attach(handle, { describe, selected, rangeOf }) {
    this.handle = handle;
    this.selected = selected;
    this.rangeOf = rangeOf;
    // With the Highlight API renderer there is no element per highlight: the pointer is
    // hit-tested and the popover placed at the annotation's Range.
    this.highlightsApi = handle.renderer === 'highlights';
    this.sheets = adoptPageSheets();
    if (this.mode === 'editor') {
      this.editor = new Editor(this, describe);
      this.shadow.querySelector('.ui').append(this.editor.toolbar);
      const undo = h('button', { type: 'button', 'aria-keyshortcuts': 'Alt+Shift+Z', onclick: () => this.editor.undo() }, this.t('undo'));
      const redo = h('button', { type: 'button', 'aria-keyshortcuts': 'Alt+Shift+Y', onclick: () => this.editor.redo() }, this.t('redo'));
      this.launcher.append(undo, redo);
      this.listen(document, 'selectionchange', () => {
        clearTimeout(this.selecting);
        this.selecting = setTimeout(() => this.editor?.selectionChanged(), 120);
      });
    }
    this.panelButton.disabled = this.toggleButton.disabled = false;
    const onMark = (handler) => (e) => {
      const mark = e.target.closest?.('mark.isnad-mark[data-isnad-id]');
      if (mark && this.root.contains(mark)) handler(mark, e);
    };
    // Hovering previews; a popover opened by click, tap or keyboard stays until closed.
    const previewing = () => this.popover.el.hidden || !this.popover.pinned;
    this.listen(this.root, 'pointerover', onMark((mark, e) => e.pointerType === 'mouse' && this.visible && previewing() && this.popover.open(this.idOf(mark), mark)));
    this.listen(this.root, 'pointerout', onMark(() => this.popover.closeSoon()));
    this.listen(this.root, 'focusin', onMark((mark) => this.popover.returning || this.popover.open(this.idOf(mark), mark, { pinned: !previewing() })));
    this.listen(this.root, 'click', onMark((mark) => {
      if (this.mode === 'editor' && !document.getSelection()?.isCollapsed) return;
      this.select(this.idOf(mark), mark);
    }));
    if (this.highlightsApi) {
      const hit = (e) => this.handle.annotationsAtPoint(e.clientX, e.clientY).filter((id) => this.byId.has(id)).at(-1);
      this.listen(this.root, 'pointermove', (e) => {
        if (e.pointerType !== 'mouse' || !this.visible || !previewing()) return;
        const id = hit(e);
        if (id) this.popover.open(id, this.anchorOf(id));
        else this.popover.closeSoon();
      });
      this.listen(this.root, 'click', (e) => {
        if (this.mode === 'editor' && !document.getSelection()?.isCollapsed) return;
        const id = hit(e);
        if (id) this.select(id, this.anchorOf(id));
      });
    }
    this.listen(this.root, 'keydown', onMark((mark, e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.select(this.idOf(mark), mark, true);
      }
    }));
    this.listen(document, 'keydown', (e) => this.key(e));
    this.listen(document, 'pointerdown', (e) => {
      if (!e.composedPath().includes(this.host) && !e.target.closest?.('mark.isnad-mark')) this.popover.close();
    });
    this.listen(window, 'resize', () => this.later());
    this.showHighlights(remembered(), false);
    this.refresh();
  }

  listen(target, event, fn) {
    target.addEventListener(event, fn);
    this.listeners.push(() => target.removeEventListener(event, fn));
  }

  idOf(mark) {
    return mark.getAttribute('data-isnad-id');
  }

  /** The annotations changed (or were marked again): follow them. */
  refresh() {
    if (!this.handle) return;
    this.annotations = this.handle.annotations()
      .filter((a) => kindOf(a) && a.isnad?.reviewed !== 'rejected')
      .sort((a, b) => startOf(a) - startOf(b));
    this.byId = new Map(this.annotations.map((a) => [a.id, a]));
    this.ranges = new Map();
    this.decorate();
    this.summarize();
    this.panel.render();
    this.popover.refresh();
    this.later();
  }

  /** Lays out the density bar after the page has settled. */
  later() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.density.render());
  }

  /** Makes each highlight focusable and announced: "start of claim" … "end of claim". */
  decorate() {
    const seen = new Map();
    for (const mark of this.root.querySelectorAll('mark.isnad-mark[data-isnad-id]')) {
      const id = this.idOf(mark);
      if (!seen.has(id)) seen.set(id, []);
      seen.get(id).push(mark);
    }
    for (const [id, marks] of seen) {
      const a = this.byId.get(id);
      if (!a) continue;
      const name = isUnsourced(a) ? this.t('unsourcedKind') : this.t(`kinds.${kindOf(a)}`);
      marks[0].setAttribute('tabindex', '0');
      marks[0].setAttribute('data-isnad-start', this.t('start', { kind: name }));
      marks.at(-1).setAttribute('data-isnad-end', this.t('end', { kind: name }));
    }
    this.marks = seen;
  }

  marksOf(id) {
    return this.marks?.get(id) ?? [];
  }

  /** What a popover is placed at, and focus returns to: the first mark, or the Range. */
  anchorOf(id) {
    if (!this.highlightsApi) return this.marksOf(id)[0] ?? null;
    if (!this.ranges.has(id)) {
      const a = this.byId.get(id);
      this.ranges.set(id, (a && this.handle.status(id) !== 'orphan' && this.rangeOf(a)) || null);
    }
    return this.ranges.get(id);
  }

  summarize() {
    const { strings } = this;
    const n = (k) => this.annotations.filter((a) => kindOf(a) === k).length;
    const unsourced = this.annotations.filter(isUnsourced).length;
    this.panelButton.textContent = `${this.t('panelButton')} (${strings.num(n('claim'))})`;
    const summary = this.t('found', { summary: [strings.count('claim', n('claim')), strings.count('unsourced', unsourced), strings.count('source', n('source')), strings.count('assessment', n('assessment'))].join(strings.lang === 'ar' ? '، ' : ', ') });
    // Announced when the counts change, not at every refresh.
    if (summary !== this.lastSummary) this.say(summary);
    this.lastSummary = summary;
  }

  /** Writes to the live status line (read out by screen readers). */
  say(message) {
    this.status.textContent = message;
  }

  activeElement() {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el;
  }

  /** Scrolls to annotation `id`, focuses it and opens its popover. */
  goTo(id, { pinned = false } = {}) {
    const at = this.anchorOf(id);
    if (!at) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    const element = at instanceof Element ? at : at.startContainer.parentElement;
    element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    if (at instanceof Element) {
      at.focus({ preventScroll: true });
      this.select(id, at, false, pinned);
    } else {
      // No element to focus: the popover takes focus, and the status line says what it is.
      const a = this.byId.get(id);
      this.say(`${isUnsourced(a) ? this.t('unsourcedKind') : this.t(`kinds.${kindOf(a)}`)}: ${quoteOf(a)}`);
      this.select(id, at, true, true);
    }
  }

  /** Opens annotation `id`'s popover and tells the page (`select` event). */
  select(id, mark, focusInside = false, pinned = true) {
    this.popover.open(id, mark, { pinned, focus: focusInside });
    if (this.editor) this.editor.current = id;
    this.selected(id);
  }

  showHighlights(show, announce = true) {
    this.visible = show;
    this.sheets.hide.disabled = show;
    this.toggleButton.setAttribute('aria-pressed', String(show));
    this.toggleButton.textContent = show ? this.t('hide') : this.t('show');
    try {
      localStorage.setItem(REMEMBER, show ? 'shown' : 'hidden');
    } catch {
      // storage blocked: the choice lasts for this page only
    }
    if (!show) this.popover.close();
    if (announce) this.say(this.t(show ? 'shown' : 'hidden'));
  }

  /** Shortcuts: documented in the launcher's description; `shortcuts: false` turns them off. */
  key(e) {
    if (e.key === 'Escape') {
      // The innermost first: the panel when focus is in it, else the popover, the panel, the
      // toolbar. The page's own Escape handling is left alone when nothing of ours was open.
      let closed = true;
      if (this.panel.open && this.panel.el.contains(this.shadow.activeElement)) this.panel.toggle(false);
      else if (this.popover.close(true)) closed = true;
      else if (this.panel.open) this.panel.toggle(false);
      else if (this.editor && !this.editor.toolbar.hidden) this.editor.toolbar.hidden = true;
      else closed = false;
      if (closed) e.preventDefault();
      return;
    }
    if (!this.shortcuts || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    const actions = {
      KeyC: () => this.panel.toggle(),
      KeyH: () => this.showHighlights(!this.visible),
      KeyN: () => this.step(1),
      KeyP: () => this.step(-1),
    };
    if (this.editor) {
      Object.assign(actions, {
        Digit1: () => this.editor.create('claim'),
        Digit2: () => this.editor.create('source'),
        Digit3: () => this.editor.create('assessment'),
        KeyZ: () => this.editor.undo(),
        KeyY: () => this.editor.redo(),
        KeyS: () => this.editor.selectFocused(),
      });
    }
    const action = actions[e.code];
    if (!action) return;
    e.preventDefault();
    action();
  }

  /** Moves to the next (1) or previous (-1) highlight from the focused one. */
  step(direction) {
    const ids = this.annotations.map((a) => a.id).filter((id) => this.anchorOf(id));
    if (!ids.length) return;
    const current = this.highlightsApi ? this.popover.id ?? this.lastStep : this.idOf(this.activeElement()?.closest?.('mark.isnad-mark') ?? this.root);
    const at = ids.indexOf(current ?? '');
    const next = at < 0 ? (direction > 0 ? 0 : ids.length - 1) : (at + direction + ids.length) % ids.length;
    this.lastStep = ids[next];
    this.goTo(ids[next]);
  }

  /** Shows a failure where the reader looks. */
  fail(message) {
    this.say(this.t('failed', { message }));
  }

  destroy() {
    if (this.sheets) releasePageSheets();
    this.sheets = null;
    for (const off of this.listeners.splice(0)) off();
    clearTimeout(this.selecting);
    cancelAnimationFrame(this.frame);
    this.popover.close();
    this.host.remove();
    for (const mark of this.root.querySelectorAll('mark.isnad-mark')) {
      for (const name of ['tabindex', 'data-isnad-start', 'data-isnad-end']) mark.removeAttribute(name);
    }
  }
}
