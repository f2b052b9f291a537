// Annotations that last, end to end in Chromium: describe/anchor round trips on the demo pages,
// re-anchoring after the page changes, and the handle's annotation set with its events.
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

for (const path of ['ar.html', 'en.html']) {
  test(`${path}: describe then anchor gives back the same range, for 1,000 random ranges`, async () => {
    const { page, problems } = await openPage(demo, path);
    const failures = await page.evaluate(async () => {
      const { describe, anchor } = await import('./isnad.js');
      const root = document.querySelector('article');
      const texts = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) if (walker.currentNode.data.length > 0) texts.push(walker.currentNode);
      // A boundary at a code point of a random text node (never inside a surrogate pair).
      let seed = 42;
      const random = (n) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const boundary = () => {
        const node = texts[random(texts.length)];
        const units = Array.from(node.data).slice(0, random(Array.from(node.data).length + 1)).join('').length;
        return [node, units];
      };
      const failed = [];
      for (let i = 0; i < 1000; i += 1) {
        const range = document.createRange();
        const [a, b] = [boundary(), boundary()];
        range.setStart(...a);
        range.setEnd(...a);
        if (range.comparePoint(...b) >= 0) range.setEnd(...b);
        else range.setStart(...b);
        if (range.collapsed) continue;
        const selectors = await describe(root, range);
        const found = await anchor(root, selectors);
        const again = found && (await describe(root, found.range));
        if (!found || found.status !== 'exact' || found.range.toString() !== range.toString() || JSON.stringify(again) !== JSON.stringify(selectors)) {
          failed.push({ text: range.toString().slice(0, 40), status: found?.status });
        }
      }
      return failed;
    });
    assert.deepEqual(failures, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

for (const { path, added } of [
  { path: 'ar.html', added: 'تحديث: أضيفت هذه الفقرة بعد النشر.' },
  { path: 'en.html', added: 'Update: this paragraph was added after publication.' },
]) {
  test(`${path}: after the page changes, annotations re-anchor as moved or fuzzy, and deleted text leaves orphans`, async () => {
    const { page, problems } = await openPage(demo, path);
    const result = await page.evaluate(async (addedText) => {
      const { Isnad, describe } = await import('./isnad.js');
      const saved = window.isnadDemo.annotations();
      window.isnadDemo.destroy();
      const article = document.querySelector('article');
      const body = document.querySelector('.article-body');
      const exactOf = (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector').exact;
      const positionOf = (a) => a.target.selector.find((x) => x.type === 'TextPositionSelector');
      const paragraphs = [...body.querySelectorAll('p')];
      const spanOf = async (node) => {
        const r = document.createRange();
        r.selectNodeContents(node);
        return (await describe(article, r)).find((x) => x.type === 'TextPositionSelector');
      };
      // 3. The second paragraph will be deleted: what was anchored in it must become orphans.
      const gone = paragraphs[1];
      const goneSpan = await spanOf(gone);
      const fromGone = saved.filter((a) => positionOf(a).start >= goneSpan.start && positionOf(a).end <= goneSpan.end).map(exactOf);
      // 2. One word edited inside a long claim of a later paragraph.
      let edited = null;
      for (const a of saved) {
        const exact = exactOf(a);
        const p = paragraphs.slice(2).find((x) => x.textContent.includes(exact));
        if (!p || a.body[0].value !== 'claim' || Array.from(exact).length < 40) continue;
        const word = exact.split(/\s+/).find((w) => /^[\p{L}]{5,}$/u.test(w) && p.textContent.split(w).length === 2);
        if (!word) continue;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          if (node.data.includes(word)) {
            node.data = node.data.replace(word, Array.from(word).reverse().join(''));
            edited = exact;
            break;
          }
        }
        if (edited) break;
      }
      // 1. A paragraph inserted above everything.
      const added = document.createElement('p');
      added.textContent = addedText;
      body.prepend(added);
      gone.remove();
      const isnad = await Isnad.mount(null);
      const counts = isnad.load(saved);
      const orphans = isnad.orphans().map(exactOf);
      const statuses = saved.map((a) => [exactOf(a), isnad.status(a.id)]);
      return { counts, orphans, statuses, edited, fromGone, total: saved.length };
    }, added);
    assert.ok(result.total > 10);
    assert.ok(result.edited, 'a claim was edited');
    assert.equal(result.counts.anchored + result.counts.orphans, result.total);
    // Exactly what stood in the deleted paragraph is orphaned, and nothing else.
    assert.ok(result.fromGone.length > 0);
    assert.deepEqual([...result.orphans].sort(), [...result.fromGone].sort());
    const status = Object.fromEntries(result.statuses);
    assert.equal(status[result.edited], 'fuzzy', 'the edited claim is found approximately');
    const moved = result.statuses.filter(([e, s]) => s === 'moved' && e !== result.edited);
    assert.ok(moved.length > 5, 'the rest moved down by the inserted paragraph');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('add, update and remove emit create, update and delete, and keep marks in step', async () => {
  const { page, problems } = await openPage(demo, 'en.html');
  const result = await page.evaluate(async () => {
    const { describe } = await import('./isnad.js');
    const isnad = window.isnadDemo;
    isnad.clear();
    const root = isnad.root;
    const events = [];
    const listener = (a) => events.push([a.id, a.body[0].value]);
    isnad.on('create', (a) => events.push(['create', a.body[0].value]));
    isnad.on('update', (a) => events.push(['update', a.body[0].value]));
    isnad.on('delete', listener);
    // An editor selects a phrase and calls it a claim.
    const p = root.querySelector('.article-body p');
    const range = document.createRange();
    range.setStart(p.firstChild, 0);
    range.setEnd(p.firstChild, 40);
    const selector = await describe(root, range);
    const expected = range.toString();
    const created = isnad.add({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' }],
      target: { source: location.href, selector },
    });
    const marked = [...document.querySelectorAll(`mark[data-isnad-id="${created.id}"]`)].map((m) => m.textContent).join('');
    const changed = { ...created, body: [{ type: 'TextualBody', purpose: 'classifying', value: 'assessment' }] };
    isnad.update(changed);
    const kindAfter = document.querySelector(`mark[data-isnad-id="${created.id}"]`).dataset.isnadKind;
    let duplicate = null;
    try {
      isnad.add(changed);
    } catch (e) {
      duplicate = e.message;
    }
    let badEvent = null;
    try {
      isnad.on('explode', () => {});
    } catch (e) {
      badEvent = e.message;
    }
    const removed = isnad.remove(created.id);
    isnad.off('delete', listener);
    const left = document.querySelectorAll(`mark[data-isnad-id="${created.id}"]`).length;
    return { id: created.id, marked, expected, kindAfter, events, duplicate, badEvent, removed, left };
  });
  assert.match(result.id, /^urn:isnad:claim:/);
  assert.equal(result.marked, result.expected);
  assert.equal(result.kindAfter, 'assessment');
  assert.deepEqual(result.events, [['create', 'claim'], ['update', 'assessment'], [result.id, 'assessment']]);
  assert.match(result.duplicate, /exists already; use update/);
  assert.match(result.badEvent, /unknown event "explode"/);
  assert.equal(result.removed, true);
  assert.equal(result.left, 0);
  assert.deepEqual(problems, []);
  await page.close();
});
