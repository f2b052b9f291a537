// A live page: the host appends an entry every 100 ms for 10 s; Isnad follows, re-anchoring at
// most once per animation frame, and every highlight stays on its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, openPage } from './harness.mjs';

let demo;
before(async () => {
  demo = await startDemo();
});
after(async () => {
  await demo?.close();
});

test('live page: 100 entries appended every 100 ms; every highlight correct, one pass per frame at most', async () => {
  const { page, problems } = await openPage(demo, 'live.html?every=100&count=100', undefined, {
    ready: () => window.isnadDemo !== undefined,
  });
  await page.evaluate(() => {
    window.frames_ = 0;
    const tick = () => {
      window.frames_ += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.passes = [];
    window.isnadDemo.on('reanchor', (r) => window.passes.push({ frame: window.frames_, ...r }));
  });
  await page.waitForFunction(() => document.documentElement.dataset.entries === '100', null, { timeout: 30000 });
  // The last entry's pass.
  await page.waitForFunction(() => window.passes.length > 0 && window.frames_ > window.passes.at(-1).frame + 2);
  const report = await page.evaluate(() => {
    const isnad = window.isnadDemo;
    const annotations = isnad.annotations();
    const wrong = [];
    for (const a of annotations) {
      if (isnad.status(a.id) === 'orphan') continue;
      const exact = a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact;
      const marked = [...document.querySelectorAll(`mark[data-isnad-id="${CSS.escape(a.id)}"]`)].map((m) => m.textContent).join('');
      // Nested marks repeat inner text: compare the text the marks cover, once.
      const covered = (() => {
        const marks = document.querySelectorAll(`mark[data-isnad-id="${CSS.escape(a.id)}"]`);
        if (!marks.length) return '';
        const r = document.createRange();
        r.setStartBefore(marks[0]);
        r.setEndAfter(marks[marks.length - 1]);
        return r.toString();
      })();
      if (covered !== exact) wrong.push({ exact, covered, marked });
    }
    const entries = [...document.querySelectorAll('.live-entries p')];
    return {
      wrong,
      annotations: annotations.length,
      orphans: isnad.orphans().length,
      lastEntryMarks: entries.at(-1).querySelectorAll('mark').length,
      entriesWithMarks: entries.filter((p) => p.querySelector('mark')).length,
      entries: entries.length,
      passes: window.passes,
    };
  });
  assert.equal(report.entries, 102);
  assert.deepEqual(report.wrong, [], 'each highlight covers exactly its quote');
  assert.equal(report.orphans, 0);
  assert.ok(report.lastEntryMarks > 0, 'the last entry was read and marked');
  assert.ok(report.entriesWithMarks >= 100, `${report.entriesWithMarks} entries have highlights`);
  const frames = report.passes.map((p) => p.frame);
  assert.equal(new Set(frames).size, frames.length, 'no two re-anchoring passes in one frame');
  assert.ok(report.passes.length >= 50 && report.passes.length <= 110, `${report.passes.length} passes for 100 entries`);
  assert.deepEqual(problems, []);
  await page.close();
});
