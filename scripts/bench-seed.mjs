// The seed page (www/ar.html, the demo, strict CSP) with the wasm in the HTTP cache: from the
// request of demo.js to the first frame with Isnad's marks, and the User Timing marks the shell
// sets on the way (bench/seed.mjs). Medians of N visits.
// Usage: node scripts/bench-seed.mjs [visits]   (default 15)
import { chromium } from 'playwright-core';
import { seedVisits, spread } from '../bench/seed.mjs';
import { startBenchServer } from '../bench/server.mjs';
import { CHROME_ARGS } from '../tests/e2e/harness.mjs';

const visits = Number(process.argv[2] ?? 15);
const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_ARGS });
try {
  const rows = await seedVisits(browser, server.url, visits);
  console.log(`Seed page, ${visits} visits with the wasm cached; ms from the request of demo.js (median, min–max):`);
  const steps = [['isnad:start', 'isnad:start (shell runs)'], ['isnad:wasm-ready'], ['isnad:mounted'], ['isnad:detected'], ['marked', 'marks in the page'], ['frame', 'first frame with marks'], ['isnad:interface']];
  for (const [key, label = key] of steps) {
    const { median, min, max } = spread(rows.map((r) => r[key]).filter((v) => v !== undefined));
    console.log(`  ${label.padEnd(24)} ${median.toFixed(1).padStart(6)}  (${min.toFixed(1)}–${max.toFixed(1)})`);
  }
  const nav = spread(rows.map((r) => r.navigation));
  console.log(`From navigation start to the first frame with marks: ${nav.median.toFixed(1)} ms (${nav.min.toFixed(1)}–${nav.max.toFixed(1)})`);
  const { median, min, max } = spread(rows.map((r) => r.fromStart));
  console.log(`From isnad:start to the first frame with marks: ${median.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`);
} finally {
  await browser.close();
  await server.close();
}
