// Editor mode: select text → a toolbar to mark it as a claim, source or assessment; accept,
// correct or reject annotations in the popover; rate and note claims; undo and redo.
import { h, fill, placeNear } from './dom.js';
import { kindOf, linkOf, quoteOf, withKindAndLink, excerpt, KINDS } from './model.js';

export class Editor {
  constructor(ui, describe) {
    this.ui = ui;
    this.describe = describe;
    this.done = [];
    this.undone = [];
    this.current = null; // the annotation last opened or made: "move here" and "source of" act on it
    this.toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': ui.t('toolbar'), hidden: true });
    // Keep the page's selection when a toolbar button is pressed.
    this.toolbar.addEventListener('pointerdown', (e) => e.preventDefault());
  }

  /** Shows the toolbar over a selection inside the article, hides it otherwise. */
  selectionChanged() {
    const range = this.selection();
    if (!range) {
      this.toolbar.hidden = true;
      return;
    }
    const { t } = this.ui;
    const current = this.current && this.ui.byId.get(this.current);
    const buttons = KINDS.map((kind) =>
      h('button', { type: 'button', className: `kind-${kind}`, 'aria-keyshortcuts': `Alt+Shift+${KINDS.indexOf(kind) + 1}`, onclick: () => this.create(kind) }, t('markAs', { kind: t(`kinds.${kind}`) })));
    if (current && kindOf(current) !== 'source') buttons.push(h('button', { type: 'button', onclick: () => this.create('source', current.id) }, t('sourceFor')));
    if (current) buttons.push(h('button', { type: 'button', onclick: () => this.move(current.id) }, t('moveHere')));
    fill(this.toolbar, buttons);
    this.toolbar.hidden = false;
    const rect = range.getBoundingClientRect();
    placeNear(this.toolbar, { top: rect.top - 48, bottom: rect.top - 48, left: rect.left, right: rect.right }, this.ui.strings.dir === 'rtl');
  }

  /** The page's selection when it lies inside the article and is not empty. */
  selection() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    return this.ui.root.contains(range.commonAncestorContainer) && range.toString().trim() ? range : null;
  }

  /**
   * Selects the focused highlight's text, so that a keyboard user can adjust it with
   * Shift+arrows and mark it.
   */
  selectFocused() {
    let range;
    if (this.ui.highlightsApi) {
      range = this.ui.anchorOf(this.ui.popover.id ?? this.ui.lastStep)?.cloneRange();
    } else {
      const mark = this.ui.activeElement()?.closest?.('mark.isnad-mark');
      const marks = mark ? this.ui.marksOf(this.ui.idOf(mark)) : [];
      if (marks.length) {
        range = document.createRange();
        range.setStartBefore(marks[0].firstChild ?? marks[0]);
        range.setEndAfter(marks.at(-1).lastChild ?? marks.at(-1));
      }
    }
    if (!range) return this.ui.say(this.ui.t('selectFirst'));
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    this.ui.popover.close();
  }

  /** Marks the selection as `kind`; a source made for a claim is linked to it. */
  async create(kind, sourceFor = null) {
    const range = this.selection();
    if (!range) return this.ui.say(this.ui.t('selectFirst'));
    const selector = await this.describe(this.ui.root, range);
    const annotation = withKindAndLink({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: kind === 'assessment' ? 'assessing' : 'classifying',
      created: new Date().toISOString(),
      body: [],
      target: { source: location.href.split('#')[0], selector },
    }, kind, null);
    document.getSelection()?.removeAllRanges();
    this.toolbar.hidden = true;
    const made = this.ui.handle.add(annotation);
    if (this.ui.handle.status(made.id) === 'orphan') {
      // Text Isnad does not read (a caption, a byline): nothing to mark there.
      this.ui.handle.remove(made.id);
      return this.ui.say(this.ui.t('outside'));
    }
    const steps = [{ undo: () => this.ui.handle.remove(made.id), redo: () => this.ui.handle.add(made) }];
    if (sourceFor) {
      const claim = this.ui.byId.get(sourceFor);
      const linked = withKindAndLink(claim, kindOf(claim), made.id);
      this.ui.handle.update(linked);
      steps.push({ undo: () => this.ui.handle.update(claim), redo: () => this.ui.handle.update(linked) });
    }
    this.record(this.ui.t('created', { kind: this.ui.t(`kinds.${kind}`) }), steps);
    this.current = sourceFor ?? made.id;
    this.ui.goTo(made.id, { pinned: true });
  }

  /** Moves annotation `id` to the selected text. */
  async move(id) {
    const range = this.selection();
    const before = this.ui.byId.get(id);
    if (!range || !before) return;
    const selector = await this.describe(this.ui.root, range);
    const target = { ...(Array.isArray(before.target) ? before.target[0] : before.target), selector };
    document.getSelection()?.removeAllRanges();
    this.change(before, { ...before, target });
  }

  /** Replaces `before` with `after`, undoably. */
  change(before, after, what = 'updated') {
    this.ui.handle.update(after);
    this.record(this.ui.t(what, { kind: this.ui.t(`kinds.${kindOf(after)}`) }), [
      { undo: () => this.ui.handle.update(before), redo: () => this.ui.handle.update(after) },
    ]);
  }

  /**
   * Deletes what an editor made; a detection is kept as rejected instead (hidden, written to the
   * store), so that detecting again does not bring it back.
   */
  remove(a) {
    this.ui.popover.close();
    const what = this.ui.t('deleted', { kind: this.ui.t(`kinds.${kindOf(a)}`) });
    if (a.isnad?.confidence !== undefined) {
      const rejected = { ...a, isnad: { ...(a.isnad ?? {}), reviewed: 'rejected' } };
      this.ui.handle.update(rejected);
      return this.record(what, [{ undo: () => this.ui.handle.update(a), redo: () => this.ui.handle.update(rejected) }]);
    }
    this.ui.handle.remove(a.id);
    this.record(what, [{ undo: () => this.ui.handle.add(a), redo: () => this.ui.handle.remove(a.id) }]);
  }

  record(what, steps) {
    this.done.push({ what, steps });
    this.undone = [];
    this.ui.say(what);
  }

  undo() {
    const op = this.done.pop();
    if (!op) return this.ui.say(this.ui.t('nothingToUndo'));
    for (const step of [...op.steps].reverse()) step.undo();
    this.undone.push(op);
    this.ui.say(this.ui.t('undone', { what: op.what }));
  }

  redo() {
    const op = this.undone.pop();
    if (!op) return this.ui.say(this.ui.t('nothingToRedo'));
    for (const step of op.steps) step.redo();
    this.done.push(op);
    this.ui.say(this.ui.t('redone', { what: op.what }));
  }

  /** The popover's editing part for annotation `a`. */
  form(a) {
    const { t } = this.ui;
    this.current = a.id;
    const kind = kindOf(a);
    const details = a.isnad ?? {};
    const option = (value, label, selected) => h('option', { value, selected }, label);
    const kindSelect = h('select', {}, KINDS.map((k) => option(k, t(`kinds.${k}`), k === kind)));
    const sources = this.ui.annotations.filter((x) => kindOf(x) === 'source' && x.id !== a.id);
    const linkSelect = h('select', {}, option('', t('noLink'), !linkOf(a)), sources.map((s) => option(s.id, excerpt(quoteOf(s), 50), s.id === linkOf(a))));
    const ratings = this.ui.strings.words.ratings;
    const ratingSelect = h('select', {}, option('', t('notRated'), !details.rating), ratings.map((label, i) => option(String(i + 1), label, details.rating?.value === i + 1)));
    const note = h('textarea', { dir: 'auto' });
    note.value = details.note ?? '';
    const label = (text, control) => h('label', {}, h('span', {}, text), control);
    const save = () => {
      let after = withKindAndLink(a, kindSelect.value, kindSelect.value === 'source' ? null : linkSelect.value || null);
      const isnad = { ...after.isnad, reviewed: 'accepted' };
      const r = Number(ratingSelect.value);
      if (r) isnad.rating = { value: r, best: ratings.length, worst: 1, label: ratings[r - 1], date: new Date().toISOString().slice(0, 10) };
      else delete isnad.rating;
      if (note.value.trim()) isnad.note = note.value.trim();
      else delete isnad.note;
      after = { ...after, isnad };
      this.change(a, after);
    };
    return h('div', { className: 'edit' },
      label(t('kindLabel'), kindSelect),
      kind !== 'source' ? label(t('linkTo'), linkSelect) : null,
      kind === 'claim' ? label(t('rating'), ratingSelect) : null,
      label(t('note'), note),
      h('div', { className: 'row' },
        details.reviewed === 'accepted' ? h('span', {}, `✓ ${t('accepted')}`) : h('button', { type: 'button', onclick: save }, t('accept')),
        h('button', { type: 'button', onclick: save }, t('save')),
        h('button', { type: 'button', onclick: () => this.remove(a) }, a.isnad?.reviewed ? t('remove') : t('reject'))));
  }
}
