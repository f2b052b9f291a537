// End to end on the real demo pages: the real server (with its strict CSP), the release wasm,
// Debian's Chromium driven by Playwright. Run by `bash scripts/test.sh` after the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startDemo, openPage } from './harness.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url);

let demo;

before(async () => {
  demo = await startDemo();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await demo?.close();
});

/** Opens a demo page under the server's strict CSP. */
async function open(path, viewport) {
  const { page, problems, response } = await openPage(demo, path, viewport);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  return { page, problems };
}

/** Sentence ranges of the article text, in code points, computed here as a user would. */
function sentenceRanges(page) {
  return page.evaluate(() => {
    const chars = Array.from(window.isnadDemo.text());
    const kinds = ['claim', 'source', 'assessment'];
    const ranges = [];
    let start = 0;
    for (let i = 0; i <= chars.length; i += 1) {
      const c = chars[i];
      if (i === chars.length || '.!?؟\n'.includes(c)) {
        const end = i < chars.length && c !== '\n' ? i + 1 : i;
        while (start < end && /\s/.test(chars[start])) start += 1;
        if (end - start > 1) ranges.push({ start, end, kind: kinds[ranges.length % 3], id: `s${ranges.length}` });
        start = i + 1;
      }
    }
    return ranges;
  });
}

/** Where marks ended up, by the page region that holds them. */
function markPlaces(page) {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll('mark.isnad-mark')];
    const chrome = 'nav, header, footer, aside, figure, figcaption, button, .masthead, .ad, .byline, [data-isnad-ui]';
    return {
      total: marks.length,
      inBody: marks.filter((m) => m.closest('article .article-body')).length,
      inChrome: marks.filter((m) => m.closest(chrome)).map((m) => m.textContent),
      visible: marks.filter((m) => m.getClientRects().length > 0).length,
      kinds: [...new Set(marks.map((m) => m.dataset.isnadKind))].sort(),
    };
  });
}

/** The article's innerHTML now, and as the server sent it (before any script ran). */
function articleHtml(page) {
  return page.evaluate(async () => {
    const sent = await (await fetch(location.href)).text();
    const fresh = new DOMParser().parseFromString(sent, 'text/html');
    return { live: document.querySelector('article').innerHTML, sent: fresh.querySelector('article').innerHTML };
  });
}

for (const { name, path, dir, lang, body } of [
  { name: 'Arabic seed page', path: 'ar.html', dir: 'rtl', lang: 'ar', body: 'يُمثل التحالف المتنامي' },
  { name: 'English page', path: 'en.html', dir: 'ltr', lang: 'en', body: 'The city of Varel will begin rationing' },
]) {
  test(`${name}: marks land on the article body only, and destroy() restores it exactly`, async () => {
    const { page, problems } = await open(path);
    assert.equal(await page.evaluate(() => document.documentElement.dir), dir);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const text = await page.evaluate(() => window.isnadDemo.text());
    assert.ok(text.includes(body), 'the article text holds the body');
    // The demo ran detection on load; start from a clean article.
    await page.evaluate(() => window.isnadDemo.clear());
    const ranges = await sentenceRanges(page);
    assert.ok(ranges.length > 10, `${ranges.length} sentences`);
    const marked = await page.evaluate((r) => window.isnadDemo.highlight(r), ranges);
    assert.equal(marked.length, ranges.length);

    const places = await markPlaces(page);
    assert.ok(places.inBody > 10, `${places.inBody} marks in the article body`);
    assert.deepEqual(places.inChrome, [], 'no mark in navigation, masthead, caption, buttons, ads or footer');
    assert.equal(places.visible, places.total, 'every mark is on screen');
    assert.deepEqual(places.kinds, ['assessment', 'claim', 'source']);
    await page.screenshot({ path: new URL(`${path.replace('.html', '')}-marked.png`, SHOTS).pathname, fullPage: true });

    await page.evaluate(() => window.isnadDemo.destroy());
    const html = await articleHtml(page);
    assert.equal(html.live, html.sent, 'the article is byte-identical to what the server sent');
    assert.equal((await markPlaces(page)).total, 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('detection on the seed page: sources, assessments and unsourced claims, as W3C annotations', async () => {
  const { page, problems } = await open('ar.html');
  const result = await page.evaluate(() => {
    const isnad = window.isnadDemo;
    isnad.clear();
    const annotations = isnad.detect();
    const content = Array.from(document.querySelector('article').textContent);
    const kind = (a) => a.body.find((b) => b.purpose === 'classifying').value;
    return {
      annotations: annotations.map((a) => {
        const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
        const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
        return {
          id: a.id,
          context: a['@context'],
          kind: kind(a),
          exact: quote.exact,
          atPosition: content.slice(position.start, position.end).join(''),
          linked: a.body.find((b) => b.purpose === 'linking')?.source ?? null,
          unsourced: Boolean(a.isnad?.unsourced),
          target: a.target.source,
        };
      }),
      unsourcedMarks: [...document.querySelectorAll('mark.isnad-unsourced')].map((m) => m.textContent).join(' '),
      sourceMarks: [...document.querySelectorAll('mark.isnad-source')].map((m) => m.textContent),
    };
  });
  const { annotations } = result;
  assert.ok(annotations.length > 10, `${annotations.length} annotations`);
  assert.equal(new Set(annotations.map((a) => a.id)).size, annotations.length, 'ids are unique');
  for (const a of annotations) {
    assert.equal(a.context, 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(a.exact, a.atPosition, 'positions count code points of the article root\'s textContent');
    assert.match(a.target, /\/ar\.html$/);
  }
  const sources = annotations.filter((a) => a.kind === 'source');
  assert.ok(sources.some((s) => s.exact === 'مركز كارنيجي للشرق الأوسط'));
  const ids = new Set(sources.map((s) => s.id));
  for (const a of annotations.filter((x) => x.linked)) assert.ok(ids.has(a.linked), 'links point at source annotations');
  const assessment = annotations.find((a) => a.kind === 'assessment' && a.exact.includes('تحدٍ واضح'));
  assert.ok(assessment, 'the «وصف ... بأنها تحدٍ واضح» assessment is found');
  assert.equal(sources.find((s) => s.id === assessment.linked)?.exact, 'مركز كارنيجي للشرق الأوسط');
  // The 30% and 40% shares have no source in the article, and are shown as such.
  const unsourced = annotations.filter((a) => a.unsourced).map((a) => a.exact).join(' ');
  assert.match(unsourced, /30%/);
  assert.match(unsourced, /40%/);
  assert.match(result.unsourcedMarks, /30%/);
  assert.ok(result.sourceMarks.length >= sources.length);
  await page.screenshot({ path: new URL('ar-detected.png', SHOTS).pathname, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('detectText finds on the article text what detect() finds on the page, with positions in that text; summarizeText counts it', async () => {
  const { page, problems } = await open('ar.html');
  const result = await page.evaluate(async () => {
    const { detectText, summarizeText } = await import('./isnad.js');
    const isnad = window.isnadDemo;
    const text = isnad.text();
    const chars = Array.from(text);
    const quote = (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact;
    const plain = await detectText(text, 'https://news.example/article');
    const errors = [];
    const kind = (k) => plain.filter((a) => a.body[0].value === k).length;
    const counted = {
      claims: kind('claim'),
      unsourced: plain.filter((a) => a.body.some((b) => b.purpose === 'tagging' && b.value === 'unsourced')).length,
      sources: kind('source'),
      assessments: kind('assessment'),
    };
    const summary = await summarizeText(text);
    for (const bad of [() => detectText(), () => detectText(42), () => detectText('x', {}), () => summarizeText(null)]) {
      try {
        await bad();
        errors.push('no error');
      } catch (err) {
        errors.push(`${err.name}: ${err.message}`);
      }
    }
    return {
      onPage: isnad.detect().map((a) => `${a.body[0].value}:${quote(a)}`).sort(),
      onText: plain.map((a) => `${a.body[0].value}:${quote(a)}`).sort(),
      positionsRight: plain.every((a) => {
        const p = a.target.selector.find((s) => s.type === 'TextPositionSelector');
        return chars.slice(p.start, p.end).join('') === quote(a);
      }),
      targets: [...new Set(plain.map((a) => a.target.source))],
      errors,
      summary,
      counted,
    };
  });
  assert.ok(result.onText.length > 10, `${result.onText.length} annotations`);
  assert.deepEqual(result.onText, result.onPage);
  assert.ok(result.positionsRight, 'positions count code points of the text given');
  assert.deepEqual(result.targets, ['https://news.example/article']);
  assert.equal(result.errors.length, 4);
  for (const e of result.errors.slice(0, 3)) assert.match(e, /^TypeError: detectText\(text, page\?\): (text|page) must be/);
  assert.match(result.errors[3], /^TypeError: summarizeText\(text\): text must be a string, not object/);
  // The seed article has claims with no source: the counts say so without any annotation.
  assert.deepEqual(result.summary, result.counted);
  assert.ok(result.summary.unsourced > 0 && result.summary.sources > 0, JSON.stringify(result.summary));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the seed page leaves User Timing marks in order, for a newsroom\'s performance monitoring', async () => {
  const { page, problems } = await open('ar.html');
  await page.waitForFunction(() => performance.getEntriesByName('isnad:interface').length > 0);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('isnad:'))
    .map((m) => m.name));
  // Entries come in time order: the shell starts, then the wasm, the article, the detection.
  assert.deepEqual(
    marks.slice(0, 4),
    ['isnad:start', 'isnad:wasm-ready', 'isnad:mounted', 'isnad:detected'],
  );
  assert.ok(marks.includes('isnad:interface'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('misuse from JavaScript raises Errors a developer can act on', async () => {
  const { page, problems } = await open('en.html');
  const errors = await page.evaluate(async () => {
    const { Isnad } = await import('./isnad.js');
    const caught = async (f) => {
      try {
        await f();
        return null;
      } catch (e) {
        return { type: e.constructor.name, message: e.message };
      }
    };
    return {
      badSelector: await caught(() => Isnad.mount('#nope')),
      twice: await caught(() => Isnad.mount('article')),
      badRange: await caught(() => window.isnadDemo.highlight([{ start: 5, end: 2, kind: 'claim' }])),
      badKind: await caught(() => window.isnadDemo.highlight([{ start: 0, end: 2, kind: 'rumor' }])),
    };
  });
  assert.equal(errors.badSelector.type, 'Error');
  assert.match(errors.badSelector.message, /no element matches the root selector "#nope"/);
  assert.match(errors.twice.message, /already/);
  assert.equal(errors.badRange.type, 'RangeError');
  assert.match(errors.badRange.message, /range 0: start \(5\) must be less than end \(2\)/);
  assert.equal(errors.badKind.type, 'TypeError');
  assert.deepEqual(problems, []);
  await page.close();
});
