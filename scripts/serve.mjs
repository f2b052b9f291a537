// Serves www/ on 127.0.0.1 with the strict Content-Security-Policy a newsroom would use, and
// prints the URL. Usage: node scripts/serve.mjs [port]   (port 0 picks a free one)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, PAGE_CSP } from './http-settings.mjs';

const root = fileURLToPath(new URL('../www/', import.meta.url));

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    const info = await stat(file);
    // Revalidated on every use (no-cache), answered 304 when unchanged: the browser keeps the
    // wasm it compiled, as behind a newsroom's CDN.
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': PAGE_CSP,
      'cache-control': 'no-cache',
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
  }
});

const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address();
  console.log(`Isnad demo: http://127.0.0.1:${bound}/`);
});
