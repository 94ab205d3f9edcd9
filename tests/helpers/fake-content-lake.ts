/**
 * A stand-in for Sanity's Content Lake on 127.0.0.1: answers the query API
 * (`GET/POST /v<apiVersion>/data/query/<dataset>`) as @sanity/client calls it, by running
 * the GROQ with groq-js over a dataset export converted to Content Lake form. It can be
 * told to fail (500, 429 with Retry-After, 401, a hang) so the network paths are testable.
 * It also serves image files at `/images/<project>/<dataset>/<file>`, like Sanity's CDN.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { toContentLakeForm } from '../../scripts/studio-demo/content-lake.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  dataset: string | undefined;
  perspective: string | null;
  authorization: string | undefined;
}

/** How the server answers the next query requests. */
export type Failure =
  { kind: 'status'; status: number; retryAfterSeconds?: number } | { kind: 'hang' };

/** A running fake Content Lake. */
export interface FakeContentLake {
  /** `http://127.0.0.1:<port>`: pass as SANITY_API_HOST. */
  origin: string;
  requests: RecordedRequest[];
  /** Answers the next `times` query requests (every one when omitted) with `failure`. */
  fail(failure: Failure, times?: number): void;
  /** Answers every query normally again. */
  recover(): void;
  /** Replaces the dataset (export form), as editors publishing would. */
  setDocuments(documents: readonly RawDocument[]): void;
  close(): Promise<void>;
}

/** Export images become Content Lake references the same way for the Studio's stand-in. */
export { toContentLakeForm };

const isDraft = (id: string) => id.startsWith('drafts.') || id.startsWith('versions.');

async function readBody(request: http.IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

/**
 * Starts the server over `documents` (export form). With `token`, requests without
 * `Authorization: Bearer <token>` get 401, as a private dataset does.
 */
export async function startFakeContentLake(options: {
  documents: readonly RawDocument[];
  projectId?: string;
  dataset?: string;
  token?: string;
  /** Folder holding the export's `images/`, served as the CDN would. */
  assetDir?: string;
}): Promise<FakeContentLake> {
  const dataset = options.dataset ?? 'production';
  const projectId = options.projectId ?? 'test';
  let all = options.documents.map((doc) => toContentLakeForm(doc) as RawDocument);
  let published = all.filter((doc) => !isDraft(doc._id));
  let byId = new Map(all.map((doc) => [doc._id, doc]));
  const requests: RecordedRequest[] = [];
  const failures: { failure: Failure; remaining: number }[] = [];
  const hanging = new Set<http.ServerResponse>();

  const sendJson = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const answerQuery = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
  ) => {
    const current = failures[0];
    if (current) {
      current.remaining -= 1;
      if (current.remaining <= 0) failures.shift();
      if (current.failure.kind === 'hang') {
        hanging.add(response);
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (current.failure.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(current.failure.retryAfterSeconds);
      }
      response.writeHead(current.failure.status, headers);
      response.end(
        JSON.stringify({ error: { description: `Simulated ${current.failure.status}` } }),
      );
      return;
    }
    if (options.token !== undefined) {
      if (request.headers.authorization !== `Bearer ${options.token}`) {
        sendJson(response, 401, {
          error: { description: 'Unauthorized - Session not found', type: 'httpError' },
        });
        return;
      }
    }
    let query: string | null;
    let params: Record<string, unknown> = {};
    if (request.method === 'POST') {
      const body = JSON.parse(await readBody(request)) as {
        query?: string;
        params?: Record<string, unknown>;
      };
      query = body.query ?? null;
      params = body.params ?? {};
    } else {
      query = url.searchParams.get('query');
      for (const [key, value] of url.searchParams) {
        if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value) as unknown;
      }
    }
    if (!query) {
      sendJson(response, 400, { error: { description: 'Missing query' } });
      return;
    }
    const perspective = url.searchParams.get('perspective') ?? 'published';
    const documents = perspective === 'raw' ? all : published;
    const started = Date.now();
    try {
      const tree = parse(query, { params });
      const value = await evaluate(tree, {
        dataset: documents,
        params,
        dereference: ({ _ref }) => {
          const target = byId.get(_ref);
          return target && (perspective === 'raw' || !isDraft(target._id)) ? target : undefined;
        },
      });
      const result: unknown = await value.get();
      sendJson(response, 200, { query, result, ms: Date.now() - started });
    } catch (error) {
      // As the Content Lake does: the query and the error's position come back with it.
      const description = error instanceof Error ? error.message : String(error);
      const position =
        typeof error === 'object' && error !== null && 'position' in error
          ? Number(error.position)
          : 0;
      sendJson(response, 400, {
        error: { description, type: 'queryParseError', query, start: position, end: position + 1 },
      });
    }
  };

  const answerImage = async (response: http.ServerResponse, file: string) => {
    if (!options.assetDir || file.includes('..') || file.includes('/')) {
      response.writeHead(404).end();
      return;
    }
    try {
      const bytes = await fs.readFile(path.join(options.assetDir, 'images', file));
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    } catch {
      response.writeHead(404).end();
    }
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const query = /^\/v[^/]+\/data\/query\/([^/]+)$/.exec(url.pathname);
    const image = /^\/images\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      dataset: query?.[1],
      perspective: url.searchParams.get('perspective'),
      authorization: request.headers.authorization,
    });
    if (query && (request.method === 'GET' || request.method === 'POST')) {
      if (query[1] !== dataset) {
        sendJson(response, 404, { error: { description: `Dataset "${query[1]}" not found` } });
        return;
      }
      void answerQuery(request, response, url);
      return;
    }
    if (image && image[1] === projectId && image[2] === dataset) {
      void answerImage(response, decodeURIComponent(image[3] ?? ''));
      return;
    }
    sendJson(response, 404, { error: { description: `No route ${url.pathname}` } });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    fail(failure, times = Number.POSITIVE_INFINITY) {
      failures.push({ failure, remaining: times });
    },
    recover() {
      failures.length = 0;
    },
    setDocuments(documents) {
      all = documents.map((doc) => toContentLakeForm(doc) as RawDocument);
      published = all.filter((doc) => !isDraft(doc._id));
      byId = new Map(all.map((doc) => [doc._id, doc]));
    },
    close() {
      for (const response of hanging) response.destroy();
      hanging.clear();
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
