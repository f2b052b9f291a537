// Untrusted text stays text: a corpus of XSS payloads (tests/e2e/xss-corpus.mjs) fed through
// every way text gets into Isnad, in Chromium, on www/hostile.html with its CSP turned off (a
// CSP would block most payloads even if Isnad injected them as HTML; the page of a newsroom
// without one must be safe too). A payload that ever ran would call `__xss(id)`, open a dialog,
// fetch /xss-probe/…, open a window or navigate: all are trapped before the page loads. The
// interface's DOM is also searched for anything a payload could have smuggled in (elements,
// event-handler attributes, non-http links), and every place a payload is shown is compared
// with the payload as typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './harness.mjs';
import { corpus, KEY_PAYLOADS } from './xss-corpus.mjs';

const ISNAD = 'target/release/isnad';
const PAYLOADS = corpus();
let demo;
const tmp = mkdtempSync(join(tmpdir(), 'isnad-xss-'));
const cleanup = [];

before(async () => {
  demo = await startDemo();
});
after(async () => {
  for (const f of cleanup) await f();
  await demo?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Opens www/hostile.html in a fresh context with the CSP bypassed and every way a payload could
 * show it ran trapped. `hits` lists what ran; `problems` page errors.
 */
async function hostilePage() {
  const context = await demo.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  cleanup.push(() => context.close().catch(() => {}));
  const page = await context.newPage();
  const hits = [];
  const problems = [];
  let loaded = false;
  await context.exposeBinding('__xssReport', (_source, id, how) => hits.push({ how, id: String(id) }));
  await context.addInitScript(() => {
    const report = (how) => (id) => window.__xssReport?.(String(id), how);
    Object.defineProperty(window, '__xss', { value: report('called'), configurable: false, writable: false });
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = report(name);
  });
  page.on('dialog', (d) => {
    hits.push({ how: 'dialog', id: d.message() });
    d.dismiss().catch(() => {});
  });
  context.on('page', (p) => p !== page && hits.push({ how: 'new window', id: p.url() }));
  await context.route('**/xss-probe/**', (route) => {
    hits.push({ how: 'request', id: route.request().url() });
    route.fulfill({ status: 404, body: '' });
  });
  page.on('framenavigated', (frame) => {
    if (loaded && frame === page.mainFrame()) hits.push({ how: 'navigation', id: frame.url() });
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
  await page.goto(`${demo.baseUrl}hostile.html`);
  loaded = true;
  await page.evaluate(installHelpers);
  return { page, hits, problems };
}

/** Lets late handlers (image errors, frames, timers) fire before hits are counted. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 400))));
}

/** Helpers in the page: `__h.excerpt` (as the interface shortens text) and `__h.scan`. */
function installHelpers() {
  const UI_TAGS = new Set(['div', 'span', 'button', 'nav', 'aside', 'h2', 'h3', 'p', 'ul', 'li', 'section', 'blockquote', 'dl', 'dt', 'dd', 'bdi', 'a', 'select', 'option', 'textarea', 'label']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'srcdoc', 'xlink:href', 'background', 'codebase']);
  window.__h = {
    // The interface's English labels of the popover's rows (www/i18n/en.js).
    NOTE: 'Editor’s note',
    CUE: 'Says it as',
    excerpt(text, max = 90) {
      const chars = [...text.replace(/\s+/g, ' ').trim()];
      return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
    },
    /** What a payload may have smuggled into the article, the interface or the page. */
    scan(articleTags) {
      const bad = [];
      const look = (el, where, allowed) => {
        for (const e of [el, ...el.querySelectorAll('*')]) {
          if (!allowed(e)) bad.push(`${where}: unexpected <${e.localName}>`);
          for (const attr of e.attributes) {
            if (/^on/i.test(attr.name)) bad.push(`${where}: <${e.localName} ${attr.name}=${attr.value}>`);
            if (URL_ATTRS.has(attr.name.toLowerCase()) && !(e.localName === 'a' && attr.name === 'href' && /^https?:\/\//i.test(attr.value))) {
              if (where === 'page' && e.closest('head')) continue;
              bad.push(`${where}: <${e.localName} ${attr.name}=${attr.value}>`);
            }
            if (attr.name === 'style' && /url\(|expression|binding/i.test(attr.value)) bad.push(`${where}: style ${attr.value}`);
          }
        }
      };
      for (const article of document.querySelectorAll('article')) look(article, 'article', (e) => articleTags.has(e.localName));
      for (const host of document.querySelectorAll('[data-isnad-ui]')) {
        for (const child of host.shadowRoot.children) look(child, 'interface', (e) => UI_TAGS.has(e.localName));
      }
      look(document.body, 'page', (e) => ['body', 'main', 'div', 'article', 'h1', 'p', 'mark'].includes(e.localName) || e.matches('[data-isnad-ui]'));
      for (const s of document.querySelectorAll('script, iframe, object, embed, img, svg, math, style, link[rel=stylesheet], meta[http-equiv], base')) {
        if (!s.matches('script[type="application/ld+json"].isnad-test, link[href="news.css"]')) bad.push(`page: <${s.localName}> ${s.outerHTML.slice(0, 80)}`);
      }
      return bad;
    },
    /** The interface's shadow root (the last one mounted). */
    shadow() {
      return [...document.querySelectorAll('[data-isnad-ui]')].at(-1).shadowRoot;
    },
    /** Offsets in code points of root.textContent of each of `elements`' text. */
    positions(root, elements) {
      const at = new Map();
      let offset = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const p = n.parentElement.closest('p');
        if (p && !at.has(p)) at.set(p, offset);
        offset += [...n.data].length;
      }
      return elements.map((e) => ({ start: at.get(e), end: at.get(e) + [...e.textContent].length }));
    },
    /** The popover's parts, by what they show. */
    popover() {
      const el = window.__h.shadow().querySelector('.popover');
      const rows = {};
      for (const dt of el.querySelectorAll('dt')) (rows[dt.textContent] ??= []).push(dt.nextElementSibling);
      return { el, rows, quote: el.querySelector('blockquote')?.textContent, hidden: el.hidden };
    },
  };
}

const fmt = (hits) => hits.map((h) => `${h.how}: ${PAYLOADS[Number(h.id)]?.text ?? h.id}`).join('\n');

test('the trap catches a payload that does run (canary: the same payloads put in as HTML)', async () => {
  const { page, hits } = await hostilePage();
  const plain = PAYLOADS.filter((p) => p.wrap === 'plain');
  const canaries = ['<img src=x onerror=', '<details open ontoggle=', '<iframe srcdoc=', '<img src="/xss-probe/'].map((s) => plain.find((p) => p.text.startsWith(s)));
  await page.evaluate((html) => {
    const div = document.createElement('div');
    div.innerHTML = html.join('');
    document.body.append(div);
  }, canaries.map((p) => p.text));
  await page.waitForFunction(() => true);
  await settle(page);
  await settle(page);
  const ran = new Set(hits.map((h) => (h.how === 'request' ? /xss-probe\/(\d+)/.exec(h.id)[1] : h.id)));
  for (const p of canaries) assert.ok(ran.has(String(p.id)), `canary ${p.text} was caught (hits: ${JSON.stringify(hits)})`);
  assert.ok((await page.evaluate((tags) => window.__h.scan(new Set(tags)), ['article', 'h1', 'div', 'p'])).length > 0, 'the DOM scan sees injected markup');
});

/**
 * Path 1: annotations put in through load(), add() and update(), with every text an
 * annotation carries set to a payload: the quoted text (TextQuoteSelector exact), the source's
 * name (the source annotation's quote), the note, the cue, the rating label, TextualBody values
 * (commenting, tagging), link bodies (javascript:, data:, vbscript: and http(s) with the
 * payload in the URL), the id. Shown in the popover, the editing form, the panel and the
 * density bar; exported as ClaimReview; written through to the store.
 */
test(`${PAYLOADS.length} payloads in annotations via load(), add() and update(): shown as typed in the popover, editor, panel and density bar; nothing runs`, async () => {
  // In batches of about 180 payloads a page: each popover of the editor lists every source.
  const batches = [0, 1, 2].map((k) => PAYLOADS.filter((p) => p.id % 3 === k));
  for (const batch of batches) await annotationsBatch(batch);
});

async function annotationsBatch(payloads) {
  const { page, hits, problems } = await hostilePage();
  const result = await page.evaluate(async ({ payloads, keys }) => {
    const h = window.__h;
    const { Isnad } = await import('./isnad.js');
    const { MemoryStore } = await import('./stores.js');
    const body = document.querySelector('#main-article .article-body');
    const paragraphs = [];
    for (const p of payloads) {
      for (let k = 0; k < 2; k += 1) {
        const el = document.createElement('p');
        el.textContent = p.text;
        body.append(el);
        paragraphs.push(el);
      }
    }
    const store = new MemoryStore({ page: location.href });
    const isnad = await Isnad.mount('#main-article', { ui: true, mode: 'editor', store, live: false });
    const errors = [];
    isnad.on('error', (e) => errors.push(e.message));
    const root = isnad.root;
    const at = h.positions(root, paragraphs);
    const page = location.href;
    const annotation = (id, kind, quote, pos, bodies = [], isnad) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'classifying', value: kind }, ...bodies],
      target: { source: page, selector: [{ type: 'TextQuoteSelector', exact: quote }, { type: 'TextPositionSelector', ...pos }] },
      ...(isnad ? { isnad } : {}),
    });
    const link = (p) => `https://example.org/?q=${p.text}`;
    const made = payloads.map((p, i) => {
      const sourceId = `urn:xss:s${p.id}`;
      const claimId = `urn:xss:c${p.id}:${p.text}`;
      const source = annotation(sourceId, 'source', p.text, at[2 * i + 1]);
      const claim = annotation(claimId, 'claim', p.text, at[2 * i], [
        { type: 'SpecificResource', purpose: 'linking', source: sourceId },
        { type: 'TextualBody', purpose: 'commenting', value: p.text },
        { type: 'TextualBody', purpose: 'tagging', value: p.text },
        { type: 'SpecificResource', purpose: 'linking', source: `javascript:__xss(${p.id})` },
        { type: 'SpecificResource', source: `javascript:__xss(${p.id})` },
        { type: 'SpecificResource', source: ['data:text/html,<script>__xss(', ')</script>'].join(p.id) },
        { type: 'SpecificResource', source: `vbscript:__xss(${p.id})` },
        { id: `javascript:__xss(${p.id})`, type: 'Text' },
        { type: 'SpecificResource', source: link(p) },
      ], {
        note: p.text,
        cue: p.text,
        stance: keys[i % keys.length],
        claimType: keys[(i + 1) % keys.length],
        rating: { value: 1, best: 5, worst: 1, label: p.text },
      });
      return { p, source, claim };
    });
    // The plain payloads through add() and through load() then update(); the others load().
    const way = (p) => (p.wrap !== 'plain' ? 'load' : p.id % 2 ? 'add' : 'update');
    const plain = (a) => ({ ...a, body: a.body.slice(0, 1), isnad: undefined });
    const loaded = isnad.load(made.flatMap(({ p, source, claim }) => (way(p) === 'load' ? [source, claim] : way(p) === 'update' ? [source, plain(claim)] : [])));
    for (const { p, source, claim } of made) {
      if (way(p) === 'add') {
        isnad.add(source);
        isnad.add(claim);
      } else if (way(p) === 'update') {
        isnad.update(claim);
      }
    }
    await new Promise((r) => setTimeout(r, 50));
    const wrong = [];
    const expect = (what, got, want) => {
      if (got !== want) wrong.push({ what, got, want });
    };
    // The popover of each claim and of each source.
    for (const { p, claim, source } of made) {
      isnad.select(claim.id);
      const pop = h.popover();
      expect(`claim ${p.id} popover open`, pop.hidden, false);
      expect(`claim ${p.id} quote`, pop.quote, h.excerpt(p.text, 240));
      expect(`claim ${p.id} note`, pop.rows[h.NOTE]?.[0]?.textContent, p.text);
      expect(`claim ${p.id} cue`, pop.rows[h.CUE]?.[0]?.querySelector('bdi')?.textContent, `«${p.text}»`);
      expect(`claim ${p.id} rating`, pop.rows.Rating?.[0]?.querySelector('bdi')?.textContent, p.text);
      expect(`claim ${p.id} source name`, pop.rows.Source?.[0]?.querySelector('button')?.textContent, h.excerpt(p.text, 60));
      const links = [...pop.el.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));
      expect(`claim ${p.id} links`, JSON.stringify(links), JSON.stringify([{ href: link(p), text: link(p) }]));
      expect(`claim ${p.id} no prototype words`, /\[native code\]|\[object Object\]/.test(pop.el.textContent), false);
      const form = pop.el.querySelector('.edit');
      expect(`claim ${p.id} editor note`, form?.querySelector('textarea')?.value, p.text);
      const option = [...(form?.querySelectorAll('option') ?? [])].find((o) => o.value === source.id);
      expect(`claim ${p.id} editor source option`, option?.textContent, h.excerpt(p.text, 50));
      isnad.select(source.id);
      const said = h.popover();
      expect(`source ${p.id} quote`, said.quote, h.excerpt(p.text, 240));
      expect(`source ${p.id} claim listed`, said.rows.Claim?.[0]?.querySelector('button')?.textContent, h.excerpt(p.text, 60));
    }
    // The panel: every claim, grouped under its source's name.
    window.__h.shadow().querySelector('.launcher button').click();
    const panel = h.shadow().querySelector('.panel');
    const listed = new Map([...panel.querySelectorAll('li button')].map((b) => [b.dataset.id, b.textContent]));
    const groups = [...panel.querySelectorAll('h3')].map((g) => g.textContent);
    for (const { p, claim } of made) {
      expect(`panel ${p.id}`, listed.get(claim.id), h.excerpt(p.text));
      expect(`panel group ${p.id}`, groups.includes(`${h.excerpt(p.text, 60)} (1)`), true);
    }
    // The density bar: each bucket names the text it goes to.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const quotes = new Set(made.map(({ p }) => `near “${h.excerpt(p.text, 40)}”`));
    const buckets = [...h.shadow().querySelectorAll('.density button')].map((b) => b.getAttribute('aria-label'));
    for (const label of buckets) expect('density label', [...quotes].some((q) => label.endsWith(q)), true);
    // ClaimReview: the export keeps the payloads as data; in a JSON-LD script they stay data.
    const reviews = isnad.claimReviews({ name: payloads[0].text, url: 'https://news.example/' });
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.className = 'isnad-test';
    script.textContent = JSON.stringify(reviews);
    document.head.append(script);
    expect('claim reviews', reviews.length, made.length);
    const labels = new Set(reviews.map((r) => r.reviewRating?.alternateName));
    const reviewed = new Set(reviews.map((r) => r.claimReviewed));
    for (const { p } of made) {
      expect(`review label ${p.id}`, labels.has(p.text), true);
      expect(`review claim ${p.id}`, reviewed.has(p.text), true);
    }
    expect('review publisher', reviews[0]?.author?.name, payloads[0].text);
    expect('JSON-LD round trip', JSON.stringify(JSON.parse(script.textContent)), JSON.stringify(reviews));
    // What the widget and the store hold is what was typed.
    await new Promise((r) => setTimeout(r, 100));
    const held = new Map(isnad.annotations().map((a) => [a.id, a]));
    const stored = new Map((await store.list(location.href)).map((a) => [a.id, a]));
    for (const { p, claim } of made) {
      const a = held.get(claim.id);
      expect(`held note ${p.id}`, a?.isnad?.note, p.text);
      expect(`held comment ${p.id}`, a?.body.find((b) => b.purpose === 'commenting')?.value, p.text);
      expect(`held quote ${p.id}`, a?.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact, p.text);
      if (stored.has(claim.id)) expect(`stored note ${p.id}`, stored.get(claim.id).isnad?.note, p.text);
    }
    return {
      loaded, wrong: wrong.slice(0, 12), wrongCount: wrong.length, buckets: buckets.length, reviews: reviews.length,
      stored: stored.size, written: made.reduce((n, { p }) => n + (way(p) === 'add' ? 2 : way(p) === 'update' ? 1 : 0), 0), scan: h.scan(new Set(['article', 'h1', 'div', 'p', 'mark'])), errors,
      statuses: made.map(({ claim, source }) => [isnad.status(claim.id), isnad.status(source.id)]).flat().filter((s) => s !== 'exact'),
    };
  }, { payloads, keys: KEY_PAYLOADS });
  await settle(page);
  assert.deepEqual(result.statuses, [], 'every annotation anchored exactly');
  assert.equal(result.wrongCount, 0, `shown as typed:\n${JSON.stringify(result.wrong, null, 1)}`);
  assert.ok(result.buckets >= 20, `density buckets: ${result.buckets}`);
  assert.equal(result.reviews, payloads.length);
  assert.equal(result.stored, result.written, 'the store holds what was added and updated (load() only reads)');
  assert.deepEqual(result.scan, []);
  assert.deepEqual(result.errors, []);
  assert.equal(hits.length, 0, `payloads ran:\n${fmt(hits)}`);
  assert.deepEqual(problems, []);
  await page.context().close();
}

/**
 * Path 2: the article's own text holds the payloads (as text, as a page that escapes its HTML
 * has them); detection finds claims and sources in it; their popovers, the panel and the
 * density bar show the article's words; Hypothesis rows whose text, tags and uri are payloads
 * come in through importHypothesis.
 */
test(`${PAYLOADS.length} payloads in the article's text, detected, and in imported Hypothesis rows: shown as typed; nothing runs`, async () => {
  const { page, hits, problems } = await hostilePage();
  const result = await page.evaluate(async ({ payloads }) => {
    const h = window.__h;
    const { Isnad } = await import('./isnad.js');
    const body = document.querySelector('#main-article .article-body');
    const paragraphs = payloads.map((p, i) => {
      const el = document.createElement('p');
      el.textContent = i % 2 ? `The ministry said that ${p.text} rose 8% in 2023.` : `قال المتحدث باسم الوزارة إن ${p.text} ارتفعت بنسبة 8% في عام 2023.`;
      body.append(el);
      return el;
    });
    const isnad = await Isnad.mount('#main-article', { ui: true, detect: true, live: false });
    const root = isnad.root;
    const content = [...root.textContent];
    const wrong = [];
    const expect = (what, got, want) => {
      if (got !== want) wrong.push({ what, got, want });
    };
    const detected = isnad.annotations();
    const quote = (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact;
    const byId = new Map(detected.map((a) => [a.id, a]));
    let withPayload = 0;
    for (const a of detected) {
      const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      expect(`${a.id} quote is the article's text`, quote(a), content.slice(pos.start, pos.end).join(''));
      if (payloads.some((p) => quote(a).includes(p.text.slice(0, 12)))) withPayload += 1;
      isnad.select(a.id);
      const pop = h.popover();
      expect(`${a.id} popover quote`, pop.quote, h.excerpt(quote(a), 240));
      const link = a.body.find((b) => b.purpose === 'linking')?.source;
      if (link && byId.has(link)) expect(`${a.id} source name`, pop.rows.Source?.[0]?.querySelector('button')?.textContent, h.excerpt(quote(byId.get(link)), 60));
      if (a.isnad?.cue) expect(`${a.id} cue`, pop.rows[h.CUE]?.[0]?.querySelector('bdi')?.textContent, `«${a.isnad.cue}»`);
    }
    h.shadow().querySelector('.launcher button').click();
    const listed = new Map([...h.shadow().querySelectorAll('.panel li button')].map((b) => [b.dataset.id, b.textContent]));
    for (const a of detected.filter((x) => x.body.some((b) => b.value === 'claim'))) expect(`panel ${a.id}`, listed.get(a.id), h.excerpt(quote(a)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const near = new Set(detected.map((a) => `near “${h.excerpt(quote(a), 40)}”`));
    const buckets = [...h.shadow().querySelectorAll('.density button')].map((b) => b.getAttribute('aria-label'));
    for (const label of buckets) expect('density label', [...near].some((q) => label.endsWith(q)), true);

    // Hypothesis rows quoting each payload, with payloads for text, tags, uri and id.
    const rows = payloads.map((p, i) => ({
      id: `h${p.id}${p.text}`,
      uri: p.text,
      text: p.text,
      tags: [p.text, 'claim'],
      target: [{ source: p.text, selector: [{ type: 'TextQuoteSelector', exact: p.text, ...(i % 2 ? { prefix: 'said that ', suffix: ' rose' } : { prefix: 'الوزارة إن ', suffix: ' ارتفعت' }) }] }],
    }));
    const counts = isnad.importHypothesis({ total: rows.length, rows });
    const orphaned = [];
    const held = new Map(isnad.annotations().map((a) => [a.id, a]));
    for (const row of rows) {
      const a = held.get(`urn:hypothesis:${row.id}`);
      expect(`hypothesis ${row.id} held`, !!a, true);
      if (!a) continue;
      expect(`hypothesis ${row.id} comment`, a.body.find((b) => b.purpose === 'commenting')?.value, row.text);
      expect(`hypothesis ${row.id} tag`, a.body.find((b) => b.purpose === 'tagging' && b.value !== 'claim')?.value, row.text);
      if (isnad.status(a.id) === 'orphan') {
        orphaned.push(row.text);
        continue;
      }
      isnad.select(a.id);
      const pop = h.popover();
      expect(`hypothesis ${row.id} popover quote`, pop.quote, h.excerpt(row.text, 240));
      expect(`hypothesis ${row.id} no link`, pop.el.querySelectorAll('a').length, 0);
    }
    return {
      wrong: wrong.slice(0, 12), wrongCount: wrong.length, detected: detected.length, withPayload, counts, orphaned,
      textKept: paragraphs.every((el, i) => el.textContent.includes(payloads[i].text)),
      scan: h.scan(new Set(['article', 'h1', 'div', 'p', 'mark'])),
    };
  }, { payloads: PAYLOADS });
  await settle(page);
  assert.ok(result.detected >= PAYLOADS.length, `detection found ${result.detected} annotations`);
  assert.ok(result.withPayload >= PAYLOADS.length / 4, `${result.withPayload} detected quotes hold a payload`);
  assert.equal(result.counts.anchored, PAYLOADS.length, `${JSON.stringify(result.counts)}: ${JSON.stringify(result.orphaned, null, 1)}`);
  assert.equal(result.wrongCount, 0, `shown as typed:\n${JSON.stringify(result.wrong, null, 1)}`);
  assert.ok(result.textKept, "the article's text is as it was");
  assert.deepEqual(result.scan, []);
  assert.equal(hits.length, 0, `payloads ran:\n${fmt(hits)}`);
  assert.deepEqual(problems, []);
});

/** The annotations of the store paths: a claim and its source per payload, on hostile.html. */
function storedAnnotations(pageUrl, payloads) {
  return payloads.flatMap((p) => {
    return [
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:xss:s${p.id}`, type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'classifying', value: 'source' }], target: { source: pageUrl, selector: [{ type: 'TextQuoteSelector', exact: p.text, prefix: '§ ' }] } },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `urn:xss:c${p.id}`,
        type: 'Annotation',
        body: [
          { type: 'TextualBody', purpose: 'classifying', value: 'claim' },
          { type: 'SpecificResource', purpose: 'linking', source: `urn:xss:s${p.id}` },
          { type: 'SpecificResource', source: `javascript:__xss(${p.id})` },
        ],
        target: { source: pageUrl, selector: [{ type: 'TextQuoteSelector', exact: p.text, prefix: '¶ ' }] },
        isnad: { note: p.text, cue: p.text, rating: { value: 2, best: 5, worst: 1, label: p.text } },
      },
    ];
  });
}

/**
 * Mounts a reader on hostile.html whose article holds, per payload, "¶ P" and "§ P" paragraphs,
 * with `storeCode` (run in the page) as the store; checks the popovers of what came back.
 */
async function readFromStore(page, payloads, storeCode) {
  return page.evaluate(async ({ payloads, storeCode }) => {
    const h = window.__h;
    const { Isnad } = await import('./isnad.js');
    const stores = await import('./stores.js');
    const body = document.querySelector('#main-article .article-body');
    for (const p of payloads) {
      for (const text of [`¶ ${p.text}`, `§ ${p.text}`]) body.append(Object.assign(document.createElement('p'), { textContent: text }));
    }
    const store = new Function('stores', `return ${storeCode}`)(stores);
    const isnad = await Isnad.mount('#main-article', { ui: true, mode: 'reader', store, live: false });
    const errors = [];
    isnad.on('error', (e) => errors.push(e.message));
    await new Promise((r) => setTimeout(r, 100));
    const wrong = [];
    const expect = (what, got, want) => {
      if (got !== want) wrong.push({ what, got, want });
    };
    for (const p of payloads) {
      const id = `urn:xss:c${p.id}`;
      // Anchored by quote and context alone: on the "¶" paragraph, whatever the status says.
      const marks = [...document.querySelectorAll(`mark[data-isnad-id="${CSS.escape(id)}"]`)];
      // Marks leave out invisible format characters (bidi controls, zero-width) at their edges.
      const edges = /^[\p{Cf}\s]+|[\p{Cf}\s]+$/gu;
      expect(`${p.id} marked`, marks.map((m) => m.textContent).join('').replace(edges, ''), p.text.replace(edges, ''));
      expect(`${p.id} marked in its paragraph`, marks[0]?.closest('p')?.textContent, `¶ ${p.text}`);
      isnad.select(id);
      const pop = h.popover();
      expect(`${p.id} quote`, pop.quote, h.excerpt(p.text, 240));
      expect(`${p.id} note`, pop.rows[h.NOTE]?.[0]?.textContent, p.text);
      expect(`${p.id} cue`, pop.rows[h.CUE]?.[0]?.querySelector('bdi')?.textContent, `«${p.text}»`);
      expect(`${p.id} rating`, pop.rows.Rating?.[0]?.querySelector('bdi')?.textContent, p.text);
      expect(`${p.id} source`, pop.rows.Source?.[0]?.querySelector('button')?.textContent, h.excerpt(p.text, 60));
      expect(`${p.id} no link`, pop.el.querySelectorAll('a').length, 0);
    }
    return { wrong: wrong.slice(0, 12), wrongCount: wrong.length, errors, held: isnad.annotations().length, scan: h.scan(new Set(['article', 'h1', 'div', 'p', 'mark'])) };
  }, { payloads, storeCode });
}

test(`${PAYLOADS.length} payloads in a StaticStore's published JSON (answered by the network): shown as typed; nothing runs`, async () => {
  const { page, hits, problems } = await hostilePage();
  const pageUrl = `${demo.baseUrl}hostile.html`;
  await page.route('**/published/xss.json', (route) => route.fulfill({
    status: 200,
    contentType: 'application/ld+json',
    body: JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: storedAnnotations(pageUrl, PAYLOADS) }),
  }));
  const result = await readFromStore(page, PAYLOADS, "new stores.StaticStore('/published/xss.json')");
  await settle(page);
  assert.equal(result.held, PAYLOADS.length * 2);
  assert.equal(result.wrongCount, 0, `shown as typed:\n${JSON.stringify(result.wrong, null, 1)}`);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.scan, []);
  assert.equal(hits.length, 0, `payloads ran:\n${fmt(hits)}`);
  assert.deepEqual(problems, []);
});

/** Starts the real `isnad serve` on loopback for `origin`. */
async function startStore(origin) {
  assert.ok(existsSync(ISNAD), `${ISNAD} is missing: run cargo build --release --bin isnad`);
  const proc = spawn(ISNAD, ['serve', '--db', join(tmp, 'xss.sqlite'), '--listen', '127.0.0.1:0', '--origin', origin, '--token', 'xss-token'], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup.push(() => new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', resolve);
    proc.kill('SIGTERM');
  }));
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      const match = /Isnad store: (http:\/\/127\.0\.0\.1:\d+\/annotations\/)/.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    proc.on('exit', (code) => reject(new Error(`isnad serve exited with ${code}`)));
  });
}

test('payloads stored on the real isnad serve, read by a ProtocolStore, and in its error answers: shown as typed; nothing runs', async () => {
  const origin = demo.baseUrl.replace(/\/$/, '');
  const storeUrl = await startStore(origin);
  const pageUrl = `${demo.baseUrl}hostile.html`;
  // One disguise of each template (the plain one), stored through the protocol from outside.
  const some = PAYLOADS.filter((p) => p.wrap === 'plain');
  for (const a of storedAnnotations(pageUrl, some)) {
    const response = await fetch(storeUrl, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: 'Bearer xss-token' }, body: JSON.stringify(a) });
    assert.equal(response.status, 201, await response.text());
  }
  const { page, hits, problems } = await hostilePage();
  const result = await readFromStore(page, some, `new stores.ProtocolStore(${JSON.stringify(storeUrl)}, { storage: null })`);
  assert.equal(result.held, some.length * 2);
  assert.equal(result.wrongCount, 0, `shown as typed:\n${JSON.stringify(result.wrong, null, 1)}`);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.scan, []);

  // A server whose error answers carry payloads: the status line says them as text.
  const evil = some.slice(0, 40);
  const said = [];
  for (const p of evil) {
    await page.route('**/evil-store/**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: p.text, status: 500 }) }));
    said.push(await page.evaluate(async (text) => {
      const { Isnad } = await import('./isnad.js');
      const { ProtocolStore } = await import('./stores.js');
      const root = document.querySelector('#second-article');
      const isnad = await Isnad.mount(root, { ui: true, mode: 'reader', store: new ProtocolStore('/evil-store/', { storage: null }), live: false });
      const message = await new Promise((resolve) => isnad.on('error', (e) => resolve(e.message)));
      await new Promise((r) => setTimeout(r, 0));
      const status = window.__h.shadow().querySelector('[role=status]').textContent;
      isnad.destroy();
      return { message, status, shown: status.includes(text), scan: window.__h.scan(new Set(['article', 'h1', 'div', 'p', 'mark'])) };
    }, p.text));
    await page.unroute('**/evil-store/**');
  }
  for (const [i, s] of said.entries()) {
    assert.ok(s.message.includes(evil[i].text), s.message);
    assert.ok(s.shown, `status line: ${s.status}`);
    assert.deepEqual(s.scan, []);
  }
  await settle(page);
  assert.equal(hits.length, 0, `payloads ran:\n${fmt(hits)}`);
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
});
