// A static server for dist/ that serves each file brotli- or gzip-compressed
// when the browser accepts it, as a static host (GitHub Pages, Netlify, IIS
// with static compression) does. The benchmarks and Lighthouse load the app
// from it so that what they measure is what goes over the wire.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Starts serving `root` on 127.0.0.1:`port` (0 picks a free port); resolves to { url, close }. */
export function serve(root, port = 0) {
  const cache = new Map();
  const encoded = (path) => {
    if (!cache.has(path)) {
      const raw = readFileSync(path);
      cache.set(path, {
        raw,
        br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: gzipSync(raw, { level: 9 }),
      });
    }
    return cache.get(path);
  };
  // Compress everything before the first request, so no request waits for it.
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else encoded(path);
    }
  })(root);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let path = normalize(join(root, pathname));
    if (!path.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404).end('Not found');
      return;
    }
    const body = encoded(path);
    const accepts = req.headers['accept-encoding'] ?? '';
    const [encoding, bytes] = accepts.includes('br')
      ? ['br', body.br]
      : accepts.includes('gzip')
        ? ['gzip', body.gzip]
        : [null, body.raw];
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': bytes.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
