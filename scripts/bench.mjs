// Benchmarks, apart from the tests: Isnad against its peers in headless Chromium, one page and
// one run (bench/bench.js does the measuring, bench/server.mjs serves it over HTTP), plus the
// demo's seed page from script start to highlights on screen. Prints the tables and writes
// them to BENCHMARKS.md. Run: npm run bench   (builds the release wasm first)
//   BENCH_QUICK=1   10 KB and 100 KB only, fewer runs (a smoke test of the harness)
//   BENCH_NO_WRITE=1  print only
//   BENCH_SIZES=10000,100000,1000000  only these article sizes (bytes of text)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { startBenchServer } from '../bench/server.mjs';
import { seedVisits, spread } from '../bench/seed.mjs';
import { CHROME_ARGS } from '../tests/e2e/harness.mjs';

const QUICK = Boolean(process.env.BENCH_QUICK);
const CHOSEN = process.env.BENCH_SIZES?.split(',').map(Number).filter((n) => n > 0);
const SIZES = CHOSEN?.length ? CHOSEN : QUICK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 5_000_000];
const COUNTS = [100, 1_000, 10_000];
const LANGS = ['ar', 'en'];
const runsFor = (bytes) => (QUICK ? 2 : bytes <= 100_000 ? 7 : bytes <= 1_000_000 ? 5 : 3);
const REANCHOR_SIZES = (QUICK ? [100_000] : [100_000, 1_000_000, 5_000_000]).filter((n) => SIZES.includes(n));
const SEED_VISITS = QUICK ? 3 : 15;

const started = Date.now();
const log = (...a) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s]`, ...a);

const server = await startBenchServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const results = { sizes: {}, seed: null };
const ALL_METHODS = ['isnad-marks', 'isnad-highlights', 'markjs', 'apache', 'floor', 'recogito'];
const slow = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(0);
  page.on('pageerror', (err) => log(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log(`console: ${msg.text()}`);
  });
  await page.goto(`${server.url}bench/index.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  results.setup = await page.evaluate(() => window.bench.setup());
  log(`wasm compiled in ${results.setup.compile.median.toFixed(1)} ms (median), first load ${results.setup.firstLoad.toFixed(1)} ms`);

  for (const lang of LANGS) {
    for (const bytes of SIZES) {
      const runs = runsFor(bytes);
      const key = `${lang}-${bytes}`;
      const r = (results.sizes[key] = { lang, bytes });
      r.article = await page.evaluate(([l, b]) => window.bench.article(l, b), [lang, bytes]);
      log(`${key}: ${r.article.codePoints} code points, ${r.article.paragraphs} paragraphs, ${r.article.elements} elements`);
      r.textLayer = await page.evaluate((n) => window.bench.textLayer(n), runs);
      r.detectCounted = await page.evaluate((n) => window.bench.detectCounted(n), runs);
      r.detectOnly = await page.evaluate((n) => window.bench.detectOnly(n), runs);
      r.detect = await page.evaluate((n) => window.bench.detect(n), runs);
      r.mountDetect = await page.evaluate((n) => window.bench.mountDetect(n), runs);
      if (r.detectCounted.found !== r.detect.found) throw new Error(`${key}: summarizeText counted ${r.detectCounted.found}, detect() found ${r.detect.found}`);
      log(`${key}: text layer ${r.textLayer.median.toFixed(1)} ms, detection ${r.detectCounted.median.toFixed(1)} ms, with annotations for JS ${r.detectOnly.median.toFixed(1)} ms, detect + highlight ${r.detect.median.toFixed(1)} ms (${r.detect.found} found), mount with detection ${r.mountDetect.median.toFixed(1)} ms`);
      r.highlight = {};
      for (const count of COUNTS) {
        // A peer that took over 10 s on a smaller case is not run on a larger one.
        const methods = ALL_METHODS.filter((m) => !slow.some(([p, l, b, c]) => p === m && l === lang && b <= bytes && c <= count));
        const h = await page.evaluate(([c, n, ms]) => window.bench.highlight(c, n, ms), [count, runs, methods]);
        r.highlight[count] = h;
        if (!h) continue;
        for (const m of ALL_METHODS) {
          if (!methods.includes(m)) h[m] = { skipped: true };
          else if (h[m]?.highlight && (h[m].highlight.timeout || h[m].highlight.median > 10000)) slow.push([m, lang, bytes, count]);
        }
        log(`${key} ×${count}: ${summary(h)}`);
      }
      if (REANCHOR_SIZES.includes(bytes)) {
        r.reanchor = await page.evaluate((n) => window.bench.reanchor(1000, n), runs);
        log(`${key} re-anchor 1000: ${['isnad', 'hypothesis', 'textquote', 'apache'].map((m) => `${m} ${fmt(r.reanchor[m])}`).join(', ')}`);
      }
      r.memory = await page.evaluate(() => window.bench.memory());
    }
  }
  results.browser = browser.version();
  await page.close();

  results.seed = await seedPage(browser);
  log(`seed page: ${results.seed.fromShell.median.toFixed(1)} ms from the shell's start, ${results.seed.fromScript.median.toFixed(1)} ms from the request of demo.js, to highlights on screen`);
} finally {
  await browser.close();
  await server.close();
}

const report = render(results);
console.log(report);
if (!process.env.BENCH_NO_WRITE && !QUICK) {
  // The tables are this run's; the notes written by hand below them (from NOTES on) are kept.
  const file = new URL('../BENCHMARKS.md', import.meta.url);
  const NOTES = '\n## Beyond the benchmark run';
  let notes = '';
  try {
    const old = readFileSync(file, 'utf8');
    if (old.includes(NOTES)) notes = old.slice(old.indexOf(NOTES));
  } catch {
    // No BENCHMARKS.md yet: the tables alone.
  }
  writeFileSync(file, `${report.trimEnd()}\n${notes}`);
  log('written to BENCHMARKS.md (hand-written notes kept)');
}

/** The demo's seed page from script start to highlights on screen (bench/seed.mjs). */
async function seedPage(browser) {
  const rows = await seedVisits(browser, server.url, SEED_VISITS);
  return {
    fromScript: spread(rows.map((r) => r.frame)),
    fromNavigation: spread(rows.map((r) => r.navigation)),
    fromShell: spread(rows.map((r) => r.fromStart)),
    visits: SEED_VISITS,
  };
}

function fmt(s) {
  if (!s) return '—';
  if (s.skipped) return 'skipped';
  if (s.error) return 'failed';
  if (s.timeout) return `> ${(s.median / 1000).toFixed(0)} s`;
  const v = s.median;
  const text = v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  return s.note ? `${text}*` : text;
}

function ratio(peer, isnad) {
  if (!peer || !isnad || peer.error) return '';
  if (peer.timeout) return ` (> ${(peer.median / isnad.median).toFixed(0)}×)`;
  return ` (${(peer.median / isnad.median).toFixed(peer.median / isnad.median >= 10 ? 0 : 1)}×)`;
}

function summary(h) {
  return ['isnad-marks', 'isnad-highlights', 'markjs', 'apache', 'floor', 'recogito']
    .map((m) => `${m} ${fmt(h[m]?.highlight)}/${fmt(h[m]?.clear)}`)
    .join(', ');
}

function machine() {
  const cpus = os.cpus();
  let version = '';
  try {
    version = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    version = '';
  }
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memory: Math.round(os.totalmem() / 2 ** 30), version };
}

function sizeName(bytes) {
  return bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${bytes / 1000} KB`;
}

/** Growth exponent from 100 KB to 5 MB: 1 is linear. */
function growth(results, lang, pick) {
  const small = results.sizes[`${lang}-100000`];
  const large = results.sizes[`${lang}-5000000`];
  const a = small && pick(small);
  const b = large && pick(large);
  if (!a || !b || a.error || b.error || a.timeout || b.timeout) return null;
  return Math.log(b.median / a.median) / Math.log(large.article.bytes / small.article.bytes);
}

function render(results) {
  const m = machine();
  const lines = [];
  const push = (...l) => lines.push(...l);
  push(
    '# Isnad benchmarks',
    '',
    `Written by \`npm run bench\` (scripts/bench.mjs, bench/) on ${new Date().toISOString().slice(0, 10)}, in one run and one page of headless Chromium. Machine: ${m.cpu}, ${m.cores} cores, ${m.memory} GiB (shared with other jobs: treat single figures as ±20 %). Browser: ${m.version || results.browser} (Playwright reports ${results.browser}); ${results.setup.highlightApi ? 'with' : 'without'} the CSS Custom Highlight API.`,
    '',
    'Articles: the dev set\'s real paragraphs (tests/devset/*.txt) in a seeded order up to the size in UTF-8 bytes of text, each paragraph with inline `<a>`, `<b>`, `<em>` and `<a><b>` on a few words. Ranges: whole words, spread evenly, none overlapping, the same for every method (Isnad counts code points of its text, the peers UTF-16 units of `textContent`: the text is all in the BMP). Times in milliseconds, median of 7 runs (100 KB and less), 5 (1 MB) or 3 (5 MB); `*` means one run only (the first took over the cap). Highlight and clear times include the style and layout the browser does before the next paint (a forced layout), not the paint itself. Ratios are peer ÷ Isnad: above 1, Isnad is faster.',
    '',
    '## WebAssembly',
    '',
    `- \`isnad_bg.wasm\`: ${results.setup.wasmBytes.toLocaleString('en')} bytes; \`WebAssembly.compile\` ${results.setup.compile.median.toFixed(1)} ms (median of 9); first \`Isnad.mount\` of the page (fetch, compile, instantiate, mount) ${results.setup.firstLoad.toFixed(1)} ms.`,
  );
  if (results.seed) {
    push(`- Seed page (www/ar.html, the demo, strict CSP), the wasm in the HTTP cache: from the request of demo.js to the first frame with the highlights in the page **${results.seed.fromScript.median.toFixed(1)} ms** (median of ${results.seed.visits} visits, ${results.seed.fromScript.min.toFixed(1)}–${results.seed.fromScript.max.toFixed(1)}); from navigation start ${results.seed.fromNavigation.median.toFixed(1)} ms; from the shell's first statement (\`isnad:start\`: the page parsed, its module scripts fetched and evaluated) **${results.seed.fromShell.median.toFixed(1)} ms** (${results.seed.fromShell.min.toFixed(1)}–${results.seed.fromShell.max.toFixed(1)}).`);
  }
  push('', '## Text layer, detection, memory', '', '| article | code points | elements | text layer (mount) | detection in wasm (summarizeText) | detection, annotations to JS (detectText) | detect() + highlights | mount with detect: true | found | peak JS heap | wasm memory |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of Object.values(results.sizes)) {
    push(`| ${r.lang} ${sizeName(r.bytes)} | ${r.article.codePoints.toLocaleString('en')} | ${r.article.elements.toLocaleString('en')} | ${fmt(r.textLayer)} | ${fmt(r.detectCounted)} | ${fmt(r.detectOnly)} | ${fmt(r.detect)} | ${fmt(r.mountDetect)} | ${r.detect.found.toLocaleString('en')} | ${(r.memory.heapPeak / 2 ** 20).toFixed(0)} MB | ${(r.memory.wasmMemory / 2 ** 20).toFixed(0)} MB |`);
  }
  push('', '## Highlighting and clearing the same ranges', '', 'A peer that took over 10 s on a smaller case is skipped on larger ones. Isnad (marks) wraps `<mark>`s like mark.js and Apache Annotator: their ratios are against it. The floor registers StaticRanges made beforehand in one `Highlight` (nothing else): its ratio is against Isnad (highlights), which also turns offsets into ranges. Apache Annotator gets DOM Ranges made from the offsets inside its timing (last range first, so one index of text nodes serves all). Recogito (`createTextAnnotator`, renderer CSS_HIGHLIGHTS): `setAnnotations` until the next frame.', '');
  push('| article | ranges | Isnad marks | Isnad highlights | mark.js | Apache Annotator | Recogito | Highlight API floor |', '|---|---|---|---|---|---|---|---|');
  const rows = [];
  for (const r of Object.values(results.sizes)) {
    for (const count of COUNTS) {
      const h = r.highlight[count];
      if (!h) continue;
      rows.push([r, count, h]);
    }
  }
  for (const what of ['highlight', 'clear']) {
    if (what === 'clear') push('', '**Clearing** (same ranges, after highlighting):', '', '| article | ranges | Isnad marks | Isnad highlights | mark.js | Apache Annotator | Recogito | Highlight API floor |', '|---|---|---|---|---|---|---|---|');
    for (const [r, count, h] of rows) {
      const im = h['isnad-marks']?.[what];
      const ih = h['isnad-highlights']?.[what];
      const cell = (peer, base) => (peer ? `${fmt(peer)}${ratio(peer, base)}` : '—');
      const skip = (m) => (h[m]?.skipped ? 'skipped' : null);
      const rec = h.recogito?.error ? 'failed' : cell(h.recogito?.[what], ih);
      push(`| ${r.lang} ${sizeName(r.bytes)} | ${h.ranges.toLocaleString('en')} | ${fmt(im)} | ${fmt(ih)} | ${skip('markjs') ?? cell(h.markjs?.[what], im)} | ${skip('apache') ?? cell(h.apache?.[what], im)} | ${skip('recogito') ?? rec} | ${cell(h.floor?.[what], ih)} |`);
    }
  }
  const recogitoError = rows.map(([, , h]) => h.recogito?.error).find(Boolean);
  if (recogitoError) push('', `Recogito failed headless: ${recogitoError}`);
  push('', '## Re-anchoring 1,000 stored annotations after edits', '', 'The article is edited after the annotations were stored: a sentence inserted in three paragraphs, three words deleted in three others (spread from 4 % to 85 % of the article). Each method gets the same TextQuoteSelector (32 code points of context) and TextPositionSelector. Isnad: `load()` on a mounted widget (anchoring, and the highlights registered); Hypothesis: the client\'s `anchor()` per annotation (dom-anchor-text-position + approx-string-match, bench/peers/hypothesis.js); dom-anchor-text-quote: `toRange` with the position as hint (diff-match-patch); Apache Annotator: `createTextQuoteSelectorMatcher`, first match (exact quotes only). Ratios are peer ÷ Isnad.', '');
  push('| article | Isnad | anchored (orphans) | Hypothesis | anchored | dom-anchor-text-quote | anchored | Apache Annotator | anchored |', '|---|---|---|---|---|---|---|---|---|');
  for (const r of Object.values(results.sizes)) {
    const a = r.reanchor;
    if (!a) continue;
    const cell = (s) => (s ? `${fmt(s)}${ratio(s, a.isnad)} | ${s.anchored ?? '—'}` : '— | —');
    push(`| ${r.lang} ${sizeName(r.bytes)} | ${fmt(a.isnad)} | ${a.isnad.anchored} (${a.isnad.orphans}) | ${cell(a.hypothesis)} | ${cell(a.textquote)} | ${cell(a.apache)} |`);
  }
  push('', '## Growth from 100 KB to 5 MB', '', 'Exponent k of time ∝ size^k between the 100 KB and 5 MB articles (1 = linear; measured, so ±0.1 is noise).', '', '| step | Arabic | English |', '|---|---|---|');
  const steps = [
    ['text layer', (r) => r.textLayer],
    ['detection in wasm', (r) => r.detectCounted],
    ['detection, annotations to JS', (r) => r.detectOnly],
    ['detect + highlights', (r) => r.detect],
    ['mount with detect: true', (r) => r.mountDetect],
    ['highlight 1,000 (marks)', (r) => r.highlight[1000]?.['isnad-marks']?.highlight],
    ['highlight 1,000 (highlights)', (r) => r.highlight[1000]?.['isnad-highlights']?.highlight],
    ['clear 1,000 (marks)', (r) => r.highlight[1000]?.['isnad-marks']?.clear],
    ['highlight 10,000 (marks)', (r) => r.highlight[10000]?.['isnad-marks']?.highlight],
    ['highlight 10,000 (highlights)', (r) => r.highlight[10000]?.['isnad-highlights']?.highlight],
    ['clear 10,000 (marks)', (r) => r.highlight[10000]?.['isnad-marks']?.clear],
    ['re-anchor 1,000', (r) => r.reanchor?.isnad],
  ];
  for (const [name, pick] of steps) {
    const k = (lang) => {
      const v = growth(results, lang, pick);
      return v === null ? '—' : v.toFixed(2);
    };
    push(`| ${name} | ${k('ar')} | ${k('en')} |`);
  }
  push('');
  return lines.join('\n');
}
