// The claims panel: claims grouped by their source, unsourced first, with counts; choosing one
// scrolls to it and focuses it.
import { h, fill } from './dom.js';
import { kindOf, linkOf, quoteOf, isUnsourced, excerpt } from './model.js';

export class Panel {
  constructor(ui) {
    this.ui = ui;
    this.el = h('aside', { className: 'panel', id: 'isnad-panel', hidden: true, 'aria-labelledby': 'isnad-panel-title' });
  }

  get open() {
    return !this.el.hidden;
  }

  toggle(show = !this.open) {
    if (show === this.open) return;
    this.el.hidden = !show;
    this.ui.panelButton.setAttribute('aria-expanded', String(show));
    if (show) {
      this.returnTo = this.ui.activeElement();
      this.render();
      this.el.querySelector('li button, .close')?.focus();
    } else if (this.el.contains(this.el.getRootNode().activeElement) || this.returnTo) {
      (this.returnTo?.isConnected ? this.returnTo : this.ui.panelButton).focus({ preventScroll: true });
      this.returnTo = null;
    }
  }

  /** Groups: unsourced claims first, then each source in the order it appears. */
  groups() {
    const claims = this.ui.annotations.filter((a) => kindOf(a) === 'claim');
    const unsourced = [];
    const bySource = new Map();
    for (const claim of claims) {
      const source = linkOf(claim);
      if (!source || !this.ui.byId.has(source) || isUnsourced(claim)) unsourced.push(claim);
      else bySource.set(source, [...(bySource.get(source) ?? []), claim]);
    }
    const groups = [];
    if (unsourced.length) groups.push({ title: this.ui.t('unsourcedGroup'), claims: unsourced, unsourced: true });
    for (const [source, list] of bySource) groups.push({ title: excerpt(quoteOf(this.ui.byId.get(source)), 60), claims: list, source });
    return groups;
  }

  render() {
    if (!this.open) return;
    const { t, strings } = this.ui;
    const groups = this.groups();
    const total = groups.reduce((n, g) => n + g.claims.length, 0);
    const unsourced = groups.find((g) => g.unsourced)?.claims.length ?? 0;
    const focusedId = this.el.getRootNode().activeElement?.dataset?.id;
    fill(this.el,
      h('h2', { id: 'isnad-panel-title' }, t('panel')),
      h('button', { type: 'button', className: 'close', 'aria-label': t('close'), onclick: () => this.toggle(false) }, '×'),
      h('p', {}, `${strings.count('claim', total)} · ${strings.count('unsourced', unsourced)}`),
      total === 0 ? h('p', {}, t('noClaims')) : null,
      groups.map((g, i) =>
        h('section', { 'aria-labelledby': `isnad-group-${i}` },
          h('h3', { id: `isnad-group-${i}`, className: g.unsourced ? 'kind-claim unsourced' : 'kind-source', dir: 'auto' }, `${g.title} (${strings.num(g.claims.length)})`),
          h('ul', {}, g.claims.map((c) =>
            h('li', {}, h('button', { type: 'button', className: g.unsourced ? 'unsourced' : null, 'data-id': c.id, dir: 'auto', onclick: () => this.choose(c.id) }, excerpt(quoteOf(c)))))),
        )),
    );
    if (focusedId) this.el.querySelector(`button[data-id="${CSS.escape(focusedId)}"]`)?.focus();
  }

  choose(id) {
    // On a narrow screen the panel covers the article: get it out of the way.
    if (window.innerWidth <= 480) {
      this.el.hidden = true;
      this.ui.panelButton.setAttribute('aria-expanded', 'false');
      this.returnTo = null;
    }
    this.ui.goTo(id);
  }
}
