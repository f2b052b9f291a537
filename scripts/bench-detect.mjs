// Detection in the browser's wasm (counted, and with annotations handed to JS), with its highlights, and as mounting runs it, on the benchmark's generated
// articles — the quick check of the "1 MB under 100 ms" figure without the whole `npm run bench`.
// Usage: node scripts/bench-detect.mjs [bytes …]   (default 100000 1000000; median of 5 runs)
import { chromium } from 'playwright-core';
import { startBenchServer } from '../bench/server.mjs';
import { CHROME_ARGS } from '../tests/e2e/harness.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROME_ARGS, '--js-flags=--expose-gc'] });
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  await page.goto(`${server.url}bench/index.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(() => window.bench.setup());
  console.log('| article | code points | detection in wasm (summarizeText) | detection, annotations to JS (detectText) | detect() + highlights | mount with detect: true | found |');
  console.log('|---|---|---|---|---|---|---|');
  for (const lang of ['ar', 'en']) {
    for (const bytes of sizes.length ? sizes : [100_000, 1_000_000]) {
      const a = await page.evaluate(([l, b]) => window.bench.article(l, b), [lang, bytes]);
      const counted = await page.evaluate(() => window.bench.detectCounted(5));
      const alone = await page.evaluate(() => window.bench.detectOnly(5));
      const marked = await page.evaluate(() => window.bench.detect(5));
      const mounted = await page.evaluate(() => window.bench.mountDetect(5));
      const ms = (r) => `${r.median.toFixed(1)} ms (${r.min?.toFixed(1) ?? '?'}–${r.max?.toFixed(1) ?? '?'})`;
      console.log(`| ${lang} ${(a.bytes / 1e6).toFixed(2)} MB | ${a.codePoints.toLocaleString('en')} | ${ms(counted)} | ${ms(alone)} | ${ms(marked)} | ${ms(mounted)} | ${alone.found.toLocaleString('en')} |`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
