// Bad input gets a clear error and loses nothing, in Chromium, through the JS shell with the
// interface on (www/hostile.html): malformed calls, stores answering nonsense, text no article
// should hold, a root taken out of the page, two widgets, destroy() twice. For each: the widget
// says what is wrong (a JS Error naming the call, or an `error` event), a valid call afterwards
// works, and what was held and stored is still there. (tests/web.rs covers the wasm core alone:
// highlight ranges, kinds, bad roots, unknown options, one widget per article, a 5,000-deep DOM
// without the interface; demo.test.mjs the mount errors; persistence.test.mjs a full quota.)
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

async function open() {
  const opened = await openPage(demo, 'hostile.html', undefined, { ready: () => document.readyState === 'complete' });
  await opened.page.evaluate(installOdd);
  return opened;
}

/**
 * In the page, `__odd(isnad, last, { describe, anchor })`: marks every "exports rose 8%" of
 * text() by code-point offsets, describes then anchors it in `last`, adds quotes holding NUL, a
 * lone surrogate and bidi controls, and opens a detection's popover when there is an interface.
 */
function installOdd() {
  window.__odd = async (isnad, last, { describe, anchor }) => {
    const chars = [...isnad.text()];
    const before = isnad.root.textContent;
    const out = { detected: isnad.annotations().length, marked: [], quotes: [], errors: [] };
    const needle = [...'exports rose 8%'];
    for (let i = 0, n = 0; i <= chars.length - needle.length; i += 1) {
      if (!needle.every((c, k) => chars[i + k] === c)) continue;
      try {
        isnad.highlight([{ start: i, end: i + needle.length, kind: 'assessment', id: `odd-${n}` }]);
        out.marked.push([...document.querySelectorAll(`mark[data-isnad-id="odd-${n}"]`)].map((m) => m.textContent).join(''));
      } catch (err) {
        out.errors.push(err.message);
      }
      n += 1;
    }
    isnad.clear();
    out.unchanged = isnad.root.textContent === before;
    const node = [...last.childNodes].find((c) => c.nodeType === 3 && c.data.includes('exports'));
    const range = document.createRange();
    range.setStart(node, node.data.indexOf('exports'));
    range.setEnd(node, node.data.indexOf('exports') + 15);
    const found = await anchor(isnad.root, await describe(isnad.root, range));
    out.found = found ? `${found.status}:${found.range.toString()}` : 'orphan';
    for (const exact of ['A\u0000B', 'Lone \uD800 and', '\u202Ethe ministry said\u202C']) {
      if (!isnad.root.textContent.includes(exact)) {
        out.quotes.push(`not in the article: ${exact}`);
        continue;
      }
      try {
        const made = isnad.add({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'classifying', value: 'source' }, { type: 'TextualBody', purpose: 'commenting', value: exact }], target: { source: location.href, selector: [{ type: 'TextQuoteSelector', exact }] } });
        out.quotes.push(`${isnad.status(made.id)}:${[...document.querySelectorAll(`mark[data-isnad-id="${CSS.escape(made.id)}"]`)].map((m) => m.textContent).join('')}`);
      } catch (err) {
        out.errors.push(err.message);
      }
    }
    const host = document.querySelector('[data-isnad-ui]');
    if (host) {
      const first = isnad.annotations().find((a) => document.querySelector(`mark[data-isnad-id="${CSS.escape(a.id)}"]`));
      out.opened = !!first && isnad.select(first.id) && !host.shadowRoot.querySelector('.popover').hidden;
    }
    return out;
  };
}

/** In the page: mounts an editor on #main-article with a MemoryStore, holding one claim. */
async function mountWithOneClaim(page, options = {}) {
  return page.evaluate(async (options) => {
    const { Isnad, describe } = await import('./isnad.js');
    const { MemoryStore } = await import('./stores.js');
    window.store ??= new MemoryStore({ page: location.href });
    const isnad = await Isnad.mount('#main-article', { ui: true, mode: 'editor', store: window.store, ...options });
    window.isnad = isnad;
    window.events = [];
    isnad.on('error', (e) => window.events.push({ name: e?.name, message: e?.message }));
    const p = isnad.root.querySelector('p');
    const range = document.createRange();
    const at = p.textContent.indexOf('exports rose 8% in 2023');
    range.setStart(p.firstChild, at);
    range.setEnd(p.firstChild, at + 'exports rose 8% in 2023'.length);
    window.valid = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' }],
      target: { source: location.href, selector: await describe(isnad.root, range) },
      isnad: { note: 'checked with the ministry' },
    };
    if (!isnad.annotations().length) isnad.add({ ...window.valid, id: 'urn:test:held' });
    await new Promise((r) => setTimeout(r, 20));
    return isnad.annotations().map((a) => a.id);
  }, options);
}

/** What the widget and the store hold, and the marks: must not change on bad input. */
const held = (page) => page.evaluate(async () => ({
  ids: window.isnad.annotations().map((a) => a.id),
  stored: (await window.store.list(location.href)).map((a) => `${a.id} ${a.isnad?.note ?? ''}`),
  marks: document.querySelectorAll('#main-article mark.isnad-mark').length,
}));

test('malformed calls: invalid JSON, wrong types, missing fields, selectors out of range or negative — each a clear Error; nothing held or stored is lost; the next valid call works', async () => {
  const { page, problems } = await open();
  await mountWithOneClaim(page);
  const before = await held(page);
  assert.deepEqual(before.ids, ['urn:test:held']);
  assert.deepEqual(before.stored, ['urn:test:held checked with the ministry']);
  const results = await page.evaluate(async () => {
    const { Isnad, describe, anchor } = await import('./isnad.js');
    const isnad = window.isnad;
    const valid = window.valid;
    const root = isnad.root;
    const quote = valid.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const withSelector = (selector) => ({ ...valid, id: 'urn:test:bad', target: { source: location.href, selector } });
    const cases = {
      // [call, what the message must name]
      'load(invalid JSON text)': [() => isnad.load('[{"id": "x", "target": '), /load\(annotations\)/],
      'load(a number)': [() => isnad.load(42), /load\(annotations\)/],
      'load(null)': [() => isnad.load(null), /load\(annotations\)/],
      'load({ items: "x" })': [() => isnad.load({ type: 'AnnotationPage', items: 'x' }), /load\(annotations\)/],
      'load: target a number': [() => isnad.load([{ ...valid, id: 'urn:test:bad', target: 5 }]), /load\(annotations\)/],
      'load: body value a number': [() => isnad.load([{ ...valid, id: 'urn:test:bad', body: [{ type: 'TextualBody', purpose: 'classifying', value: 5 }] }]), /load\(annotations\)/],
      'load: no target': [() => isnad.load([{ ...valid, id: 'urn:test:bad', target: undefined }]), /load\(annotations\)/],
      'load: one bad among good ones': [() => isnad.load([{ ...valid, id: 'urn:test:good' }, { ...valid, id: 'urn:test:bad', type: 7 }]), /load\(annotations\)/],
      'load: negative position': [() => isnad.load([withSelector([quote, { type: 'TextPositionSelector', start: -5, end: 3 }])]), /load\(annotations\)/],
      'load: position a string': [() => isnad.load([withSelector([{ type: 'TextPositionSelector', start: '0', end: 3 }])]), /load\(annotations\)/],
      'add(nothing)': [() => isnad.add(), /add\(annotation\)/],
      'add({})': [() => isnad.add({}), /add\(annotation\)/],
      'add(a string)': [() => isnad.add(JSON.stringify(valid)), /add\(annotation\)/],
      'add: id a number': [() => isnad.add({ ...valid, id: 7 }), /add\(annotation\).*id/],
      'add: selector a string': [() => isnad.add(withSelector('exports')), /add\(annotation\)/],
      'add: the held id again': [() => isnad.add({ ...valid, id: 'urn:test:held' }), /exists already; use update/],
      'update: unknown id': [() => isnad.update({ ...valid, id: 'urn:test:none' }), /no annotation with id.*use add/],
      'update(null)': [() => isnad.update(null), /update\(annotation\)/],
      'update: held id, body value a number': [() => isnad.update({ ...valid, id: 'urn:test:held', body: [{ type: 'TextualBody', purpose: 'classifying', value: 1 }] }), /update\(annotation\)/],
      'remove(an object)': [() => isnad.remove({ id: 'urn:test:held' }), /remove|string/i],
      'status(null)': [() => isnad.status(null), /status|string/i],
      'select(a number)': [() => isnad.select(12), /select|string/i],
      'highlight(null)': [() => isnad.highlight(null), /highlight\(ranges\)/],
      'highlight: negative start': [() => isnad.highlight([{ start: -1, end: 3, kind: 'claim' }]), /highlight/],
      'highlight: end past the text': [() => isnad.highlight([{ start: 0, end: 1e9, kind: 'claim' }]), /highlight.*code points/],
      'highlight: end far past any text': [() => isnad.highlight([{ start: 0, end: 1e12, kind: 'claim' }]), /highlight/],
      'claimReviews(null)': [() => isnad.claimReviews(null), /claimReviews\(publisher\)/],
      'claimReviews: name a number': [() => isnad.claimReviews({ name: 5, url: 'https://news.example/' }), /claimReviews\(publisher\)/],
      'importHypothesis(invalid JSON text)': [() => isnad.importHypothesis('{"rows": [}'), /importHypothesis\(rows\)/],
      'importHypothesis: id a number': [() => isnad.importHypothesis({ rows: [{ id: 1, uri: 'https://x/' }] }), /importHypothesis\(rows\)/],
      'importHypothesis: no uri': [() => isnad.importHypothesis([{ id: 'h1', target: [{ selector: [quote] }] }]), /importHypothesis\(rows\)/],
      "on('create', not a function)": [() => isnad.on('create', 'console.log'), /function|listener/i],
      "on('error', not a function)": [() => isnad.on('error', {}), /listener must be a function/],
      "on('bogus')": [() => isnad.on('bogus', () => {}), /unknown event "bogus"/],
      'mount: mode a number': [() => Isnad.mount('#second-article', { mode: 1 }), /mode must be 'editor' or 'reader'/],
      'mount: store a string': [() => Isnad.mount('#second-article', { store: 'cloud' }), /store option must be/],
      'mount: options a string': [() => Isnad.mount('#second-article', 'ui'), /option/i],
      'describe: not a Range': [() => describe(root, 'exports'), /describe|Range/],
      'anchor: selectors a string': [() => anchor(root, 'exports'), /anchor|selector/i],
      'anchor: negative position': [() => anchor(root, [{ type: 'TextPositionSelector', start: -1, end: 4 }]), /anchor|selector/i],
    };
    const out = {};
    const original = isnad.annotations();
    const snapshot = () => JSON.stringify(isnad.annotations());
    const was = snapshot();
    for (const [name, [call, names]] of Object.entries(cases)) {
      try {
        const value = await call();
        out[name] = { threw: false, value: JSON.stringify(value)?.slice(0, 200) };
        if (value && typeof value.destroy === 'function') value.destroy();
      } catch (err) {
        out[name] = { threw: true, isError: err instanceof Error, type: err?.constructor?.name, message: String(err?.message ?? err), names: names.test(String(err?.message)) };
      }
      // A bad call that changed what is held is a failure; put things back for the next case.
      if (snapshot() !== was) {
        out[name].changed = true;
        for (const a of isnad.annotations()) if (!original.some((o) => o.id === a.id)) isnad.remove(a.id);
        for (const o of original) isnad.update(o);
      }
    }
    return out;
  });
  const unclear = Object.entries(results)
    .filter(([, r]) => !r.threw || r.changed || !r.isError || !r.names || /internal error|unreachable|RuntimeError|undefined is not|Cannot read/i.test(r.message))
    .map(([name, r]) => `${name}: ${r.threw ? `${r.type}: ${r.message}` : `no error, returned ${r.value}`}${r.changed ? ' (and changed what is held)' : ''}`);
  assert.deepEqual(unclear, [], 'every bad call throws an Error that names the call and says what to change, and changes nothing');
  // Nothing was marked, held or stored by the bad calls; the widget still works.
  await page.waitForTimeout(50);
  assert.deepEqual(await held(page), before);
  const after = await page.evaluate(async () => {
    const made = window.isnad.add({ ...window.valid, id: 'urn:test:after', isnad: { note: 'after' } });
    await new Promise((r) => setTimeout(r, 20));
    return { made: made.id, status: window.isnad.status('urn:test:after'), events: window.events };
  });
  assert.deepEqual(after, { made: 'urn:test:after', status: 'exact', events: [] });
  assert.deepEqual((await held(page)).stored, ['urn:test:held checked with the ministry', 'urn:test:after after']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('selectors out of range but with their quote re-anchor by the quote; a 10 MB quote is an orphan, not a hang; both leave the rest alone', async () => {
  const { page, problems } = await open();
  await mountWithOneClaim(page);
  const before = await held(page);
  const result = await page.evaluate(async () => {
    const isnad = window.isnad;
    const quote = window.valid.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const far = { ...window.valid, id: 'urn:test:far', target: { source: location.href, selector: [quote, { type: 'TextPositionSelector', start: 1e6, end: 1e6 + 23 }] } };
    const reversed = { ...window.valid, id: 'urn:test:reversed', target: { source: location.href, selector: [quote, { type: 'TextPositionSelector', start: 40, end: 3 }] } };
    const huge = { ...window.valid, id: 'urn:test:huge', target: { source: location.href, selector: [{ type: 'TextQuoteSelector', exact: 'exports rose 8% '.repeat(655360) }] } };
    const out = {};
    for (const a of [far, reversed, huge]) {
      try {
        isnad.add(a);
        out[a.id] = { status: isnad.status(a.id), marked: [...document.querySelectorAll(`mark[data-isnad-id="${a.id}"]`)].map((m) => m.textContent).join('') };
      } catch (err) {
        out[a.id] = { error: err.message };
      }
    }
    // The popover of the orphan-free ones works; the huge quote's annotation holds its quote.
    isnad.select('urn:test:far');
    out.popover = window.__popover = [...document.querySelectorAll('[data-isnad-ui]')].at(-1).shadowRoot.querySelector('.popover blockquote')?.textContent;
    out.hugeKept = isnad.annotations().find((a) => a.id === 'urn:test:huge')?.target.selector[0].exact.length;
    isnad.remove('urn:test:far');
    isnad.remove('urn:test:reversed');
    isnad.remove('urn:test:huge');
    await new Promise((r) => setTimeout(r, 50));
    return out;
  });
  assert.equal(result['urn:test:far'].marked, 'exports rose 8% in 2023', JSON.stringify(result['urn:test:far']));
  assert.ok(['moved', 'fuzzy'].includes(result['urn:test:far'].status));
  assert.ok(result['urn:test:reversed'].error ? /start|end|range/i.test(result['urn:test:reversed'].error) : result['urn:test:reversed'].marked === 'exports rose 8% in 2023', JSON.stringify(result['urn:test:reversed']));
  assert.equal(result['urn:test:huge'].status ?? result['urn:test:huge'].error, 'orphan');
  assert.equal(result.hugeKept, 16 * 655360, 'the 10 MB quote is held as it came');
  assert.equal(result.popover, 'exports rose 8% in 2023');
  assert.deepEqual(await held(page), before);
  assert.deepEqual(problems, []);
  await page.close();
});

test("stores answering nonsense (invalid JSON, wrong types, missing fields) raise an `error` event that names the store; the widget works on; localStorage that isn't Isnad's is never overwritten", async () => {
  const { page, problems } = await open();
  const answers = {
    'invalid JSON': '{"type": "AnnotationPage", "items": [',
    'items not a list': '{"type": "AnnotationPage", "items": "nope"}',
    'annotation without target': '{"type": "AnnotationPage", "items": [{"id": "urn:x", "type": "Annotation", "body": []}]}',
    'a number': '42',
  };
  const results = {};
  for (const [what, body] of Object.entries(answers)) {
    await page.route('**/nonsense/**', (route) => route.fulfill({ status: 200, contentType: 'application/ld+json', body }));
    for (const kind of ['StaticStore', 'ProtocolStore']) {
      results[`${kind}: ${what}`] = await page.evaluate(async (kind) => {
        const { Isnad } = await import('./isnad.js');
        const stores = await import('./stores.js');
        const store = kind === 'StaticStore' ? new stores.StaticStore('/nonsense/annotations.json') : new stores.ProtocolStore('/nonsense/annotations/', { storage: null });
        const isnad = await Isnad.mount('#main-article', { ui: true, mode: 'reader', store, detect: true });
        const message = await Promise.race([
          new Promise((resolve) => isnad.on('error', (e) => resolve(e.message))),
          new Promise((resolve) => setTimeout(() => resolve(null), 1000)),
        ]);
        const status = [...document.querySelectorAll('[data-isnad-ui]')].at(-1).shadowRoot.querySelector('[role=status]').textContent;
        const detected = isnad.annotations().length;
        const works = isnad.add({ ...(isnad.annotations()[0] ?? {}), id: 'urn:test:works' }).id;
        isnad.destroy();
        return { message, status, detected, works };
      }, kind);
    }
    await page.unroute('**/nonsense/**');
  }
  for (const [what, r] of Object.entries(results)) {
    assert.ok(r.message, `${what}: an error event`);
    assert.match(r.message, /nonsense\/annotations/, `${what}: the message names where the annotations came from: ${r.message}`);
    assert.ok(r.status.includes(r.message), `${what}: the status line says it: ${r.status}`);
    assert.ok(r.detected > 0, `${what}: detection kept`);
    assert.equal(r.works, 'urn:test:works');
  }

  // localStorage holding something that is not Isnad's: reported, and never overwritten.
  const local = await page.evaluate(async () => {
    const { Isnad } = await import('./isnad.js');
    const key = `isnad:${location.href}`;
    localStorage.setItem(key, '{"written by": "another tool"');
    const isnad = await Isnad.mount('#main-article', { ui: true, mode: 'editor' });
    const events = [];
    isnad.on('error', (e) => events.push(e.message));
    await new Promise((r) => setTimeout(r, 50));
    const p = isnad.root.querySelector('p');
    const exact = p.textContent.slice(0, 20);
    isnad.add({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' }], target: { source: location.href, selector: [{ type: 'TextQuoteSelector', exact }] } });
    await new Promise((r) => setTimeout(r, 50));
    const out = { events, kept: localStorage.getItem(key), held: isnad.annotations().length };
    isnad.destroy();
    localStorage.removeItem(key);
    return out;
  });
  assert.equal(local.kept, '{"written by": "another tool"', 'the key is left as it was');
  assert.ok(local.events.length >= 2, `the failed read and the refused write are reported: ${JSON.stringify(local.events)}`);
  for (const e of local.events) assert.match(e, /localStorage key "isnad:.*hostile\.html" does not hold an array of annotations.*remove it/);
  assert.equal(local.held, 1, 'the editor still holds what was added');
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await page.close();
});

test('odd text: NUL, lone surrogates, bidi overrides and 50,000 combining marks, under the interface', async () => {
  const { page, problems } = await open();
  const result = await page.evaluate(async () => {
    const { Isnad, describe, anchor } = await import('./isnad.js');
    const body = document.querySelector('#main-article .article-body');
    const odd = [
      'A\u0000B: the ministry said that exports rose 8% in 2023.',
      'Lone \uD800 and \uDC00 halves; the ministry said that exports rose 8% in 2023.',
      '\u202Ethe ministry said\u202C that \u2067exports rose 8% in 2023\u2069.',
      `e${'\u0301'.repeat(50000)} The ministry said that exports rose 8% in 2023.`,
    ];
    for (const text of odd) body.append(Object.assign(document.createElement('p'), { textContent: text }));
    const isnad = await Isnad.mount('#main-article', { ui: true, detect: true });
    return window.__odd(isnad, body.lastElementChild, { describe, anchor });
  });
  assert.ok(result.detected >= 4, `detected ${result.detected}`);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.marked.slice(0, 5), Array(5).fill('exports rose 8%'), 'the right text is marked after NUL, lone surrogates, bidi controls, combining marks');
  assert.deepEqual(result.found, 'exact:exports rose 8%');
  assert.ok(result.unchanged, "highlight() then clear() gives the page's text back exactly (lone surrogates must not become U+FFFD)");
  assert.equal(result.quotes[0], 'exact:A\u0000B');
  assert.match(result.quotes[1], /^exact:Lone . and$/u);
  assert.equal(result.quotes[2].replace(/[\u202A-\u202E]/g, ''), 'exact:the ministry said');
  assert.equal(result.opened, true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a DOM 5,000 levels deep, through the shell with live re-anchoring', async () => {
  // Chromium's renderer itself crashes laying out 5,000 nested elements (with or without
  // Isnad), so the deep part is kept out of layout with content-visibility: hidden.
  const { page, problems } = await open();
  const result = await page.evaluate(async () => {
    const { Isnad, describe, anchor } = await import('./isnad.js');
    const body = document.querySelector('#main-article .article-body');
    let deep = document.createElement('div');
    const top = deep;
    top.style.setProperty('content-visibility', 'hidden');
    for (let i = 0; i < 5000; i += 1) deep = deep.appendChild(document.createElement(i % 2 ? 'div' : 'span'));
    deep.textContent = 'Deep down, the ministry said that exports rose 8% in 2023.';
    body.append(top);
    const isnad = await Isnad.mount('#main-article', { detect: true, live: true });
    const out = await window.__odd(isnad, deep, { describe, anchor });
    const reanchored = new Promise((resolve) => isnad.on('reanchor', resolve));
    deep.append(' The agency said imports fell 3%.');
    out.reanchor = await Promise.race([reanchored, new Promise((r) => setTimeout(() => r('no reanchor'), 3000))]);
    out.textAfter = isnad.text().endsWith('The agency said imports fell 3%.');
    isnad.destroy();
    out.restored = top.querySelectorAll('mark').length === 0 && deep.textContent.startsWith('Deep down');
    return out;
  });
  assert.ok(result.detected >= 2, `detected ${result.detected}`);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.marked.at(-1), 'exports rose 8%');
  assert.equal(result.found, 'exact:exports rose 8%');
  assert.equal(typeof result.reanchor, 'object', String(result.reanchor));
  assert.ok(result.unchanged);
  assert.ok(result.textAfter);
  assert.ok(result.restored);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the root taken out of the page while mounted, two widgets on one page, destroy() twice: clear errors, no annotation lost', async () => {
  const { page, problems } = await open();
  await mountWithOneClaim(page);
  const removed = await page.evaluate(async () => {
    const isnad = window.isnad;
    const root = isnad.root;
    const parent = root.parentNode;
    const next = root.nextSibling;
    root.remove();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    const out = { calls: {} };
    for (const [name, call] of Object.entries({
      text: () => isnad.text().length,
      refresh: () => isnad.refresh(),
      detect: () => isnad.detect().length,
      add: () => isnad.add({ ...window.valid, id: 'urn:test:while-out' }).id,
      annotations: () => isnad.annotations().map((a) => a.id),
    })) {
      try {
        out.calls[name] = { value: call() };
      } catch (err) {
        out.calls[name] = { error: err.message };
      }
    }
    parent.insertBefore(root, next);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    isnad.refresh();
    out.back = { held: isnad.status('urn:test:held'), marked: document.querySelectorAll('#main-article mark[data-isnad-id="urn:test:held"]').length };
    return out;
  });
  for (const [name, r] of Object.entries(removed.calls)) {
    if (r.error) assert.match(r.error, /not in the document|removed|detached/, `${name}: ${r.error}`);
  }
  assert.ok(removed.calls.annotations.value.includes('urn:test:held'), 'annotations held while the root is out');
  assert.deepEqual(removed.back, { held: 'exact', marked: 1 });
  assert.ok((await held(page)).stored.includes('urn:test:held checked with the ministry'));

  // Two widgets on one page, each with its interface and the page's localStorage.
  const two = await page.evaluate(async () => {
    const { Isnad } = await import('./isnad.js');
    window.isnad.destroy();
    localStorage.clear();
    const claim = (root, words) => {
      const text = root.textContent;
      return { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:test:${root.id}`, type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' }], target: { source: location.href, selector: [{ type: 'TextQuoteSelector', exact: words }] }, len: text.length };
    };
    const a = await Isnad.mount('#main-article', { ui: true, mode: 'editor' });
    const b = await Isnad.mount('#second-article', { ui: true, mode: 'editor' });
    a.add(claim(a.root, 'exports rose 8% in 2023'));
    b.add(claim(b.root, 'inflation fell to 3% in March'));
    await new Promise((r) => setTimeout(r, 50));
    let overlapping;
    try {
      await Isnad.mount('#second-article .article-body', { ui: true });
    } catch (err) {
      overlapping = err.message;
    }
    const hosts = document.querySelectorAll('[data-isnad-ui]');
    b.select('urn:test:second-article');
    const popovers = [...hosts].map((h) => !h.shadowRoot.querySelector('.popover').hidden);
    const stored = JSON.parse(localStorage.getItem(`isnad:${location.href}`)).map((x) => x.id).sort();
    // destroy() twice on one: the other works on.
    a.destroy();
    a.destroy();
    let afterDestroy;
    try {
      a.text();
    } catch (err) {
      afterDestroy = err.message;
    }
    const bWorks = b.add({ ...claim(b.root, 'The central bank said'), id: 'urn:test:b2' }).id;
    await new Promise((r) => setTimeout(r, 50));
    const out = {
      overlapping, hosts: hosts.length, popovers, stored, afterDestroy, bWorks,
      marksA: document.querySelectorAll('#main-article mark').length,
      hostsAfter: document.querySelectorAll('[data-isnad-ui]').length,
      storedAfter: JSON.parse(localStorage.getItem(`isnad:${location.href}`)).map((x) => x.id).sort(),
    };
    // Mounted again, A finds its annotation in the store.
    const again = await Isnad.mount('#main-article', { ui: true, mode: 'editor' });
    out.again = again.status('urn:test:main-article');
    again.destroy();
    b.destroy();
    return out;
  });
  assert.match(two.overlapping ?? '', /already inside, or holds, an article Isnad is mounted on; call destroy\(\)/);
  assert.deepEqual(two.popovers.slice(0, 2), [false, true], "B's popover opens in B's interface only");
  assert.deepEqual(two.stored, ['urn:test:main-article', 'urn:test:second-article'], 'both widgets wrote to the page\'s store, neither overwrote the other');
  assert.match(two.afterDestroy ?? '', /destroyed/);
  assert.equal(two.bWorks, 'urn:test:b2');
  assert.equal(two.marksA, 0);
  assert.deepEqual(two.storedAfter, ['urn:test:b2', 'urn:test:main-article', 'urn:test:second-article'], 'destroy() drops nothing from the store');
  assert.equal(two.again, 'exact');
  assert.deepEqual(problems, []);
  await page.close();
});
