// Annotations that outlive the page, end to end in Chromium: the stores of www/stores.js behind
// `Isnad.mount(root, { store })`, against localStorage and the real `isnad serve` binary
// (target/release/isnad, built by `cargo build --release --bin isnad`), on loopback only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, openPage } from './harness.mjs';

const ISNAD = 'target/release/isnad';
let demo;
let origin;
const tmp = mkdtempSync(join(tmpdir(), 'isnad-persistence-'));
const stores = new Set();

before(async () => {
  assert.ok(existsSync(ISNAD), `${ISNAD} is missing: run cargo build --release --bin isnad`);
  demo = await startDemo();
  origin = demo.baseUrl.replace(/\/$/, '');
});

after(async () => {
  for (const store of stores) await store.stop();
  await demo?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Starts `isnad serve` on loopback (port 0 picks one); resolves once it prints its URL. */
async function startStore(db, port = 0) {
  const proc = spawn(ISNAD, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--origin', origin], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('isnad serve did not start in 10 s')), 10000);
    proc.stdout.on('data', (chunk) => {
      const match = /Isnad store: (http:\/\/127\.0\.0\.1:\d+\/annotations\/)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`isnad serve exited with ${code}`));
    });
  });
  const store = {
    url,
    port: Number(new URL(url).port),
    stop() {
      stores.delete(store);
      if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        proc.once('exit', resolve);
        proc.kill('SIGTERM');
      });
    },
  };
  stores.add(store);
  return store;
}

/** What the server holds for a page, read from node. */
async function serverItems(storeUrl, page) {
  const response = await fetch(`${storeUrl}?target=${encodeURIComponent(page)}`);
  assert.equal(response.status, 200);
  return (await response.json()).first.items;
}

/** Chromium reports refused connections and 412s on the console; those are expected here. */
const unexpected = (problems) => problems.filter((p) => !/Failed to load resource/.test(p));

/**
 * Replaces the demo's handle (mounted with no store) by one with the given store: 'local',
 * 'editor' (mode: 'editor', whose default store is localStorage), { protocol: containerUrl }
 * or { published: url } (a StaticStore, mode: 'reader'). Events land in window.storeEvents.
 */
async function mountWithStore(page, spec) {
  await page.evaluate(async (spec) => {
    const { Isnad } = await import('./isnad.js');
    const { ProtocolStore, StaticStore } = await import('./stores.js');
    window.isnadDemo.destroy();
    let options = { store: spec };
    if (spec === 'editor') options = { mode: 'editor' };
    else if (spec.protocol) options = { store: new ProtocolStore(spec.protocol) };
    else if (spec.published) options = { mode: 'reader', store: new StaticStore(spec.published) };
    window.storeEvents = [];
    const isnad = await Isnad.mount(null, options);
    isnad.on('error', (err) => window.storeEvents.push({ event: 'error', name: err.name, message: err.message }));
    isnad.on('conflict', ({ mine, theirs, error }) => window.storeEvents.push({ event: 'conflict', mine, theirs, message: error.message }));
    window.isnad = isnad;
  }, spec);
}

/** An editor marks the first `length` characters of the `nth` article paragraph as a claim. */
function addClaim(page, nth, length = 30) {
  return page.evaluate(
    async ({ nth, length }) => {
      const { describe } = await import('./isnad.js');
      const root = window.isnad.root;
      const p = root.querySelectorAll('.article-body p')[nth];
      const range = document.createRange();
      range.setStart(p.firstChild, 0);
      range.setEnd(p.firstChild, Math.min(length, p.firstChild.length));
      const text = range.toString(); // before marking changes the DOM under the range
      const created = window.isnad.add({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: [{ type: 'TextualBody', purpose: 'classifying', value: 'claim' }],
        target: { source: location.href, selector: await describe(root, range) },
      });
      return { id: created.id, text };
    },
    { nth, length },
  );
}

/** The text marked for an annotation id in the page. */
const markedText = (page, id) =>
  page.evaluate((id) => [...document.querySelectorAll(`mark[data-isnad-id="${id}"]`)].map((m) => m.textContent).join(''), id);

const kindOf = (a) => a.body.find((b) => b.purpose === 'classifying').value;

test('localStorage: an annotation an editor adds is back, at the same text, after a reload', async () => {
  const { page, problems } = await openPage(demo, 'ar.html');
  await mountWithStore(page, 'local');
  const added = await addClaim(page, 1);
  assert.equal(await markedText(page, added.id), added.text);
  const key = await page.evaluate(() => window.isnad.store.key);
  assert.equal(key, `isnad:${demo.baseUrl}ar.html`);
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('urn:isnad:'), key, { timeout: 5000 });

  await page.reload();
  await page.waitForFunction(() => window.isnadDemo !== undefined, null, { timeout: 15000 });
  await mountWithStore(page, 'editor');
  const back = await page.evaluate((id) => ({ ids: window.isnad.annotations().map((a) => a.id), status: window.isnad.status(id) }), added.id);
  assert.deepEqual(back.ids, [added.id]);
  assert.equal(back.status, 'exact');
  assert.equal(await markedText(page, added.id), added.text);
  assert.deepEqual(await page.evaluate(() => window.storeEvents), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('localStorage full: the failed write is reported, and what was stored is intact', async () => {
  const { page, problems } = await openPage(demo, 'ar.html');
  await mountWithStore(page, 'local');
  const first = await addClaim(page, 1);
  const key = await page.evaluate(() => window.isnad.store.key);
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('urn:isnad:'), key, { timeout: 5000 });
  const before = await page.evaluate((key) => localStorage.getItem(key), key);
  // Fill the origin's quota: big strings first, then smaller ones, until 16 characters no longer fit.
  const filled = await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`fill-${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size >>= 1;
      }
    }
    return n;
  });
  assert.ok(filled > 0);
  const second = await addClaim(page, 2);
  await page.waitForFunction(() => window.storeEvents.length > 0, null, { timeout: 5000 });
  const events = await page.evaluate(() => window.storeEvents);
  assert.equal(events.length, 1);
  assert.equal(events[0].event, 'error');
  assert.equal(events[0].name, 'QuotaExceededError');
  assert.match(events[0].message, new RegExp(`could not save annotation ${second.id}.*localStorage is full.*saved before are kept`));
  // Called directly, the store rejects the same way.
  const direct = await page.evaluate(async () => {
    try {
      await window.isnad.store.create({ ...window.isnad.annotations()[1], id: 'urn:isnad:claim:direct' });
      return null;
    } catch (err) {
      return { name: err.name, message: err.message };
    }
  });
  assert.equal(direct?.name, 'QuotaExceededError');
  // Nothing stored before is lost; the widget still holds both.
  const after = await page.evaluate((key) => localStorage.getItem(key), key);
  assert.equal(after, before);
  assert.deepEqual(JSON.parse(after).map((a) => a.id), [first.id]);
  assert.deepEqual(await page.evaluate(() => window.isnad.annotations().map((a) => a.id)), [first.id, second.id]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('isnad serve: an added annotation is on the server, and comes back after a reload', async () => {
  const server = await startStore(join(tmp, 'serve.sqlite'));
  const { page, problems } = await openPage(demo, 'en.html');
  const pageUrl = `${demo.baseUrl}en.html`;
  await mountWithStore(page, { protocol: server.url });
  const added = await addClaim(page, 0, 40);
  await page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 10000 });
  const items = await serverItems(server.url, pageUrl);
  assert.equal(items.length, 1);
  assert.equal(items[0].via, added.id, 'the server keeps the widget id in via');
  assert.ok(items[0].id.startsWith(server.url), 'and mints its own id');

  await page.reload();
  await page.waitForFunction(() => window.isnadDemo !== undefined, null, { timeout: 15000 });
  await mountWithStore(page, { protocol: server.url });
  const back = await page.evaluate((id) => ({ ids: window.isnad.annotations().map((a) => a.id), status: window.isnad.status(id) }), added.id);
  assert.deepEqual(back.ids, [added.id]);
  assert.equal(back.status, 'exact');
  assert.equal(await markedText(page, added.id), added.text);
  // A delete goes through too (with If-Match on the ETag of the create).
  await page.evaluate((id) => window.isnad.remove(id), added.id);
  await page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 10000 });
  assert.deepEqual(await serverItems(server.url, pageUrl), []);
  assert.deepEqual(await page.evaluate(() => window.storeEvents), []);
  assert.deepEqual(unexpected(problems), []);
  await page.close();
  await server.stop();
});

test('conflict: a stale update shows both versions, the server keeps theirs, and a retry on top of theirs wins', async () => {
  const server = await startStore(join(tmp, 'conflict.sqlite'));
  const pageUrl = `${demo.baseUrl}en.html`;
  const a = await openPage(demo, 'en.html');
  const b = await openPage(demo, 'en.html');
  await mountWithStore(a.page, { protocol: server.url });
  const added = await addClaim(a.page, 1);
  await a.page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 10000 });
  await mountWithStore(b.page, { protocol: server.url });
  assert.deepEqual(await b.page.evaluate(() => window.isnad.annotations().map((x) => x.id)), [added.id]);

  const relabel = (page, kind) =>
    page.evaluate(
      ({ id, kind }) => {
        const current = window.isnad.annotations().find((x) => x.id === id);
        window.isnad.update({ ...current, body: [{ type: 'TextualBody', purpose: 'classifying', value: kind }] });
      },
      { id: added.id, kind },
    );
  // A changes it first.
  await relabel(a.page, 'assessment');
  await a.page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 10000 });
  // B changes its stale copy: a conflict, with both versions.
  await relabel(b.page, 'source');
  await b.page.waitForFunction(() => window.storeEvents.length > 0, null, { timeout: 10000 });
  const [conflict] = await b.page.evaluate(() => window.storeEvents);
  assert.equal(conflict.event, 'conflict');
  assert.equal(conflict.mine.id, added.id);
  assert.equal(conflict.theirs.id, added.id, 'theirs carries the widget id too');
  assert.equal(kindOf(conflict.mine), 'source');
  assert.equal(kindOf(conflict.theirs), 'assessment');
  assert.match(conflict.message, /changed on the server/);
  assert.deepEqual((await serverItems(server.url, pageUrl)).map(kindOf), ['assessment'], "the server still holds A's version");

  // B retries on top of theirs.
  await b.page.evaluate((theirs) => {
    window.isnad.update({ ...theirs, body: [{ type: 'TextualBody', purpose: 'classifying', value: 'source' }] });
  }, conflict.theirs);
  await b.page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 10000 });
  assert.equal(await b.page.evaluate(() => window.storeEvents.length), 1);
  assert.deepEqual((await serverItems(server.url, pageUrl)).map(kindOf), ['source']);

  // A, whose ETag is now stale, gets the server's 412 as a conflict in turn.
  await relabel(a.page, 'claim');
  await a.page.waitForFunction(() => window.storeEvents.length > 0, null, { timeout: 10000 });
  const [back] = await a.page.evaluate(() => window.storeEvents);
  assert.equal(back.event, 'conflict');
  assert.equal(kindOf(back.mine), 'claim');
  assert.equal(kindOf(back.theirs), 'source');
  assert.deepEqual((await serverItems(server.url, pageUrl)).map(kindOf), ['source']);

  assert.deepEqual(unexpected(a.problems), []);
  assert.deepEqual(unexpected(b.problems), []);
  await a.page.close();
  await b.page.close();
  await server.stop();
});

test('offline: a write while the server is down waits in a queue and reaches the server when it is back', async () => {
  const db = join(tmp, 'offline.sqlite');
  let server = await startStore(db);
  const pageUrl = `${demo.baseUrl}ar.html`;
  const { page, problems } = await openPage(demo, 'ar.html');
  await mountWithStore(page, { protocol: server.url });
  const added = await addClaim(page, 1);
  await page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 10000 });

  await server.stop();
  await page.evaluate((id) => {
    const current = window.isnad.annotations().find((x) => x.id === id);
    window.isnad.update({ ...current, body: [{ type: 'TextualBody', purpose: 'classifying', value: 'assessment' }] });
  }, added.id);
  // The first attempt fails on the refused connection and the write waits (mirrored for a reload).
  await page.waitForFunction(() => window.isnad.store.pending() === 1 && window.isnad.store.describe().includes('1 writes waiting'), null, { timeout: 5000 });
  const mirrored = await page.evaluate((url) => JSON.parse(localStorage.getItem(`isnad:queue:${url}`)), server.url);
  assert.equal(mirrored.ops.length, 1);
  assert.equal(mirrored.ops[0].kind, 'update');

  server = await startStore(db, server.port);
  await page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 15000 });
  const items = await serverItems(server.url, pageUrl);
  assert.deepEqual(items.map((x) => [x.via, kindOf(x)]), [[added.id, 'assessment']]);
  assert.equal(await page.evaluate((url) => localStorage.getItem(`isnad:queue:${url}`), server.url), null);
  assert.deepEqual(await page.evaluate(() => window.storeEvents), []);

  // Down again, a write, and a reload before the server is back: the mirrored queue survives.
  await server.stop();
  await page.evaluate((id) => {
    const current = window.isnad.annotations().find((x) => x.id === id);
    window.isnad.update({ ...current, body: [{ type: 'TextualBody', purpose: 'classifying', value: 'source' }] });
  }, added.id);
  await page.waitForFunction(() => window.isnad.store.pending() === 1, null, { timeout: 5000 });
  await page.reload();
  await page.waitForFunction(() => window.isnadDemo !== undefined, null, { timeout: 15000 });
  await mountWithStore(page, { protocol: server.url });
  // The page's annotations could not be listed: that is reported, and the queue is back.
  await page.waitForFunction(() => window.storeEvents.length > 0, null, { timeout: 5000 });
  const [down] = await page.evaluate(() => window.storeEvents);
  assert.equal(down.event, 'error');
  assert.match(down.message, /could not reach the annotation server/);
  assert.equal(await page.evaluate(() => window.isnad.store.pending()), 1);
  server = await startStore(db, server.port);
  await page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 15000 });
  assert.deepEqual((await serverItems(server.url, pageUrl)).map((x) => [x.via, kindOf(x)]), [[added.id, 'source']]);
  assert.equal(await page.evaluate(() => window.storeEvents.length), 1);
  assert.deepEqual(unexpected(problems), []);
  await page.close();
  await server.stop();
});

test('reader mode: annotations published by isnad publish load read-only from a static folder', async () => {
  const db = join(tmp, 'publish.sqlite');
  const server = await startStore(db);
  const editor = await openPage(demo, 'en.html');
  await mountWithStore(editor.page, { protocol: server.url });
  const added = await addClaim(editor.page, 2);
  await editor.page.waitForFunction(() => window.isnad.store.pending() === 0, null, { timeout: 10000 });
  await editor.page.close();
  await server.stop();

  const out = join(tmp, 'published');
  const published = spawnSync(ISNAD, ['publish', '--db', db, '--out', out], { encoding: 'utf8', timeout: 10000 });
  assert.equal(published.status, 0, published.stderr);
  // A CDN stand-in: the folder over HTTP on loopback, readable from the demo's origin.
  const cdn = createServer(async (req, res) => {
    try {
      const body = await readFile(join(out, new URL(req.url, 'http://x').pathname.replace(/^\/+/, '')));
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': origin }).end(body);
    } catch {
      res.writeHead(404, { 'access-control-allow-origin': origin }).end('{}');
    }
  });
  await new Promise((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  try {
    const { page, problems } = await openPage(demo, 'en.html');
    await mountWithStore(page, { published: `http://127.0.0.1:${cdn.address().port}/` });
    const result = await page.evaluate(async () => {
      const ids = window.isnad.annotations().map((a) => a.id);
      let refused = null;
      try {
        await window.isnad.store.create(window.isnad.annotations()[0]);
      } catch (err) {
        refused = err.message;
      }
      return { ids, refused, describe: window.isnad.store.describe() };
    });
    assert.deepEqual(result.ids, [added.id]);
    assert.equal(await markedText(page, added.id), added.text);
    assert.match(result.refused, /read-only/);
    assert.match(result.describe, /published annotations at http:\/\/127\.0\.0\.1:\d+\/ \(read-only\)/);
    assert.deepEqual(await page.evaluate(() => window.storeEvents), []);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    cdn.close();
  }
});
