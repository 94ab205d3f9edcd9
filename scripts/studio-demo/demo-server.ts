/**
 * One local server for the Studio demo: the built Studio (`sanity build` output, every
 * unknown path answered with its `index.html`, as a single-page app needs), Sanity's HTTP API
 * answered by the stand-in on the same origin, and two demo endpoints: `GET /demo/status`
 * (unsaved changes, where they would be written) and `POST /demo/save`, which writes the
 * dataset back to the local export in Sanity's export format. See docs/operations.md.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { toExportForm } from '../content-pull.ts';
import type { ContentLake } from './content-lake.ts';
import { createSanityApi, type ApiRequest, type SanityApiHandler } from './sanity-api.ts';

/** Where `POST /demo/save` writes: an export's `data.ndjson` (or a bare `.ndjson`). */
export interface ExportTarget {
  dataFile: string;
  /** The folder its `images/` live in, to check that every referenced image is there. */
  assetDir: string;
}

/** Options for the demo server. */
export interface DemoServerOptions {
  lake: ContentLake;
  projectId: string;
  dataset: string;
  /** The built Studio; without it only the API and demo endpoints are served. */
  studioDir?: string;
  exportTarget?: ExportTarget;
  /** The folder holding the export's `images/`, served at Sanity's CDN paths. */
  assetDir?: string;
  /** 0 for any free port. */
  port: number;
  /** `127.0.0.1` unless told otherwise: the demo is for this machine only. */
  host?: string;
}

/** A running demo server. */
export interface DemoServer {
  /** `http://localhost:<port>`. */
  origin: string;
  port: number;
  /** Every Sanity API request answered so far. */
  requests: ApiRequest[];
  api: SanityApiHandler;
  /** Writes the dataset to the export target; returns what was written. */
  save: () => Promise<SaveResult>;
  /** Transactions made since the last save (or the start), which only the memory holds. */
  unsavedTransactions: () => number;
  close: () => Promise<void>;
}

/** What a save wrote. */
export interface SaveResult {
  file: string;
  documents: number;
  drafts: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The dataset as `sanity dataset export` writes it: one document a line, published and
 * `drafts.` documents alike, images as `_sanityAsset` file paths; system documents (`_.` ids)
 * stay out. Throws naming the document when it references an image the export lacks.
 */
export async function toExportNdjson(lake: ContentLake, assetDir: string): Promise<string> {
  const lines: string[] = [];
  for (const doc of lake.all()) {
    // Exports hold images as `_sanityAsset` paths, not as asset documents.
    if (doc._id.startsWith('_.') || doc._type === 'sanity.imageAsset') continue;
    const files = new Set<string>();
    const exported = toExportForm(doc, files) as RawDocument;
    for (const file of files) {
      try {
        await fs.access(path.join(assetDir, 'images', file));
      } catch {
        throw new Error(
          `${doc._id}: the image ${file} is not in ${path.join(assetDir, 'images')}; the demo cannot upload images, so choose one of the export's own.`,
        );
      }
    }
    lines.push(JSON.stringify(exported));
  }
  return lines.join('\n') + '\n';
}

async function serveFile(response: http.ServerResponse, root: string, pathname: string) {
  const decoded = decodeURIComponent(pathname);
  let file = path.join(root, decoded);
  if (!file.startsWith(root)) file = path.join(root, 'index.html');
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat === undefined || !stat.isFile()) file = path.join(root, 'index.html');
  const immutable = decoded.startsWith('/static/') || decoded.startsWith('/vendor/');
  response.writeHead(200, {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
}

/** Starts the demo server; `close()` ends open event streams and stops it. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  let unsaved = 0;
  const api = createSanityApi({
    lake: options.lake,
    projectId: options.projectId,
    dataset: options.dataset,
    onTransaction: () => {
      unsaved += 1;
    },
  });
  const studioDir = options.studioDir === undefined ? undefined : path.resolve(options.studioDir);

  const save = async (): Promise<SaveResult> => {
    const target = options.exportTarget;
    if (target === undefined) {
      throw new Error('This demo has no export to write to; start it with npm run studio:demo.');
    }
    const text = await toExportNdjson(options.lake, target.assetDir);
    const staging = `${target.dataFile}.partial-${process.pid}`;
    await fs.writeFile(staging, text);
    await fs.rename(staging, target.dataFile);
    unsaved = 0;
    // Counted from what was written: the lake's in-memory image-asset documents stay out.
    const ids = text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { _id: string })._id);
    return {
      file: target.dataFile,
      documents: ids.length,
      drafts: ids.filter((id) => id.startsWith('drafts.')).length,
    };
  };

  const sendJson = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      try {
        if (await api(request, response)) return;
        const { pathname } = new URL(request.url ?? '/', 'http://localhost');
        const image = /^\/images\/([^/]+)\/([^/]+)\/([\w.-]+)$/.exec(pathname);
        const assetDir = options.assetDir ?? options.exportTarget?.assetDir;
        if (image !== null && assetDir !== undefined && request.method === 'GET') {
          // The Studio builds image URLs from its apiHost, so they land here: `/images/<project>/<dataset>/<file>`.
          const file = path.join(assetDir, 'images', image[3] ?? '');
          const stat = await fs.stat(file).catch(() => undefined);
          if (
            stat?.isFile() === true &&
            image[1] === options.projectId &&
            image[2] === options.dataset
          ) {
            response.writeHead(200, {
              'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'image/jpeg',
              'cache-control': 'public, max-age=3600',
            });
            createReadStream(file).pipe(response);
            return;
          }
          sendJson(response, 404, {
            error: { description: `No image ${image[3] ?? ''} in ${assetDir}/images.` },
          });
          return;
        }
        if (pathname === '/demo/status' && request.method === 'GET') {
          sendJson(response, 200, {
            unsavedTransactions: unsaved,
            exportFile: options.exportTarget?.dataFile ?? null,
          });
          return;
        }
        if (pathname === '/demo/listen' && request.method === 'GET') {
          try {
            sendJson(
              response,
              200,
              await api.pollListen(new URL(request.url ?? '/', 'http://localhost')),
            );
          } catch (error) {
            sendJson(response, 400, {
              error: { description: error instanceof Error ? error.message : String(error) },
            });
          }
          return;
        }
        if (pathname === '/demo/save' && request.method === 'POST') {
          try {
            sendJson(response, 200, await save());
          } catch (error) {
            sendJson(response, 409, {
              error: { description: error instanceof Error ? error.message : String(error) },
            });
          }
          return;
        }
        if (studioDir !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
          await serveFile(response, studioDir, pathname);
          return;
        }
        sendJson(response, 404, { error: { description: `Nothing at ${pathname}.` } });
      } catch (error) {
        if (!response.headersSent) {
          sendJson(response, 500, {
            error: { description: error instanceof Error ? error.message : String(error) },
          });
        } else response.destroy();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    port,
    requests: api.requests,
    api,
    save,
    unsavedTransactions: () => unsaved,
    close() {
      api.closeListeners();
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/**
 * The terminal's warning when the demo stops with changes not written back, or undefined when
 * there are none: the lake lives in memory, so Ctrl+C would otherwise lose them silently.
 */
export function describeUnsavedOnStop(unsaved: number, dataFile: string): string | undefined {
  if (unsaved === 0) return undefined;
  const changes = unsaved === 1 ? '1 unsaved change was' : `${unsaved} unsaved changes were`;
  return `${changes} lost: they were never written to ${dataFile}. Next time, press «Skriv endringene til den lokale eksporten» in the Studio before stopping the demo.`;
}
