// The seed page (www/ar.html, the demo, strict CSP) with the wasm in the HTTP cache: from the
// request of demo.js to the first frame with Isnad's marks, and the User Timing marks the shell
// sets on the way (isnad:wasm-ready, :mounted, :detected, :interface). Medians of N visits.
// Usage: node scripts/bench-seed.mjs [visits]   (default 15)
import { chromium } from 'playwright-core';
import { startBenchServer } from '../bench/server.mjs';
import { CHROME_ARGS } from '../tests/e2e/harness.mjs';

const visits = Number(process.argv[2] ?? 15);
const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_ARGS });
try {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    window.__seed = {};
    new MutationObserver((_, observer) => {
      if (window.__seed.marked || !document.querySelector('mark.isnad-mark')) return;
      window.__seed.marked = performance.now();
      requestAnimationFrame(() => {
        window.__seed.frame = performance.now();
      });
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const url = `${server.url}www/ar.html`;
  await page.goto(url); // fills the HTTP cache
  await page.waitForFunction(() => window.__seed.frame !== undefined);
  const rows = [];
  for (let i = 0; i < visits; i += 1) {
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForFunction(() => window.__seed.frame !== undefined && performance.getEntriesByName('isnad:interface').length > 0);
    rows.push(await page.evaluate(() => {
      const start = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/demo.js')).startTime;
      const at = (t) => t - start;
      const row = { 'marks in the page': at(window.__seed.marked), 'first frame with marks': at(window.__seed.frame) };
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('isnad:')) row[m.name] = at(m.startTime);
      return row;
    }));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  console.log(`Seed page, ${visits} visits with the wasm cached; ms from the request of demo.js (median, min–max):`);
  for (const key of ['isnad:wasm-ready', 'isnad:mounted', 'isnad:detected', 'marks in the page', 'first frame with marks', 'isnad:interface']) {
    const values = rows.map((r) => r[key]).filter((v) => v !== undefined);
    if (values.length) console.log(`  ${key.padEnd(24)} ${median(values).toFixed(1).padStart(6)}  (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`);
  }
} finally {
  await browser.close();
  await server.close();
}
