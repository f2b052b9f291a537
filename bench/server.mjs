// The benchmark's HTTP server: a real local server, no bundler. It serves
//   /www/…           the demo (isnad.js, the release wasm) with the demo's strict CSP, and
//                    ETag/max-age so that a second visit runs from the HTTP cache;
//   /bench/…         the benchmark pages;
//   /devset/*.txt    the dev set's articles, which the article generator draws text from;
//   /node_modules/…  the peers' own files as published (ES modules and UMD builds);
//   /cjs/…           a CommonJS file of node_modules wrapped as an ES module, one file per
//                    request: `require('x')` becomes an import of x resolved as Node would;
//   /shim/core-js/…  what Babel's core-js-pure polyfills stand for, as the browser's own
//                    built-ins (Apache Annotator's build imports them).
// Pages may hold one inline <script type="importmap">: its hash goes into their CSP.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, PAGE_CSP } from '../scripts/http-settings.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));

const roots = {
  '/www/': join(repo, 'www'),
  '/bench/': join(repo, 'bench'),
  '/devset/': join(repo, 'tests', 'devset'),
  '/node_modules/': join(repo, 'node_modules'),
};

/** A path under `base`, or null when the request tries to leave it. */
function inside(base, rest) {
  const file = normalize(join(base, rest));
  return file === base || file.startsWith(base + sep) ? file : null;
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A file, or the same name with `.js` (ES module specifiers without an extension). */
async function existing(file) {
  if (await isFile(file)) return file;
  if (await isFile(`${file}.js`)) return `${file}.js`;
  if (await isFile(join(file, 'index.js'))) return join(file, 'index.js');
  return null;
}

/** A CommonJS file as an ES module whose default export is `module.exports`. */
async function wrapCommonJs(file) {
  const source = await readFile(file, 'utf8');
  const require = createRequire(file);
  const specifiers = [...new Set([...source.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)].map((m) => m[2]))];
  const imports = specifiers.map((s, i) => `import __r${i} from ${JSON.stringify(`/cjs/${relative(repo, require.resolve(s)).split(sep).join('/')}`)};`);
  const table = specifiers.map((s, i) => `${JSON.stringify(s)}: __r${i}`).join(', ');
  return `${imports.join('\n')}
const __required = { ${table} };
const module = { exports: {} };
let exports = module.exports;
const require = (s) => __required[s];
const process = { env: { NODE_ENV: 'production' } };
${source}
export default module.exports;
`;
}

/** What a core-js-pure entry point stands for in a browser that has it all built in. */
function coreJs(path) {
  const p = path.replace(/\.js$/, '').replace(/\/index$/, '');
  const camel = (s) => s.replace(/-(\w)/g, (_, c) => c.toUpperCase());
  const table = {
    symbol: 'Symbol',
    map: 'Map',
    promise: 'Promise',
    'get-iterator-method': '(it) => it[Symbol.iterator]',
    'get-iterator': '(it) => it[Symbol.iterator]()',
    'array/from': 'Array.from',
    'reflect/construct': 'Reflect.construct',
  };
  const globals = { array: 'Array', object: 'Object', symbol: 'Symbol', reflect: 'Reflect', number: 'Number', math: 'Math', json: 'JSON', string: 'String', promise: 'Promise' };
  const [space, name] = p.split('/');
  const value = table[p]
    ?? (space === 'instance' && name ? `(it) => it.${camel(name)}` : null)
    ?? (globals[space] && name ? `${globals[space]}.${camel(name)}` : null);
  return value && `export default ${value};\n`;
}

const REGENERATOR = "import runtime from '/node_modules/@babel/runtime-corejs3/helpers/esm/regeneratorRuntime.js';\nexport default runtime();\n";

/** The page's CSP: the www one, plus the hash of its inline import map for bench pages. */
function pageCsp(html) {
  const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html);
  const hash = map ? ` 'sha256-${createHash('sha256').update(map[1]).digest('base64')}'` : '';
  // Peers set inline styles on the elements they create (mark.js, Recogito).
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'${hash}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'`;
}

async function respond(req, res) {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const send = (status, body, type, headers = {}) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
  if (path === '/') return send(302, '', 'text/plain', { location: '/bench/index.html' });
  if (path.startsWith('/shim/core-js/')) {
    const body = coreJs(path.slice('/shim/core-js/'.length));
    return body ? send(200, body, CONTENT_TYPES['.js']) : send(404, `no shim for ${path}`, 'text/plain');
  }
  if (path === '/shim/regenerator.js') return send(200, REGENERATOR, CONTENT_TYPES['.js']);
  if (path.startsWith('/cjs/node_modules/')) {
    const file = inside(roots['/node_modules/'], path.slice('/cjs/node_modules/'.length));
    const found = file && (await existing(file));
    if (!found) return send(404, `not found: ${path}`, 'text/plain');
    return send(200, await wrapCommonJs(found), CONTENT_TYPES['.js'], { 'cache-control': 'no-cache' });
  }
  const prefix = Object.keys(roots).find((p) => path.startsWith(p));
  const file = prefix && inside(roots[prefix], path.slice(prefix.length));
  const found = file && (await existing(file));
  if (!found || (prefix === '/devset/' && extname(found) !== '.txt')) {
    return send(404, `not found: ${path}`, 'text/plain');
  }
  const info = await stat(found);
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = { etag, 'cache-control': prefix === '/www/' ? 'max-age=600' : 'no-cache' };
  const type = CONTENT_TYPES[extname(found)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) {
    const html = await readFile(found, 'utf8');
    headers['content-security-policy'] = prefix === '/www/' ? PAGE_CSP : pageCsp(html);
    if (prefix === '/bench/') {
      // Cross-origin isolation: performance.now() to 5 µs instead of 100 µs.
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    return send(200, html, type, headers);
  }
  if (req.headers['if-none-match'] === etag) return send(304, '', type, headers);
  return send(200, await readFile(found), type, headers);
}

/** Starts the server on a free loopback port; `close()` stops it. */
export async function startBenchServer(port = 0) {
  const server = createServer((req, res) => {
    respond(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err?.stack ?? err));
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startBenchServer(Number(process.argv[2] ?? 8001));
  console.log(`Isnad benchmarks: ${url}bench/index.html`);
}
