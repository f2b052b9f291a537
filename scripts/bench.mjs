// Benchmarks, apart from the tests: prints figures measured in headless Chromium on the demo
// pages (release wasm, the real demo server). Run: npm run bench  (after scripts/build.sh)
import { startDemo } from '../tests/e2e/harness.mjs';

const RUNS = 50;

const demo = await startDemo();
const { browser, baseUrl } = demo;
console.log(`Chromium ${browser.version()}, ${RUNS} runs each, median (min–max) in ms`);
try {
  for (const page of ['ar.html', 'en.html']) {
    const tab = await browser.newPage();
    await tab.goto(baseUrl + page);
    await tab.waitForFunction(() => window.isnadDemo !== undefined);
    const figures = await tab.evaluate((runs) => {
      const isnad = window.isnadDemo;
      const time = (f) => {
        const t = [];
        for (let i = 0; i < runs; i += 1) {
          isnad.clear();
          const start = performance.now();
          f();
          t.push(performance.now() - start);
        }
        t.sort((a, b) => a - b);
        return { median: t[Math.floor(t.length / 2)], min: t[0], max: t[t.length - 1] };
      };
      const codePoints = Array.from(isnad.text()).length;
      const found = isnad.detect();
      const ranges = found.map((a) => {
        const p = a.target.selector.find((s) => s.type === 'TextPositionSelector');
        return p;
      });
      return {
        codePoints,
        annotations: found.length,
        detect: time(() => isnad.detect()),
        clear: (() => {
          const t = [];
          for (let i = 0; i < runs; i += 1) {
            isnad.detect();
            const start = performance.now();
            isnad.clear();
            t.push(performance.now() - start);
          }
          t.sort((a, b) => a - b);
          return { median: t[Math.floor(t.length / 2)], min: t[0], max: t[t.length - 1] };
        })(),
        ranges: ranges.length,
      };
    }, RUNS);
    const f = (m) => `${m.median.toFixed(2)} (${m.min.toFixed(2)}–${m.max.toFixed(2)})`;
    console.log(`${page}: ${figures.codePoints} code points, ${figures.annotations} annotations`);
    console.log(`  detect + mark: ${f(figures.detect)}`);
    console.log(`  clear:         ${f(figures.clear)}`);
    await tab.close();
  }
} finally {
  await demo.close();
}
