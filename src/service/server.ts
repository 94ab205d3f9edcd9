/**
 * The publishing service's HTTP side, on Fastify: the live release as a static host would
 * serve it (headers from headers.ts, compression, the site's 404 page, HEAD, ETag and
 * Last-Modified), `POST /api/publish` for Sanity's webhook and `GET /api/status`. Builds,
 * releases and schedules live in publisher.ts. See docs/operations.md.
 */
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ConfigError, type ServiceConfig } from './config.ts';
import {
  getStaticHeaders,
  HSTS_HEADER,
  isImmutablePath,
  NO_STORE,
  SECURITY_HEADERS,
} from './headers.ts';
import { hideLocalPaths } from './build-output.ts';
import { registerNominationRoutes } from './nomination.ts';
import { Publisher, ROOT, type LogEvent } from './publisher.ts';
import { formatStatus } from './status.ts';
import { watchExport, type ExportWatcher } from './watcher.ts';
import { MAX_WEBHOOK_BODY_BYTES, ReplayGuard, verifyWebhook } from './webhook.ts';

/** Files in a build that are for static hosts, not for readers. */
const HIDDEN_FILES: ReadonlySet<string> = new Set(['/_headers', '/_redirects']);

/** A running service. */
export interface Service {
  app: FastifyInstance;
  publisher: Publisher;
  /** `http://host:port` once listening. */
  origin: string;
  /** Stops taking requests and builds; the live release stays as it is. */
  close(): Promise<void>;
}

/** What the service is started with besides its configuration. */
export interface ServiceOptions {
  config: ServiceConfig;
  /** The environment builds run with (see getBuildEnv). */
  buildEnv: Record<string, string>;
  /** Token values never to show in a build failure's reason. */
  secrets: readonly string[];
  log: LogEvent;
  /** Build once at start (`npm start`); also allows starting with nothing to serve yet. */
  buildOnStart: boolean;
  /** Watch the embedded export and rebuild when it changes (only without a Sanity project). */
  watch: boolean;
  now?: () => number;
}

/** Turns a URL path into the file path to ask the static plugin for, or undefined when unsafe. */
function toFilePath(url: string): string | undefined {
  const pathname = url.split('?')[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return undefined;
  return decoded;
}

/** The first of `roots` that holds `relative` as a file, if any. */
async function findRoot(relative: string, roots: readonly string[]): Promise<string | undefined> {
  for (const root of roots) {
    const isFile = await fs.stat(path.join(root, relative)).then(
      (stat) => stat.isFile(),
      () => false,
    );
    if (isFile) return root;
  }
  return undefined;
}

/** Whether `file` is a folder. */
async function isDirectory(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
}

/** The export as the status names it: relative to the project, or its own name when outside. */
export function describeExport(datasetPath: string, root: string = ROOT): string {
  const relative = path.relative(root, datasetPath);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? path.basename(datasetPath)
    : relative || '.';
}

/** Whether an error from Fastify is the client's (a 4xx), with its status. */
function getClientStatus(error: unknown): number | undefined {
  const status =
    typeof error === 'object' && error !== null && 'statusCode' in error
      ? error.statusCode
      : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Starts the service: finds the release to serve, listens, and arms the webhook, timer and watcher. */
export async function startService(options: ServiceOptions): Promise<Service> {
  const { config, log } = options;
  const now = options.now ?? Date.now;
  const publisher = new Publisher({
    config,
    buildEnv: options.buildEnv,
    log,
    secrets: options.secrets,
    now,
  });
  const watching = options.watch && config.site.source.kind === 'local';
  await publisher.start({
    allowEmpty: options.buildOnStart,
    // `npm start` builds anyway; `npm run serve` with the watcher catches up with edits made while it was down.
    checkRevision: watching && !options.buildOnStart,
  });
  const replays = new ReplayGuard();
  let watcher: ExportWatcher | undefined;

  const app = Fastify({
    logger: false,
    // Paths like /innlegg and /innlegg/ are distinct: the site redirects to the slash form.
    routerOptions: { ignoreTrailingSlash: false },
    bodyLimit: MAX_WEBHOOK_BODY_BYTES,
    // Behind a TLS proxy, X-Forwarded-For is believed only as far as a proxy on this machine
    // or the private network wrote it: the nomination form's rate limit counts the address
    // the proxy saw, not one a client made up (src/service/nomination.ts).
    trustProxy: config.tls ? ['loopback', 'linklocal', 'uniquelocal'] : false,
    return503OnClosing: true,
    // A URL Fastify cannot decode (`/%ZZ`) is answered before any hook: the headers are set here.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      reply
        .code(getClientStatus(error) ?? 400)
        .headers(SECURITY_HEADERS)
        .header('Cache-Control', NO_STORE)
        .type('text/plain; charset=utf-8')
        .send('Bad request: the address cannot be read.');
    },
  });

  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Brotli's default level is for build time; at request time level 5 is ~10× faster.
    brotliOptions: { params: { [(await import('node:zlib')).constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await fs.mkdir(config.stateDir, { recursive: true });
  await app.register(fastifyStatic, {
    // The root is chosen per request (the live release); this one is only a default.
    root: config.stateDir,
    serve: false,
    redirect: true,
    index: ['index.html'],
    dotfiles: 'ignore',
    etag: true,
    lastModified: true,
    cacheControl: false,
    // Pagefind's index files are gzip data already. As octet-stream the compression
    // plugin would pass them through as they are yet label them with the encoding it
    // chose, and the browser would fail to decode them; as gzip it leaves them alone.
    setHeaders: (reply: FastifyReply, file: string) => {
      if (/\.(pf_[a-z]+|pagefind)$/.test(file)) reply.header('Content-Type', 'application/gzip');
    },
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (config.tls) reply.header('Strict-Transport-Security', HSTS_HEADER);
    return payload;
  });

  const sendJson = (reply: FastifyReply, status: number, body: unknown) =>
    reply.code(status).header('Cache-Control', NO_STORE).type('application/json').send(body);

  app.get('/api/status', async (_request, reply) =>
    sendJson(
      reply,
      200,
      formatStatus({
        live: publisher.live,
        queue: publisher.queue.state,
        lastBuild: publisher.lastBuild,
        nextScheduledAt: publisher.schedule.next,
        lastFailure: publisher.lastFailure,
        source: config.site.source.kind,
        webhook: config.webhookSecret !== undefined,
        watching: watcher ? describeExport(watcher.target) : undefined,
      }),
    ),
  );

  // Any other error answers plain text without details; the onSend hook adds the headers.
  app.setErrorHandler((error, request, reply) => {
    const status = getClientStatus(error);
    if (status === undefined) {
      log(
        'error',
        `${request.method} ${request.url}: ${hideLocalPaths(error instanceof Error ? error.message : String(error), ROOT)}`,
      );
    }
    return reply
      .code(status ?? 500)
      .header('Cache-Control', NO_STORE)
      .type('text/plain; charset=utf-8')
      .send(status === undefined ? 'Internal server error' : 'Bad request');
  });

  await app.register((scope, _options, done) => {
    // Errors before the handler (a body over the limit, a bad content type or length) are
    // refusals like any other: the same JSON shape, and a line in the log.
    scope.setErrorHandler((error, request, reply) => {
      const status = getClientStatus(error) ?? 500;
      const reason =
        error instanceof Error && 'code' in error && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `the body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes; a Sanity webhook's projection is much smaller`
          : status < 500
            ? `the request cannot be read: ${error instanceof Error ? error.message : String(error)}`
            : 'the request could not be handled';
      log('refused', `POST /api/publish from ${request.ip}: ${status} ${reason}`);
      return sendJson(reply, status, { accepted: false, reason });
    });
    // The signature is over the exact bytes sent, so the body is kept as a string.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: MAX_WEBHOOK_BODY_BYTES },
      (_r, body, done) => {
        done(null, body);
      },
    );
    scope.post('/api/publish', async (request: FastifyRequest, reply) => {
      const verdict = await verifyWebhook(
        { headers: request.headers, rawBody: typeof request.body === 'string' ? request.body : '' },
        { secret: config.webhookSecret, now: now(), replays },
      );
      if (!verdict.ok) {
        log(
          'refused',
          `POST /api/publish from ${request.ip}: ${verdict.refusal.status} ${verdict.refusal.reason}`,
        );
        return sendJson(reply, verdict.refusal.status, {
          accepted: false,
          reason: verdict.refusal.reason,
        });
      }
      const { event } = verdict;
      const detail = [event.documentType, event.documentId].filter(Boolean).join(' ') || undefined;
      log('received', `webhook ${detail ?? '(no document in the body)'}; a build is queued`);
      publisher.queue.request({ kind: 'webhook', detail });
      return sendJson(reply, 202, {
        accepted: true,
        queued: publisher.queue.state.pending.length,
        building: publisher.queue.state.running !== undefined,
      });
    });
    done();
  });
  // The prize nomination form (nomination.ts): its page with a fresh token, and its POST.
  const nominations = await registerNominationRoutes(app, { config, publisher, log, now });
  app.route({
    method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: '/api/publish',
    handler: async (_request, reply) =>
      sendJson(reply.header('Allow', 'POST'), 405, {
        accepted: false,
        reason: 'only POST is accepted here (Sanity sends the webhook with POST)',
      }),
  });

  /** Sends the live release's 404 page with status 404. */
  // Not async: an async function returning the reply (a thenable) makes Fastify await it twice.
  const sendNotFound = (reply: FastifyReply): FastifyReply => {
    const live = publisher.live;
    if (!live) return reply.code(404).type('text/plain').send('Not found');
    reply.headers(getStaticHeaders('/404.html', { tls: false }));
    return reply.code(404).sendFile('404.html', live.dir);
  };

  app.setNotFoundHandler(async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply
        .code(405)
        .header('Allow', 'GET, HEAD')
        .type('text/plain')
        .send('Method not allowed');
    }
    sendNotFound(reply);
    return reply;
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (request, reply) => {
      const live = publisher.live;
      if (!live) {
        return reply
          .code(503)
          .header('Retry-After', '30')
          .header('Cache-Control', NO_STORE)
          .type('text/plain; charset=utf-8')
          .send('The site is being built for the first time; try again in a minute.');
      }
      const filePath = toFilePath(request.url);
      if (filePath === undefined || HIDDEN_FILES.has(filePath)) {
        sendNotFound(reply);
        return reply;
      }
      reply.headers(getStaticHeaders(filePath, { tls: false }));
      // An open page may ask for a hashed asset of the release before: older releases
      // still hold it, so a switch never turns it into a 404.
      // A folder's page is its index.html; a folder asked for without its slash is
      // redirected to the slash form by the static plugin, as the site's links are written.
      // A folder's page is its index.html; a folder asked for without its slash is
      // redirected to the slash form, as the site's links are written.
      const relative = filePath.replace(/^\//, '') + (filePath.endsWith('/') ? 'index.html' : '');
      // An open page may ask for a hashed asset of the release before: older releases
      // still hold it, so a switch never turns it into a 404.
      const roots = isImmutablePath(filePath) ? [live.dir, ...publisher.fallbackDirs] : [live.dir];
      const root = await findRoot(relative, roots);
      if (root === undefined) {
        if (!filePath.endsWith('/') && (await isDirectory(path.join(live.dir, relative)))) {
          const query = request.url.includes('?')
            ? request.url.slice(request.url.indexOf('?'))
            : '';
          return reply.redirect(`${encodeURI(filePath)}/${query}`, 301);
        }
        sendNotFound(reply);
        return reply;
      }
      reply.sendFile(relative, root);
      return reply;
    },
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await publisher.stop();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new ConfigError(
        'PORT',
        `${config.host}:${config.port} is in use by another program; stop it or set PORT to a free port.`,
      );
    }
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log(
    'listening',
    `${origin} (webhook ${config.webhookSecret ? 'on' : 'off: no SANITY_WEBHOOK_SECRET'})`,
  );

  if (watching && config.site.source.kind === 'local') {
    const datasetPath = config.site.source.datasetPath;
    watcher = await watchExport(
      datasetPath,
      (file) => {
        log(
          'changed',
          `${path.join(path.relative(process.cwd(), datasetPath), file)} changed; a build is queued`,
        );
        publisher.queue.request({ kind: 'watch', detail: file });
      },
      (error) => log('watch-failed', `watching ${datasetPath} stopped: ${error.message}`),
    );
    log('watching', `${datasetPath} for changes`);
  }
  if (options.buildOnStart) publisher.queue.request({ kind: 'start', detail: undefined });

  return {
    app,
    publisher,
    origin,
    async close() {
      watcher?.close();
      await publisher.stop();
      await app.close();
      await nominations.stop();
    },
  };
}
