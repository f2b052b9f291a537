// The popover: what a highlight is, who says it and how, opened by hover, focus or tap.
import { h, fill, placeNear } from './dom.js';
import { kindOf, linkOf, quoteOf, isUnsourced, webLinks, excerpt } from './model.js';

export class Popover {
  constructor(ui) {
    this.ui = ui;
    this.el = h('div', { className: 'popover', role: 'dialog', 'aria-modal': 'false', hidden: true, 'aria-labelledby': 'isnad-popover-title' });
    this.el.addEventListener('pointerenter', () => clearTimeout(this.closing));
    this.el.addEventListener('pointerleave', () => this.closeSoon());
    this.id = null;
    this.opener = null;
  }

  /**
   * Shows annotation `id` next to `mark` (a mark element, or a Range with the Highlight API
   * renderer); `pinned` keeps it open until closed.
   */
  open(id, mark, { pinned = false, focus = false } = {}) {
    const a = this.ui.byId.get(id);
    if (!a) return;
    clearTimeout(this.closing);
    if (this.id === id && !this.el.hidden && !focus) {
      this.pinned ||= pinned;
      return;
    }
    this.id = id;
    this.pinned = pinned;
    this.opener = mark;
    fill(this.el, this.contents(a));
    this.el.hidden = false;
    placeNear(this.el, mark.getBoundingClientRect(), this.ui.strings.dir === 'rtl');
    if (focus) this.el.querySelector('button, select, textarea')?.focus();
  }

  /** Rebuilds the open popover after the annotation changed. */
  refresh() {
    if (this.el.hidden || !this.id) return;
    const mark = this.ui.anchorOf(this.id);
    if (!this.ui.byId.has(this.id) || !mark) return this.close();
    const keep = this.el.contains(this.el.getRootNode().activeElement);
    this.opener = mark;
    fill(this.el, this.contents(this.ui.byId.get(this.id)));
    placeNear(this.el, mark.getBoundingClientRect(), this.ui.strings.dir === 'rtl');
    if (keep) this.el.querySelector('button, select, textarea')?.focus();
  }

  closeSoon() {
    if (this.pinned) return;
    clearTimeout(this.closing);
    this.closing = setTimeout(() => this.close(), 300);
  }

  /** Closes; with `returnFocus`, focus goes back to the highlight that opened it. */
  close(returnFocus = false) {
    clearTimeout(this.closing);
    if (this.el.hidden) return false;
    const inside = this.el.contains(this.el.getRootNode().activeElement);
    this.el.hidden = true;
    this.id = null;
    if ((returnFocus || inside) && this.opener instanceof Element && this.opener.isConnected) {
      // Focus goes back without opening the popover again.
      this.returning = true;
      this.opener.focus({ preventScroll: true });
      this.returning = false;
    }
    return true;
  }

  contents(a) {
    const { t } = this.ui;
    const kind = kindOf(a);
    const unsourced = isUnsourced(a);
    const details = a.isnad ?? {};
    const rows = [];
    const row = (label, ...value) => rows.push(h('dt', {}, label), h('dd', {}, ...value));
    const sourceId = linkOf(a);
    const source = sourceId && this.ui.byId.get(sourceId);
    if (kind !== 'source') {
      if (source) {
        row(t('source'), h('button', { type: 'button', className: 'kind-source', 'aria-label': `${t('goToSource')}: ${excerpt(quoteOf(source), 60)}`, dir: 'auto', onclick: () => this.ui.goTo(sourceId) }, excerpt(quoteOf(source), 60)));
      } else if (kind === 'claim') {
        row(t('source'), h('span', { className: 'unsourced' }, t('noSource')));
      }
    }
    if (details.cue) row(t('cue'), h('bdi', {}, `«${details.cue}»`), details.stance && t(`stances.${details.stance}`) !== `stances.${details.stance}` ? ` — ${t(`stances.${details.stance}`)}` : '');
    // Stance and claim type are Isnad's words: an unknown one (from a store) is left out.
    if (details.claimType && t(`claimTypes.${details.claimType}`) !== `claimTypes.${details.claimType}`) row(t('type'), t(`claimTypes.${details.claimType}`));
    if (kind === 'source') {
      const says = this.ui.annotations.filter((x) => linkOf(x) === a.id);
      for (const said of says.slice(0, 5)) row(t(`kinds.${kindOf(said)}`), h('button', { type: 'button', dir: 'auto', onclick: () => this.ui.goTo(said.id) }, excerpt(quoteOf(said), 60)));
    }
    if (details.rating) row(t('rating'), h('bdi', {}, details.rating.label ?? ''), ` (${this.ui.strings.num(details.rating.value)}/${this.ui.strings.num(details.rating.best)})`);
    if (details.note) row(t('note'), h('span', { dir: 'auto' }, details.note));
    for (const url of webLinks(a)) row(t('link'), h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr' }, url));
    const title = unsourced ? t('unsourcedKind') : t(`kinds.${kind}`);
    return [
      h('h2', { id: 'isnad-popover-title', className: `kind-${kind}` }, title),
      h('button', { type: 'button', className: 'close', 'aria-label': t('close'), onclick: () => this.close(true) }, '×'),
      h('blockquote', { dir: 'auto' }, excerpt(quoteOf(a), 240)),
      rows.length ? h('dl', {}, rows) : null,
      this.ui.editor ? this.ui.editor.form(a) : null,
    ];
  }
}
