// The demo's seed page (www/ar.html, strict CSP) visited with the wasm in the HTTP cache: for
// each visit, ms from the request of demo.js to the marks in the page, to the first frame with
// them, and to each of the shell's User Timing marks (isnad:start, :wasm-ready, :mounted,
// :detected, :interface); `navigation` is the frame from navigation start, `fromStart` the frame
// from isnad:start (the shell's first statement, once the page has been parsed and its module
// scripts fetched). Used by scripts/bench.mjs and
// scripts/bench-seed.mjs.
export async function seedVisits(browser, serverUrl, visits) {
  const context = await browser.newContext();
  const page = await context.newPage();
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
  const url = `${serverUrl}www/ar.html`;
  const loaded = () => window.__seed.frame !== undefined && performance.getEntriesByName('isnad:interface').length > 0;
  await page.goto(url); // fills the HTTP cache
  await page.waitForFunction(loaded);
  const rows = [];
  for (let i = 0; i < visits; i += 1) {
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForFunction(loaded);
    rows.push(await page.evaluate(() => {
      const start = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/demo.js')).startTime;
      const row = { marked: window.__seed.marked - start, frame: window.__seed.frame - start, navigation: window.__seed.frame };
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('isnad:')) row[m.name] = m.startTime - start;
      row.fromStart = row.frame - row['isnad:start'];
      return row;
    }));
  }
  await context.close();
  return rows;
}

/** Median, min and max of `values`. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}
