// The host page is left alone: no global besides none at all, no prototype changes, no
// stylesheet or listener left after destroy(), and the page's keys and selection still its own.
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

/** What the page is made of that a widget could change: globals, prototypes, sheets, listeners. */
async function snapshot(page, cdp) {
  const state = await page.evaluate(() => {
    const protos = { Object, Array, String, Function, Element, HTMLElement, Node, Document, Range, Selection, EventTarget, Promise };
    return {
      globals: Object.getOwnPropertyNames(window).sort(),
      prototypes: Object.fromEntries(Object.entries(protos).map(([name, C]) => [name, Object.getOwnPropertyNames(C.prototype).sort().join(',')])),
      sheets: document.adoptedStyleSheets.length,
      styleSheets: document.styleSheets.length,
      bodyChildren: document.body.children.length,
      article: document.querySelector('article').innerHTML,
      attributes: [...document.querySelectorAll('*')].map((el) => el.getAttributeNames().join(' ')).join('|'),
    };
  });
  const listeners = {};
  for (const [name, expression] of [['window', 'window'], ['document', 'document'], ['body', 'document.body'], ['article', "document.querySelector('article')"]]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
    listeners[name] = found.map((l) => `${l.type}:${l.scriptId}:${l.lineNumber}`).sort();
  }
  return { ...state, listeners };
}

test('mount with the interface, use it, destroy: globals, prototypes, stylesheets, listeners and the article as before', async () => {
  const { page, problems } = await openPage(demo, 'host.html', undefined, { context: { viewport: { width: 1280, height: 900 } }, ready: () => window.hostSeen !== undefined });
  const cdp = await page.context().newCDPSession(page);
  // The module itself is loaded before the first picture: importing it must not change the page.
  await page.evaluate(() => import('./isnad.js'));
  const before = await snapshot(page, cdp);
  await page.evaluate(async () => {
    const { Isnad } = await import('./isnad.js');
    window.handle = await Isnad.mount('article', { ui: true, detect: true, mode: 'editor', store: 'memory' });
  });
  const ui = page.locator('[data-isnad-ui]');
  await page.locator('mark.isnad-mark').first().click();
  await ui.getByRole('dialog').waitFor();
  await ui.getByRole('button', { name: /^Claims/ }).click();
  await page.keyboard.press('Escape');
  const during = await snapshot(page, cdp);
  assert.ok(during.listeners.document.length > before.listeners.document.length, 'listeners are added while mounted (the test sees them)');
  assert.ok(during.sheets > before.sheets);
  await page.evaluate(() => {
    window.handle.destroy();
    window.handle.destroy();
    delete window.handle;
  });
  const after = await snapshot(page, cdp);
  assert.deepEqual(after.globals, before.globals, 'no global added');
  assert.deepEqual(after.prototypes, before.prototypes, 'no prototype changed');
  assert.deepEqual(after.listeners, before.listeners, 'no listener left');
  assert.equal(after.sheets, before.sheets, 'no stylesheet left');
  assert.equal(after.styleSheets, before.styleSheets);
  assert.equal(after.bodyChildren, before.bodyChildren, 'the interface host is gone');
  assert.equal(after.article, before.article, 'the article is as it was');
  assert.equal(after.attributes, before.attributes);
  // The one name Isnad registers: its custom element.
  assert.equal(await page.evaluate(() => typeof customElements.get('isnad-annotator')), 'function');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("reader mode leaves the page's keyboard and selection handling alone", async () => {
  const { page, problems } = await openPage(demo, 'host.html', undefined, { ready: () => window.hostSeen !== undefined });
  await page.evaluate(async () => {
    const { Isnad } = await import('./isnad.js');
    window.handle = await Isnad.mount('article', { ui: true, detect: true });
  });
  // Keys reach the page, even the ones Isnad also answers.
  await page.keyboard.press('j');
  await page.keyboard.press('Alt+Shift+KeyN');
  await page.keyboard.press('Escape');
  const keys = await page.evaluate(() => window.hostSeen.keys);
  assert.deepEqual(keys.filter((k) => ['j', 'N', 'Escape'].includes(k)), ['j', 'N', 'Escape']);
  // A reader's selection stays theirs: no toolbar, not collapsed by Isnad.
  const selected = await page.evaluate(() => {
    const p = document.querySelector('.article-body p:last-child');
    const r = document.createRange();
    r.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return getSelection().toString();
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => getSelection().toString()), selected);
  assert.equal(await page.locator('[data-isnad-ui]').getByRole('toolbar').count(), 0);
  assert.ok(await page.evaluate(() => window.hostSeen.selections) > 0);
  assert.deepEqual(problems, []);
  await page.close();
});
