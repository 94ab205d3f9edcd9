/**
 * Serves a built `dist/` folder on 127.0.0.1 the way a static host does: directory
 * indexes, correct content types, and `404.html` for anything missing.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A running server; `close()` stops it. */
export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const target = path.join(root, decodeURIComponent(pathname));
  if (!target.startsWith(root)) return undefined;
  try {
    const stat = await fs.stat(target);
    if (stat.isFile()) return target;
    if (stat.isDirectory()) {
      const index = path.join(target, 'index.html');
      await fs.access(index);
      return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Starts a server for `root` on a free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const absolute = path.resolve(root);
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    void (async () => {
      if (pathname.endsWith('/') === false && !path.extname(pathname)) {
        const asDir = await resolveFile(absolute, `${pathname}/`);
        if (asDir) {
          response.writeHead(301, { location: `${pathname}/` }).end();
          return;
        }
      }
      const file = await resolveFile(absolute, pathname);
      if (!file) {
        const notFound = path.join(absolute, '404.html');
        const body = await fs.readFile(notFound).catch(() => Buffer.from('Not found'));
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
        return;
      }
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(response);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
