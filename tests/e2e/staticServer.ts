import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the production build (dist/) the way a hospital web server should: static files, correct
 * MIME types (application/wasm for the runtime), no directory listing, 404 for anything else;
 * content-hashed files under assets/ cached for a year (immutable, so the browser also keeps the
 * compiled wasm), the pages revalidated (Last-Modified), config.json never cached.
 */
export async function serveStatic(
  root: string,
  port = 0,
  extraHeaders: Record<string, string> = {},
  headersFor?: () => Record<string, string>,
): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = join(base, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    let modified: Date;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
      modified = new Date(Math.floor(st.mtimeMs / 1000) * 1000);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    Object.assign(extraHeaders, headersFor?.() ?? {});
    const cache = rel === 'config.json' ? 'no-store' : rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const since = req.headers['if-modified-since'];
    if (cache === 'no-cache' && since && new Date(since).getTime() >= modified.getTime()) {
      res.writeHead(304, { 'Cache-Control': cache, 'Last-Modified': modified.toUTCString(), ...extraHeaders }).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': cache,
      'Last-Modified': modified.toUTCString(),
      ...extraHeaders,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
