// The density bar along the page's edge: where claims, sources and assessments sit in the
// article, in buckets as Hypothesis's bucket bar has them; a bucket takes you to its first one.
import { h, fill } from './dom.js';
import { kindOf, isUnsourced, quoteOf, excerpt } from './model.js';

const BUCKET = 16; // px of bar per bucket

export class DensityBar {
  constructor(ui) {
    this.ui = ui;
    this.el = h('nav', { className: 'density', 'aria-label': ui.t('density'), onkeydown: (e) => this.key(e) });
  }

  render() {
    const { ui } = this;
    const height = window.innerHeight;
    const page = Math.max(document.documentElement.scrollHeight, 1);
    const buckets = new Map();
    for (const a of ui.annotations) {
      const mark = ui.anchorOf(a.id);
      // Text the page keeps out of layout (content-visibility, display: none) is not measured:
      // measuring would force its layout.
      const holder = mark instanceof Element ? mark : mark?.startContainer.parentElement;
      if (!mark || holder?.checkVisibility?.({ contentVisibilityAuto: true }) === false) continue;
      const y = mark.getBoundingClientRect().top + window.scrollY;
      const slot = Math.min(Math.floor(((y / page) * height) / BUCKET), Math.floor((height - BUCKET) / BUCKET));
      buckets.set(slot, [...(buckets.get(slot) ?? []), a]);
    }
    const buttons = [...buckets].sort(([a], [b]) => a - b).map(([slot, list]) => this.bucket(slot, list));
    // One tab stop for the whole bar; arrows, Home and End move inside it.
    buttons.forEach((b, i) => b.setAttribute('tabindex', i === 0 ? '0' : '-1'));
    fill(this.el, buttons);
  }

  /** Arrow keys between buckets (a roving tab stop). */
  key(e) {
    const buttons = [...this.el.querySelectorAll('button')];
    const at = buttons.indexOf(this.el.getRootNode().activeElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = buttons[Math.max(0, Math.min(to, buttons.length - 1))];
    buttons.forEach((b) => b.setAttribute('tabindex', b === next ? '0' : '-1'));
    next.focus();
  }

  bucket(slot, list) {
    const { strings, t } = this.ui;
    const kinds = ['claim', 'source', 'assessment'];
    const counts = kinds.map((k) => [k, list.filter((a) => kindOf(a) === k).length]).filter(([, n]) => n);
    const what = counts.map(([k, n]) => strings.count(k, n)).join(strings.lang === 'ar' ? '، ' : ', ');
    const button = h('button', { type: 'button', 'aria-label': t('bucket', { what, text: excerpt(quoteOf(list[0]), 40) }), title: what, onclick: () => this.ui.goTo(list[0].id) },
      list.slice(0, 4).map((a) => h('span', { className: isUnsourced(a) ? 'unsourced' : kindOf(a) })));
    button.style.setProperty('inset-block-start', `${slot * BUCKET}px`);
    return button;
  }
}
