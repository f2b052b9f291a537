// The benchmark page: every measurement runs here, in one page, driven step by step by
// scripts/bench.mjs through Playwright. Isnad and its peers work on the same article and the
// same ranges / selectors; each figure is the median of repeated runs, in milliseconds.
import { Isnad, detectText, summarizeText } from '/www/isnad.js';
import init from '/www/pkg/isnad.js';
import { createTextQuoteSelectorMatcher, highlightText } from '/node_modules/@apache-annotator/dom/lib/index.js';
import textQuote from '/cjs/node_modules/dom-anchor-text-quote/index.js';
import { anchor as hypothesisAnchor } from '/bench/peers/hypothesis.js';
import { annotationsFor, editArticle, generateArticle, loadParagraphs, makeRanges } from '/bench/articles.js';

const stage = document.getElementById('stage');
const status = document.getElementById('status');
const Mark = window.Mark;
const Recogito = window.RecogitoJS;

const state = { paragraphs: {}, article: null, root: null, lang: null, heapPeak: 0, deadline: Infinity };

const gc = () => window.gc?.();
const heap = () => performance.memory?.usedJSHeapSize ?? 0;
const notePeak = () => {
  state.heapPeak = Math.max(state.heapPeak, heap());
};
/** Style and layout of the page now, as the browser does before the next paint. */
const layout = () => state.root.getBoundingClientRect().height + document.body.offsetHeight;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** A first run longer than this is not repeated. */
const REPEAT_CAP = 3000;

/** Thrown by long loops past the cap of the run they are in. */
const OVERDUE = Symbol('overdue');
const overdue = () => {
  if (performance.now() > state.deadline) throw OVERDUE;
};

function stats(times, note) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: times.length, note };
}

/**
 * Runs `step` `runs` times (with `before`/`after` around each run, untimed) and returns the
 * median. A first run longer than `cap` ms is not repeated.
 */
async function time(runs, step, { before, after, cap = 20000 } = {}) {
  const times = [];
  let note;
  for (let i = 0; i < runs; i += 1) {
    if (before) await before();
    gc();
    const start = performance.now();
    state.deadline = start + cap;
    try {
      await step();
    } catch (err) {
      if (err !== OVERDUE) throw err;
      state.deadline = Infinity;
      if (after) await after();
      return { median: performance.now() - start, runs: 1, timeout: true, note: `stopped after ${cap / 1000} s` };
    }
    state.deadline = Infinity;
    times.push(performance.now() - start);
    notePeak();
    if (after) await after();
    if (times[0] > REPEAT_CAP) {
      note = `1 run (over ${REPEAT_CAP / 1000} s)`;
      break;
    }
  }
  return stats(times, note);
}

/** Fails loudly when a method did not do the work it is timed for. */
function check(ok, what) {
  if (!ok) throw new Error(`bench check failed: ${what}`);
}

async function setup() {
  const t0 = performance.now();
  const probe = document.createElement('div');
  probe.textContent = 'Isnad';
  document.body.append(probe);
  const first = await Isnad.mount(probe);
  const firstLoad = performance.now() - t0;
  first.destroy();
  probe.remove();
  const wasm = await init(); // already instantiated: the module's exports
  const bytes = await (await fetch('/www/pkg/isnad_bg.wasm')).arrayBuffer();
  const compile = await time(9, () => WebAssembly.compile(bytes));
  for (const lang of ['ar', 'en']) state.paragraphs[lang] = await loadParagraphs(lang);
  state.wasm = wasm;
  status.textContent = 'Ready';
  return {
    firstLoad,
    compile,
    wasmBytes: bytes.byteLength,
    highlightApi: typeof CSS !== 'undefined' && 'highlights' in CSS,
    userAgent: navigator.userAgent,
    cores: navigator.hardwareConcurrency,
  };
}

/** Puts a generated article of `bytes` UTF-8 bytes of text on the page. */
function article(lang, bytes) {
  stage.replaceChildren();
  gc();
  const generated = generateArticle(state.paragraphs[lang], bytes, bytes + (lang === 'ar' ? 1 : 2));
  const root = document.createElement('article');
  root.lang = lang;
  root.dir = lang === 'ar' ? 'rtl' : 'ltr';
  root.innerHTML = generated.html;
  stage.append(root);
  state.root = root;
  state.article = generated;
  state.lang = lang;
  state.heapPeak = 0;
  check(root.textContent === generated.texts.join(''), 'the article reads as generated');
  return {
    bytes: generated.bytes,
    codePoints: generated.texts.reduce((n, t) => n + t.length, 0) + generated.texts.length - 1,
    paragraphs: generated.texts.length,
    elements: root.querySelectorAll('*').length,
  };
}

/** Text layer build: `Isnad.mount` reads the article's text once. */
async function textLayer(runs) {
  let widget = null;
  const result = await time(runs, async () => {
    widget = await Isnad.mount(state.root);
  }, { after: () => widget.destroy() });
  const check_ = await Isnad.mount(state.root);
  check(check_.text() === state.article.texts.join('\n'), "Isnad's text is the paragraphs, a line each");
  check_.destroy();
  return result;
}

/** Detection (with its findings registered as highlights, the cheapest renderer). */
async function detect(runs) {
  const widget = await Isnad.mount(state.root, { renderer: 'highlights' });
  let found = [];
  const result = await time(runs, () => {
    found = widget.detect();
  }, { before: () => widget.clear(), cap: 60000 });
  widget.destroy();
  const kinds = {};
  for (const a of found) kinds[a.body[0].value] = (kinds[a.body[0].value] ?? 0) + 1;
  return { ...result, found: found.length, kinds };
}

/** What a page embedding Isnad waits for: `Isnad.mount(root, { detect: true })` reads the
 * article, detects and draws the findings (highlights renderer), handing JS no copy of them. */
async function mountDetect(runs) {
  let widget = null;
  const result = await time(runs, async () => {
    widget = await Isnad.mount(state.root, { detect: true, renderer: 'highlights' });
  }, { after: () => widget.destroy(), cap: 60000 });
  return result;
}

/** Detection in the wasm: `summarizeText` on the article's text (what is found, counted: no
 * annotation built or handed to JS, nothing marked in the page). */
async function detectCounted(runs) {
  const widget = await Isnad.mount(state.root);
  const text = widget.text();
  widget.destroy();
  let summary = null;
  await summarizeText(text); // the word lists are built on first use
  const result = await time(runs, async () => {
    summary = await summarizeText(text);
  }, { cap: 60000 });
  return { ...result, found: summary.claims + summary.sources + summary.assessments, summary };
}

/** Detection with its annotations handed to JS: `detectText` on the article's text (W3C
 * annotations built, serialized and parsed; nothing marked in the page). */
async function detectOnly(runs) {
  const widget = await Isnad.mount(state.root);
  const text = widget.text();
  widget.destroy();
  let found = [];
  await detectText(text); // the word lists are built on first use
  const result = await time(runs, async () => {
    found = await detectText(text);
  }, { cap: 60000 });
  return { ...result, found: found.length };
}

/** Text nodes of the article with their textContent offsets, for making DOM Ranges. */
function textIndex(root) {
  const nodes = [];
  const starts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n);
    starts.push(at);
    at += n.length;
  }
  const locate = (offset, end) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] < offset || (!end && starts[mid] === offset)) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo], offset - starts[lo]];
  };
  return locate;
}

/**
 * Highlighting `count` ranges and clearing them, by every method on the same ranges: Isnad
 * (marks, highlights), mark.js markRanges, Apache Annotator highlightText, Recogito, and the
 * raw CSS Custom Highlight API (the floor: StaticRanges made beforehand, only registered).
 */
async function highlight(count, runs, methods) {
  const ranges = makeRanges(state.article.texts, count);
  if (!ranges) return null;
  const root = state.root;
  const html = root.innerHTML;
  const out = { ranges: ranges.length };
  const isnadRanges = ranges.map(({ start, end, kind, id }) => ({ start, end, kind, id }));
  // The article laid out before any timing: no method pays for the page's first layout.
  layout();
  const cap = 10000;
  const want = (m) => !methods || methods.includes(m);

  for (const renderer of ['marks', 'highlights']) {
    if (!want(`isnad-${renderer}`)) continue;
    const widget = await Isnad.mount(root, { renderer });
    check(widget.renderer === renderer, `Isnad renders with ${renderer}`);
    const h = await time(runs, () => {
      widget.highlight(isnadRanges);
      layout();
    }, { after: () => widget.clear(), cap });
    widget.highlight(isnadRanges);
    check(widget.markCount() >= ranges.length, `Isnad (${renderer}) drew every range`);
    widget.clear();
    const c = await time(runs, () => {
      widget.clear();
      layout();
    }, { before: () => widget.highlight(isnadRanges), cap });
    widget.destroy();
    check(root.innerHTML === html, `Isnad (${renderer}) left the article as it was`);
    out[`isnad-${renderer}`] = { highlight: h, clear: c };
  }

  if (want('markjs')) {
    const instance = new Mark(root);
    const markRanges = ranges.map((r) => ({ start: r.tcStart, length: r.tcEnd - r.tcStart }));
    const mark = () => instance.markRanges(markRanges, { element: 'mark', className: 'markjs' });
    const unmark = () => instance.unmark({ element: 'mark', className: 'markjs' });
    const h = await time(runs, () => {
      mark();
      layout();
    }, { after: unmark, cap });
    if (h.median > cap) {
      out.markjs = { highlight: h, clear: null };
      root.innerHTML = html;
    layout();
    } else {
    mark();
    check(root.querySelectorAll('mark.markjs').length >= ranges.length, 'mark.js marked every range');
    unmark();
    const c = await time(runs, () => {
      unmark();
      layout();
    }, { before: mark, cap });
    out.markjs = { highlight: h, clear: c };
    // mark.js unmark normalizes the parents: the article may have merged text nodes only.
    check(root.textContent === state.article.texts.join(''), 'mark.js left the text as it was');
    root.innerHTML = html;
    layout();
    }
  }

  if (want('apache')) {
    let removers = [];
    // Ranges made from offsets inside the timing, last first: a split never moves an earlier
    // text node, so one index of the text nodes serves every range.
    const draw = () => {
      const locate = textIndex(root);
      removers = [];
      for (let i = ranges.length - 1; i >= 0; i -= 1) {
        const r = document.createRange();
        r.setStart(...locate(ranges[i].tcStart, false));
        r.setEnd(...locate(ranges[i].tcEnd, true));
        removers.push(highlightText(r, 'mark', { class: 'apache' }));
        if (i % 64 === 0) overdue();
      }
    };
    const undraw = () => {
      for (let i = removers.length - 1; i >= 0; i -= 1) removers[i]();
      removers = [];
    };
    const h = await time(runs, () => {
      draw();
      layout();
    }, { after: undraw, cap });
    if (h.timeout || h.median > cap) {
      out.apache = { highlight: h, clear: null };
      root.innerHTML = html;
    layout();
    } else {
    draw();
    check(root.querySelectorAll('mark.apache').length >= ranges.length, 'Apache Annotator marked every range');
    undraw();
    const c = await time(runs, () => {
      undraw();
      layout();
    }, { before: draw, cap });
    out.apache = { highlight: h, clear: c };
    check(root.textContent === state.article.texts.join(''), 'Apache Annotator left the text as it was');
    root.innerHTML = html;
    layout();
    }
  }

  if (want('floor') && typeof Highlight === 'function') {
    const locate = textIndex(root);
    const made = ranges.map((r) => {
      const [sn, so] = locate(r.tcStart, false);
      const [en, eo] = locate(r.tcEnd, true);
      return new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo });
    });
    let hl = null;
    const h = await time(runs, () => {
      hl = new Highlight(...made);
      CSS.highlights.set('bench-floor', hl);
      layout();
    }, { after: () => CSS.highlights.delete('bench-floor'), cap });
    const c = await time(runs, () => {
      hl.clear();
      layout();
    }, {
      before: () => {
        hl = new Highlight(...made);
        CSS.highlights.set('bench-floor', hl);
      },
      cap,
    });
    CSS.highlights.delete('bench-floor');
    out.floor = { highlight: h, clear: c };
  }

  if (want('recogito') && Recogito) {
    try {
      out.recogito = await recogito(ranges, runs, cap);
    } catch (err) {
      out.recogito = { error: String(err?.message ?? err) };
    }
    root.innerHTML = html;
    layout();
  }
  return out;
}

/** Recogito's text annotator, set with the same ranges, until its highlights are drawn. */
async function recogito(ranges, runs, cap) {
  const content = state.article.texts.join('');
  const annotations = ranges.map((r) => ({
    id: r.id,
    bodies: [],
    target: { annotation: r.id, selector: [{ quote: content.slice(r.tcStart, r.tcEnd), start: r.tcStart, end: r.tcEnd }] },
  }));
  const anno = Recogito.createTextAnnotator(state.root, { renderer: 'CSS_HIGHLIGHTS' });
  try {
    const h = await time(runs, async () => {
      anno.setAnnotations(annotations, true);
      await frame();
    }, { after: () => anno.clearAnnotations(), cap });
    if (h.median > cap) return { highlight: h, clear: null, note: 'set + one frame' };
    const c = await time(runs, async () => {
      anno.clearAnnotations();
      await frame();
    }, { before: () => anno.setAnnotations(annotations, true), cap });
    return { highlight: h, clear: c, note: 'set + one frame' };
  } finally {
    anno.destroy?.();
  }
}

/**
 * Re-anchoring `count` stored annotations after edits to the page: Isnad's `load` (anchors
 * and registers the highlights), Hypothesis's anchor() for each, dom-anchor-text-quote's
 * toRange for each (the older Hypothesis client), Apache Annotator's text quote matcher for
 * each (first match). Same selectors for all (quote with 32 code points of context, position).
 */
async function reanchor(count, runs, methods) {
  const texts = state.article.texts;
  const ranges = makeRanges(texts, count, 120);
  const annotations = annotationsFor(texts, ranges);
  const root = state.root;
  const changed = editArticle(root, state.lang);
  const out = { annotations: annotations.length, changed };
  const want = (m) => !methods || methods.includes(m);
  const cap = 30000;

  if (want('isnad')) {
    const widget = await Isnad.mount(root, { renderer: 'highlights' });
    let counts = null;
    out.isnad = await time(runs, () => {
      counts = widget.load(annotations);
    }, { cap });
    widget.destroy();
    out.isnad.anchored = counts.anchored;
    out.isnad.orphans = counts.orphans;
  }

  if (want('hypothesis')) {
    let found = 0;
    out.hypothesis = await time(runs, () => {
      found = 0;
      const held = [];
      for (const a of annotations) {
        overdue();
        const r = hypothesisAnchor(root, a.target.selector);
        if (r) {
          found += 1;
          held.push(r);
        }
      }
    }, { cap });
    out.hypothesis.anchored = found;
  }

  if (want('textquote')) {
    let found = 0;
    out.textquote = await time(runs, () => {
      found = 0;
      for (const a of annotations) {
        overdue();
        const [q, p] = a.target.selector;
        try {
          if (textQuote.toRange(root, q, { hint: p.start })) found += 1;
        } catch {
          // Not found.
        }
      }
    }, { cap });
    out.textquote.anchored = found;
  }

  if (want('apache')) {
    const scope = document.createRange();
    scope.selectNodeContents(root);
    let found = 0;
    out.apache = await time(runs, async () => {
      found = 0;
      for (const a of annotations) {
        overdue();
        const [q] = a.target.selector;
        const matcher = createTextQuoteSelectorMatcher(q);
        for await (const r of matcher(scope)) {
          if (r) found += 1;
          break;
        }
      }
    }, { cap });
    out.apache.anchored = found;
    out.apache.note = (out.apache.note ? `${out.apache.note}; ` : '') + 'exact quotes only';
  }
  return out;
}

function memory() {
  return { heapPeak: state.heapPeak, heapNow: heap(), wasmMemory: state.wasm?.memory?.buffer.byteLength ?? 0 };
}

window.bench = { setup, article, textLayer, detect, detectCounted, detectOnly, mountDetect, highlight, reanchor, memory };
