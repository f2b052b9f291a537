// Where Isnad keeps annotations. Every store has the same small interface, so the shell
// (`Isnad.mount(root, { store })`) writes through to any of them:
//
//   list(page)   → Promise<annotation[]>   the page's annotations, with the widget's ids
//   create(a)    → Promise<annotation>     the annotation as stored
//   update(a)    → Promise<annotation>
//   remove(id)   → Promise<void>
//   describe()   → string                  one line for logs and editors
//
// A failed call rejects with an Error whose message says what happened and what to do; a
// conflict (someone else changed the annotation) rejects with `err.conflict = { mine, theirs }`.
// Nothing here swallows an error, and nothing stored before a failed write is lost.

/**
 * @typedef {object} AnnotationStore
 * @property {(page: string) => Promise<object[]>} list
 * @property {(annotation: object) => Promise<object>} create
 * @property {(annotation: object) => Promise<object>} update
 * @property {(id: string) => Promise<void>} remove
 * @property {() => string} describe
 */

/**
 * The page's URL as annotations name it: `<link rel=canonical>` when it is an http(s) URL
 * (as the wasm core does), else the location without its hash.
 * @param {Document} [doc]
 * @returns {string}
 */
export function pageUrl(doc = globalThis.document) {
  const href = doc?.querySelector('link[rel=canonical][href]')?.getAttribute('href');
  if (href && href.startsWith('http')) return href;
  return String(doc?.URL ?? globalThis.location?.href ?? '').split('#')[0];
}

const clone = (value) => JSON.parse(JSON.stringify(value));

function checkAnnotation(annotation, call) {
  if (!annotation || typeof annotation !== 'object' || typeof annotation.id !== 'string' || !annotation.id) {
    throw new TypeError(`${call}: expected a W3C annotation with a string id`);
  }
}

/**
 * The annotations of one page as an array, read and written whole. Subclasses say where the
 * array lives (`read()`/`write(list)`); a write either happens completely or not at all.
 */
class PageStore {
  /** @param {{ page?: string }} [options] the page; by default the one `list(page)` names */
  constructor({ page } = {}) {
    this.page = page ?? null;
  }

  /** @returns {Promise<object[]>} */
  async list(page) {
    if (page) this.page = page;
    return clone(this.read());
  }

  /** @returns {Promise<object>} */
  async create(annotation) {
    checkAnnotation(annotation, 'create');
    const all = this.read();
    if (all.some((a) => a.id === annotation.id)) {
      throw new Error(`create: ${this.describe()} already holds an annotation with id ${JSON.stringify(annotation.id)}; use update`);
    }
    this.write([...all, clone(annotation)], annotation.id);
    return clone(annotation);
  }

  /** @returns {Promise<object>} */
  async update(annotation) {
    checkAnnotation(annotation, 'update');
    const all = this.read();
    const at = all.findIndex((a) => a.id === annotation.id);
    if (at < 0) throw new Error(`update: ${this.describe()} holds no annotation with id ${JSON.stringify(annotation.id)}; use create`);
    this.write(all.map((a, i) => (i === at ? clone(annotation) : a)), annotation.id);
    return clone(annotation);
  }

  /** Removing an id the store does not hold does nothing. */
  async remove(id) {
    const all = this.read();
    if (all.some((a) => a.id === id)) this.write(all.filter((a) => a.id !== id), id);
  }
}

/** Annotations in memory only: gone when the page is. For tests and previews. */
export class MemoryStore extends PageStore {
  #pages = new Map();

  read() {
    return this.#pages.get(this.page ?? '') ?? [];
  }

  write(list) {
    this.#pages.set(this.page ?? '', list);
  }

  describe() {
    return `memory (${this.read().length} annotations, lost on reload)`;
  }
}

/** True for the errors browsers throw when storage is full. */
function isQuotaError(err) {
  return err?.name === 'QuotaExceededError' || err?.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err?.code === 22 || err?.code === 1014;
}

/**
 * Annotations in this browser's `localStorage`, one key per page: `isnad:` + the page's
 * canonical URL. The editor's default store. When the storage is full the write is refused
 * with an Error named `QuotaExceededError` (the shell emits it as `error`); what was stored
 * stays as it was.
 */
export class LocalStore extends PageStore {
  #storage;

  /**
   * @param {{ page?: string, prefix?: string, storage?: Storage }} [options]
   *   page: by default the current page (pageUrl()); prefix: 'isnad:'; storage: localStorage
   */
  constructor({ page = pageUrl(), prefix = 'isnad:', storage = globalThis.localStorage } = {}) {
    super({ page });
    this.prefix = prefix;
    this.#storage = storage;
  }

  /** The localStorage key of the page. */
  get key() {
    return this.prefix + this.page;
  }

  read() {
    let text;
    try {
      text = this.#storage.getItem(this.key);
    } catch (cause) {
      throw new Error(`Isnad cannot read this browser's localStorage (${cause.message}); it may be disabled for this site`, { cause });
    }
    if (text == null) return [];
    try {
      const list = JSON.parse(text);
      if (Array.isArray(list)) return list;
    } catch { /* reported below */ }
    throw new Error(`localStorage key ${JSON.stringify(this.key)} does not hold an array of annotations; Isnad leaves it untouched (remove it to start again)`);
  }

  write(list, id) {
    try {
      this.#storage.setItem(this.key, JSON.stringify(list));
    } catch (cause) {
      if (isQuotaError(cause)) {
        const err = new Error(
          `Isnad could not save annotation ${id} in this browser: localStorage is full (quota exceeded). ` +
            'The annotations saved before are kept; free some space or use a server store.',
          { cause },
        );
        err.name = 'QuotaExceededError';
        throw err;
      }
      throw new Error(`Isnad could not save annotation ${id} in localStorage: ${cause.message}`, { cause });
    }
  }

  describe() {
    return `this browser's localStorage (key ${this.key})`;
  }
}

/**
 * Published annotations, read-only, for readers: a JSON file holding an AnnotationPage, an
 * array of annotations, or the `isnad publish` layout (a folder URL ending in `/`, or its
 * `index.json`, mapping page URLs to files). As with ProtocolStore, an annotation the server
 * keeps the widget's id of (in `via`) comes back with that id. Writes reject.
 */
export class StaticStore {
  #fetch;

  /** @param {string} url @param {{ fetch?: typeof fetch }} [options] */
  constructor(url, { fetch = globalThis.fetch.bind(globalThis) } = {}) {
    this.url = String(new URL(url, globalThis.location?.href));
    this.#fetch = fetch;
  }

  async #get(url) {
    const response = await this.#fetch(url, { headers: { accept: 'application/ld+json, application/json' } });
    if (!response.ok) throw new Error(`Isnad could not read published annotations at ${url}: HTTP ${response.status}`);
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new Error(`Isnad could not read published annotations at ${url}: the file is not JSON (${cause.message}); publish it again with isnad publish`, { cause });
    }
    if (json === null || typeof json !== 'object' || (!Array.isArray(json) && 'items' in json && !Array.isArray(json.items))) {
      throw new TypeError(`Isnad could not read published annotations at ${url}: expected an AnnotationPage, an array of annotations or an index, got ${text.slice(0, 60)}`);
    }
    return json;
  }

  /** @returns {Promise<object[]>} */
  async list(page) {
    const first = this.url.endsWith('/') ? new URL('index.json', this.url).href : this.url;
    let json = await this.#get(first);
    let from = first;
    if (json && !Array.isArray(json) && !json.items && !json.first && !json.type) {
      // The `isnad publish` index: page URL → file name.
      const file = json[page];
      if (typeof file !== 'string') return [];
      from = new URL(file, first).href;
      json = await this.#get(from);
    }
    if (Array.isArray(json)) return json.map(present);
    const items = [];
    let at = typeof json.first === 'object' ? json.first : json;
    if (typeof json.first === 'string') at = await this.#get(new URL(json.first, from).href);
    for (let pages = 0; at && pages < 10000; pages += 1) {
      items.push(...(at.items ?? []));
      at = at.next ? await this.#get(new URL(at.next, from).href) : null;
    }
    return items.map(present);
  }

  #readOnly(call) {
    return Promise.reject(new Error(`${call}: ${this.describe()} is read-only; edit annotations through a LocalStore or a ProtocolStore (isnad serve) and publish them again`));
  }

  create() { return this.#readOnly('create'); }
  update() { return this.#readOnly('update'); }
  remove() { return this.#readOnly('remove'); }

  describe() {
    return `published annotations at ${this.url} (read-only)`;
  }
}

/** An error from a write that may succeed later (the network or the server is down). */
class Retry extends Error {}

const JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/**
 * The W3C Web Annotation Protocol, against `isnad serve`. The server mints its own ids
 * (`…/annotations/KEY`) and keeps the widget's id in `via`; this store hands the widget its
 * own ids and remembers, per id, the server's IRI and the last ETag seen. Updates and deletes
 * send `If-Match`: when someone else changed the annotation first, the call rejects with
 * `err.conflict = { mine, theirs }` (the server keeps theirs; the next update goes on top of
 * theirs). Writes that fail because the network or the server is down wait in a queue — in
 * memory and in localStorage, so a reload keeps them — and are retried in order with backoff
 * (1 s, 2 s, 4 s … at most 30 s); their promises settle when they are done. `pending()` counts
 * the writes not yet acknowledged. Use one ProtocolStore per container on a page.
 */
export class ProtocolStore {
  #fetch;
  #storage;
  #token;
  #retry;
  /** widget id → { iri, etag, seen }: the server's IRI, last ETag, the version last seen */
  #known = new Map();
  /** writes in order: { kind, annotation?, id?, resolve?, reject? } */
  #queue = [];
  #failures = 0;
  #timer = null;
  #draining = false;
  #listeners = [];

  /**
   * @param {string} containerUrl e.g. `http://127.0.0.1:8787/annotations/`
   * @param {{ token?: string, storage?: Storage, fetch?: typeof fetch,
   *   retry?: { base?: number, max?: number, timeout?: number } }} [options]
   *   token: sent as `Authorization: Bearer` on writes; storage: where the queue is mirrored
   *   (localStorage; null for none); retry: backoff in ms (1000 doubling to 30000) and how
   *   long one request may take (15000; a request that times out is retried like a refused one)
   */
  constructor(containerUrl, { token, storage = globalThis.localStorage, fetch = globalThis.fetch.bind(globalThis), retry = {} } = {}) {
    this.url = String(new URL(containerUrl, globalThis.location?.href));
    this.#token = token;
    this.#storage = storage ?? null;
    this.#fetch = fetch;
    this.#retry = { base: retry.base ?? 1000, max: retry.max ?? 30000, timeout: retry.timeout ?? 15000 };
    this.#restore();
  }

  /** Writes waiting for the server (queued or under way). */
  pending() {
    return this.#queue.length;
  }

  /**
   * Listens to `error` and `conflict` from writes no caller waits for (those restored after a
   * reload). The shell re-emits them on its handle.
   */
  on(event, listener) {
    this.#listeners.push([event, listener]);
  }

  off(event, listener) {
    this.#listeners = this.#listeners.filter(([e, l]) => !(e === event && l === listener));
  }

  describe() {
    const waiting = this.pending();
    return `W3C annotation server at ${this.url}${waiting ? ` (${waiting} writes waiting)` : ''}`;
  }

  /** @returns {Promise<object[]>} the page's annotations, with writes still queued applied */
  async list(page) {
    const base = new URL(this.url);
    base.searchParams.set('target', page);
    const items = [];
    let next = base.href;
    for (let pages = 0; next && pages < 10000; pages += 1) {
      const { response, body } = await this.#request('GET', next);
      if (response.status !== 200) throw this.#failure('list', next, response, body);
      const at0 = body?.type === 'AnnotationPage' || Array.isArray(body?.items) ? body : body?.first;
      if (body === null || typeof body !== 'object' || body.error !== undefined || (at0 && typeof at0 === 'object' && at0.items !== undefined && !Array.isArray(at0.items))) {
        throw new TypeError(`list: the annotation server at ${next} answered 200 with something that is not an annotation container or page: ${JSON.stringify(body)?.slice(0, 80)}`);
      }
      const at = body.type === 'AnnotationPage' || Array.isArray(body.items) ? body : body.first;
      if (typeof at === 'string') {
        next = at;
        continue;
      }
      items.push(...(at?.items ?? []));
      next = at?.next ?? null;
    }
    const waiting = new Set(this.#queue.map((op) => op.annotation?.id ?? op.id));
    const listed = new Map();
    for (const stored of items) {
      const mine = present(stored);
      if (!waiting.has(mine.id)) this.#known.set(mine.id, { iri: stored.id, etag: null, seen: stored });
      listed.set(mine.id, mine);
    }
    for (const op of this.#queue) {
      if (op.kind === 'remove') listed.delete(op.id);
      else if (op.annotation.target?.source === page) listed.set(op.annotation.id, clone(op.annotation));
    }
    return [...listed.values()];
  }

  /** @returns {Promise<object>} */
  create(annotation) {
    return this.#enqueue({ kind: 'create', annotation: clone(annotation) });
  }

  /** @returns {Promise<object>} */
  update(annotation) {
    return this.#enqueue({ kind: 'update', annotation: clone(annotation) });
  }

  /** @returns {Promise<void>} */
  remove(id) {
    return this.#enqueue({ kind: 'remove', id });
  }

  #enqueue(op) {
    try {
      if (op.kind === 'remove' ? typeof op.id !== 'string' : !op.annotation?.id) {
        throw new TypeError(`${op.kind}: expected ${op.kind === 'remove' ? 'an annotation id' : 'a W3C annotation with an id'}`);
      }
    } catch (err) {
      return Promise.reject(err);
    }
    const done = new Promise((resolve, reject) => Object.assign(op, { resolve, reject }));
    this.#queue.push(op);
    this.#mirror();
    if (!this.#timer) this.#drain();
    return done;
  }

  async #drain() {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length) {
        const op = this.#queue[0];
        let result;
        try {
          result = await this.#send(op);
        } catch (err) {
          if (err instanceof Retry) {
            this.#failures += 1;
            const delay = Math.min(this.#retry.base * 2 ** (this.#failures - 1), this.#retry.max);
            this.#timer = setTimeout(() => {
              this.#timer = null;
              this.#drain();
            }, delay);
            return;
          }
          this.#queue.shift();
          this.#mirror();
          this.#settle(op, 'reject', err);
          continue;
        }
        this.#failures = 0;
        this.#queue.shift();
        this.#mirror();
        this.#settle(op, 'resolve', result);
      }
    } finally {
      this.#draining = false;
    }
  }

  #settle(op, how, value) {
    if (op[how]) {
      op[how](value);
      return;
    }
    if (how === 'reject') {
      // A write restored from a previous page load: nobody awaits it, so tell the listeners.
      for (const [event, listener] of this.#listeners) {
        if (event === (value.conflict ? 'conflict' : 'error')) listener(value);
      }
    }
  }

  async #send(op) {
    if (op.kind === 'create') {
      const { response, body } = await this.#request('POST', this.url, op.annotation);
      if (response.status !== 201) throw this.#failure('create', this.url, response, body);
      this.#remember(op.annotation.id, body, response);
      return present(body);
    }
    const id = op.kind === 'remove' ? op.id : op.annotation.id;
    const ref = this.#known.get(id);
    if (!ref) {
      throw new Error(`${op.kind}: ${JSON.stringify(id)} is not on ${this.url} (neither listed nor created through this store)`);
    }
    const etag = ref.etag ?? (await this.#currentEtag(ref, op));
    if (op.kind === 'update') {
      const { response, body } = await this.#request('PUT', ref.iri, { ...op.annotation, id: ref.iri }, etag);
      if (response.status === 412) throw this.#conflict(op, ref, body, response);
      if (response.status !== 200) throw this.#failure('update', ref.iri, response, body);
      this.#remember(id, body, response);
      return present(body);
    }
    if (etag === null) {
      this.#known.delete(id); // deleted on the server already
      return undefined;
    }
    const { response, body } = await this.#request('DELETE', ref.iri, undefined, etag);
    if (response.status === 412) throw this.#conflict(op, ref, body, response);
    if (response.status !== 204 && response.status !== 404) throw this.#failure('remove', ref.iri, response, body);
    this.#known.delete(id);
    return undefined;
  }

  /**
   * The ETag of an annotation known only from a listing (pages carry no ETags): read it, and
   * when it is no longer the version listed, that is a conflict like a 412.
   */
  async #currentEtag(ref, op) {
    const { response, body } = await this.#request('GET', ref.iri);
    if (response.status === 404 && op.kind === 'remove') return null;
    if (response.status !== 200) throw this.#failure(op.kind, ref.iri, response, body);
    if (ref.seen && JSON.stringify(ref.seen) !== JSON.stringify(body)) throw this.#conflict(op, ref, body, response);
    ref.etag = response.headers.get('ETag');
    return ref.etag;
  }

  #remember(id, stored, response) {
    this.#known.set(id, { iri: stored.id, etag: response.headers.get('ETag'), seen: stored });
  }

  /** A 412 (or a changed version): both versions on the error; the next write builds on theirs. */
  #conflict(op, ref, theirs, response) {
    ref.etag = response.headers.get('ETag');
    ref.seen = theirs;
    const id = op.annotation?.id ?? op.id;
    const err = new Error(
      `Annotation ${id} was changed on the server since this editor loaded it, so ${op.kind === 'remove' ? 'it was not deleted' : 'your version was not saved'}. ` +
        'Both versions are in err.conflict (mine, theirs); update again on top of theirs to keep your change.',
    );
    err.name = 'ConflictError';
    err.conflict = { mine: op.annotation ? clone(op.annotation) : null, theirs: present(theirs) };
    return err;
  }

  #failure(call, url, response, body) {
    const status = response.status;
    const why = body?.error ?? response.statusText;
    if ([408, 429, 502, 503, 504].includes(status)) return new Retry(`${call}: ${url} answered ${status} ${why}`);
    const hint = status === 401 ? ' (the store needs a token: ProtocolStore(url, { token }))' : '';
    const err = new Error(`${call}: the annotation server answered ${status}: ${why}${hint}`);
    err.status = status;
    return err;
  }

  async #request(method, url, json, ifMatch) {
    const headers = { accept: 'application/ld+json, application/json' };
    if (json !== undefined) headers['content-type'] = JSON_LD;
    if (ifMatch) headers['if-match'] = ifMatch;
    if (method !== 'GET' && this.#token) headers.authorization = `Bearer ${this.#token}`;
    let response;
    try {
      const signal = AbortSignal.timeout(this.#retry.timeout);
      response = await this.#fetch(url, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), cache: 'no-store', signal });
    } catch (cause) {
      // fetch rejects only when no answer came (in time): the network or the server is down.
      throw new Retry(`Isnad could not reach the annotation server at ${url}: ${cause.message}`, { cause });
    }
    const text = response.status === 204 ? '' : await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { error: text.slice(0, 200) };
    }
    return { response, body };
  }

  get #mirrorKey() {
    return `isnad:queue:${this.url}`;
  }

  /** Keeps the queue (and what its writes need to know) in storage, so a reload keeps it. */
  #mirror() {
    if (!this.#storage) return;
    const ids = new Set(this.#queue.map((op) => op.annotation?.id ?? op.id));
    const known = Object.fromEntries([...this.#known].filter(([id]) => ids.has(id)));
    try {
      if (this.#queue.length) {
        const ops = this.#queue.map(({ kind, annotation, id }) => ({ kind, annotation, id }));
        this.#storage.setItem(this.#mirrorKey, JSON.stringify({ ops, known }));
      } else {
        this.#storage.removeItem(this.#mirrorKey);
      }
    } catch (cause) {
      const err = new Error(`Isnad could not keep its ${this.#queue.length} waiting writes in localStorage (${cause.message}); they are kept in memory only until the server answers`, { cause });
      for (const [event, listener] of this.#listeners) if (event === 'error') listener(err);
    }
  }

  #restore() {
    let saved = null;
    try {
      saved = JSON.parse(this.#storage?.getItem(this.#mirrorKey) ?? 'null');
    } catch {
      saved = null;
    }
    if (!saved || !Array.isArray(saved.ops) || !saved.ops.length) return;
    for (const [id, ref] of Object.entries(saved.known ?? {})) this.#known.set(id, ref);
    this.#queue.push(...saved.ops);
    // After the constructor returns, so the shell can listen first.
    setTimeout(() => this.#drain(), 0);
  }
}

/** The server's annotation with the widget's id (kept in `via` by the server). */
function present(stored) {
  return typeof stored?.via === 'string' ? { ...stored, id: stored.via } : stored;
}

/**
 * A store from the shell's `store` option: a store object, or 'memory' or 'local'.
 * @returns {AnnotationStore}
 */
export function resolveStore(store) {
  if (store === 'memory') return new MemoryStore({ page: pageUrl() });
  if (store === 'local') return new LocalStore();
  const methods = ['list', 'create', 'update', 'remove', 'describe'];
  if (store && typeof store === 'object' && methods.every((m) => typeof store[m] === 'function')) return store;
  throw new TypeError(
    `Isnad.mount: the store option must be 'memory', 'local' or an object with ${methods.join(', ')} (see stores.js), not ${JSON.stringify(store) ?? String(store)}`,
  );
}
