/**
 * Sanity's HTTP API as the Studio calls it, answered over a ContentLake: the current user,
 * the project, its grants and features, and the dataset's `data/query`, `data/doc`,
 * `data/listen` (an event stream), `data/mutate` and `data/actions`. The paths and shapes
 * follow Sanity's HTTP API reference; anything else answers 501 naming the endpoint, never
 * a silent empty success. See docs/architecture.md for where the stand-in is used.
 */
import type http from 'node:http';
import { parse } from 'groq-js';
import { ContentLake, ContentLakeError, type MutationEvent } from './content-lake.ts';

/** The signed-in user the stand-in answers with. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
}

/** The user every request is made as: there is no login in the stand-in. */
export const DEMO_USER: DemoUser = {
  id: 'demo-redaktor',
  name: 'Demoredaktør',
  email: 'demo@tanketanken.example',
};

/** One request the stand-in received, with its parsed JSON body (if any). */
export interface ApiRequest {
  method: string;
  /** Path without the `/v<version>` prefix, e.g. `/data/mutate/production`. */
  endpoint: string;
  url: string;
  body: unknown;
  status: number;
}

/** Options for the stand-in. */
export interface SanityApiOptions {
  lake: ContentLake;
  projectId: string;
  dataset: string;
  user?: DemoUser;
  /** Called after each committed transaction (e.g. to note unsaved changes). */
  onTransaction?: () => void;
}

/** A handler for Node's http server; resolves false when the request is not an API call. */
export type SanityApiHandler = ((
  request: http.IncomingMessage,
  response: http.ServerResponse,
) => Promise<boolean>) & {
  /** Every API request answered so far, oldest first. */
  requests: ApiRequest[];
  /** Ends every open `data/listen` stream (before closing the server). */
  closeListeners: () => void;
  /** Answers one poll of a listener (`/demo/listen`); see studio/demo.tsx. */
  pollListen: (url: URL) => Promise<{ cursor: number; events: { event: string; data: unknown }[] }>;
};

/** `/v2025-02-19/…`, `/v1/…` and `/vX/…` are API calls; the version itself is not checked. */
const VERSIONED_PATH = /^\/v(?:\d+|\d{4}-\d{2}-\d{2}|X)(\/.*)$/;

/** True when `pathname` is a Sanity API path (`/v<version>/…`). */
export function isApiPath(pathname: string): boolean {
  return VERSIONED_PATH.test(pathname);
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ContentLakeError(400, 'validationError', 'The request body is not valid JSON.');
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Query parameters `$name=<json>` as GROQ params. */
function readQueryParams(url: URL): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    if (!key.startsWith('$')) continue;
    try {
      params[key.slice(1)] = JSON.parse(value) as unknown;
    } catch {
      throw new ContentLakeError(400, 'validationError', `Parameter ${key} is not valid JSON.`);
    }
  }
  return params;
}

function readBoolean(url: URL, name: string): boolean {
  return url.searchParams.get(name) === 'true';
}

/** The user as `/users/me` returns it. */
function describeUser(user: DemoUser) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    profileImage: null,
    provider: 'sanity',
    role: 'administrator',
    roles: [{ name: 'administrator', title: 'Administrator' }],
  };
}

/** Grants that let the demo user read, create, edit and publish everything. */
const ADMIN_GRANTS = [
  {
    filter: '_id in path("**")',
    permissions: ['read', 'update', 'create', 'history', 'editHistory'],
  },
];

/** Creates the request handler over `options.lake`. */
export function createSanityApi(options: SanityApiOptions): SanityApiHandler {
  const { lake, projectId, dataset } = options;
  const user = options.user ?? DEMO_USER;
  const keyValues = new Map<string, unknown>();
  const streams = new Set<http.ServerResponse>();
  const requests: ApiRequest[] = [];
  // The recent events, for polled listeners: `first` is the position of `events[0]`.
  const log = { first: 0, events: [] as MutationEvent[] };
  lake.listen((event) => {
    log.events.push(event);
    if (log.events.length > 5000) {
      log.events.splice(0, 1000);
      log.first += 1000;
    }
  });

  const checkDataset = (name: string | undefined) => {
    if (name !== dataset) {
      throw new ContentLakeError(
        404,
        'notFound',
        `Dataset "${name ?? ''}" not found; the stand-in serves only "${dataset}".`,
      );
    }
  };

  const answerQuery = async (url: URL, body: unknown) => {
    let query: string | null = url.searchParams.get('query');
    let params = readQueryParams(url);
    if (body !== undefined) {
      const record = asRecord(body);
      query = typeof record['query'] === 'string' ? record['query'] : null;
      params = asRecord(record['params']);
    }
    if (query === null) throw new ContentLakeError(400, 'validationError', 'Missing "query".');
    const perspective = url.searchParams.get('perspective') ?? 'raw';
    // groq-js has no text::query(); the Studio's lists and search pass it their search
    // terms, and a plain `match` on the same terms is the nearest it can do (`*` lists all).
    query = query.replaceAll(/text::query\((\$\w+)\)/g, '$1');
    const started = performance.now();
    try {
      const result = await lake.query(query, params, perspective);
      return { query, result, ms: Math.round(performance.now() - started) };
    } catch (error) {
      if (error instanceof ContentLakeError) throw error;
      // As the Content Lake does: the query and the failure's position come back with it.
      const description = error instanceof Error ? error.message : String(error);
      const start =
        typeof error === 'object' && error !== null && 'position' in error
          ? Number(error.position)
          : 0;
      throw Object.assign(new ContentLakeError(400, 'queryParseError', description), {
        details: { query, start, end: start + 1 },
      });
    }
  };

  const answerDocuments = (ids: string) => {
    const documents = [];
    const omitted = [];
    for (const id of ids.split(',').map((part) => decodeURIComponent(part))) {
      const doc = lake.get(id);
      if (doc === undefined) omitted.push({ id, reason: 'existence' });
      else documents.push(doc);
    }
    return { documents, omitted };
  };

  /** Reads a listen request's query and options; throws on a query that doesn't parse. */
  const readListen = (url: URL) => {
    const query = url.searchParams.get('query');
    if (query === null) throw new ContentLakeError(400, 'validationError', 'Missing "query".');
    const params = readQueryParams(url);
    let tree;
    try {
      tree = parse(query, { params });
    } catch (error) {
      throw new ContentLakeError(
        400,
        'queryParseError',
        error instanceof Error ? error.message : String(error),
      );
    }
    const wanted = new Set(
      (url.searchParams.get('events') ?? 'welcome,mutation').split(',').filter(Boolean),
    );
    const includeResult = url.searchParams.get('includeResult') !== 'false';
    const includePrevious = readBoolean(url, 'includePreviousRevision');
    const includeMutations = url.searchParams.get('includeMutations') !== 'false';
    /** The event as this listener receives it, or undefined when its query doesn't match. */
    const format = async (event: MutationEvent) => {
      const matches = async (doc: MutationEvent['result']) =>
        doc !== null && (await lake.matches(tree, params, doc));
      if (!wanted.has('mutation')) return undefined;
      if (!(await matches(event.previous)) && !(await matches(event.result))) return undefined;
      const { previous, result, mutations, ...rest } = event;
      return {
        ...rest,
        ...(includeMutations ? { mutations } : {}),
        ...(includeResult && result !== null ? { result } : {}),
        ...(includePrevious && previous !== null ? { previous } : {}),
      };
    };
    return { wanted, format };
  };

  const answerListen = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    cors: Record<string, string>,
  ) => {
    const { wanted, format } = readListen(url);
    response.writeHead(200, {
      ...cors,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (event: string, data: unknown) =>
      response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const listenerName = `demo-${Math.random().toString(36).slice(2, 12)}`;
    if (wanted.has('welcome')) send('welcome', { listenerName });
    // One event after the other, in commit order: matching an event against the listener's
    // query is asynchronous, and a later event that matched sooner must not overtake it (the
    // Studio applies events by revision and stalls, «syncing», on a gap).
    let queue = Promise.resolve();
    const stop = lake.listen((event) => {
      queue = queue
        .then(async () => {
          const data = await format(event);
          if (data !== undefined) send('mutation', { ...data, listenerName });
        })
        // An event that cannot be matched ends the stream rather than go missing: the
        // Studio reconnects and fetches the documents again.
        .catch(() => {
          response.destroy();
        });
    });
    // A comment line now and then keeps proxies from closing an idle stream.
    const keepAlive = setInterval(() => response.write(':\n\n'), 25_000);
    streams.add(response);
    const end = () => {
      stop();
      clearInterval(keepAlive);
      streams.delete(response);
    };
    request.on('close', end);
    response.on('close', end);
  };

  /**
   * The polled form of `data/listen` the demo Studio uses (see studio/demo.tsx): without
   * `after`, the current position and a welcome; with it, the listener's events since then.
   */
  const pollListen = async (url: URL) => {
    checkDataset(url.searchParams.get('dataset') ?? undefined);
    const { wanted, format } = readListen(url);
    const cursor = log.first + log.events.length;
    const afterText = url.searchParams.get('after');
    if (afterText === null) {
      return { cursor, events: wanted.has('welcome') ? [{ event: 'welcome', data: {} }] : [] };
    }
    const after = Number(afterText);
    if (!Number.isInteger(after) || after < log.first) {
      // Too old to replay: the Studio refetches on a reset, as after a long disconnect.
      return { cursor, events: [{ event: 'reset', data: {} }] };
    }
    const events = [];
    for (const event of log.events.slice(after - log.first)) {
      const data = await format(event);
      if (data !== undefined) events.push({ event: 'mutation', data });
    }
    return { cursor, events };
  };

  const route = async (
    method: string,
    endpoint: string,
    url: URL,
    body: unknown,
  ): Promise<unknown> => {
    const parts = endpoint.split('/').filter(Boolean);
    const [head, second, third, fourth] = parts;
    const is = (verb: string, pattern: RegExp) => method === verb && pattern.test(endpoint);

    if (is('GET', /^\/users\/me$/)) return describeUser(user);
    if (is('GET', /^\/users\/me\/keyvalue\/[^/]+$/)) {
      return (third ?? '')
        .split(',')
        .map((key) => ({ key, value: keyValues.get(decodeURIComponent(key)) ?? null }));
    }
    if (is('PUT', /^\/users\/me\/keyvalue$/)) {
      const pairs = Array.isArray(body) ? body : [];
      for (const pair of pairs) {
        const record = asRecord(pair);
        if (typeof record['key'] === 'string') keyValues.set(record['key'], record['value']);
      }
      return pairs;
    }
    if (is('GET', /^\/users\/[^/]+$/)) {
      const ids = (second ?? '').split(',');
      const users = ids.map((id) =>
        id === user.id ? { id, displayName: user.name, imageUrl: null } : { id, displayName: id },
      );
      return ids.length === 1 ? users[0] : users;
    }
    if (is('GET', /^\/auth\/id$/)) return { id: user.id };
    if (is('GET', /^\/auth\/providers$/)) return { thirdPartyLogin: false, sso: {}, providers: [] };
    if (is('GET', /^\/access\/requests\/me$/)) return [];
    if (is('GET', /^\/intake\/telemetry-status$/)) return { status: 'denied' };
    if (is('POST', /^\/intake\/batch$/)) return {};
    if (head === 'projects' && second === projectId && method === 'GET') {
      if (third === undefined) {
        return {
          id: projectId,
          displayName: 'Tanketanken (demo)',
          studioHost: null,
          isBlocked: false,
          isDisabled: false,
          isDisabledByUser: false,
          metadata: {},
          organizationId: null,
          createdAt: '2015-01-12T08:00:00Z',
          members: [
            {
              id: user.id,
              role: 'administrator',
              roles: [{ name: 'administrator', title: 'Administrator' }],
              isCurrentUser: true,
              isRobot: false,
            },
          ],
          features: [],
        };
      }
      if (third === 'datasets' && fourth === undefined) {
        return [{ name: dataset, aclMode: 'public', createdAt: '2015-01-12T08:00:00Z' }];
      }
      if (third === 'datasets' && parts[4] === 'acl') {
        checkDataset(fourth);
        return ADMIN_GRANTS;
      }
      if (third === 'grants') return {};
      if (third === 'roles') return [{ name: 'administrator', title: 'Administrator' }];
      if (third === 'features') return [];
      if (third === 'user-applications') return [];
    }
    if (is('GET', /^\/features$/)) return [];

    if (head === 'data') {
      const [, kind, name, ...rest] = parts;
      if (kind === 'query' && (method === 'GET' || method === 'POST')) {
        checkDataset(name);
        return answerQuery(url, method === 'POST' ? body : undefined);
      }
      if (kind === 'doc' && method === 'GET') {
        checkDataset(name);
        return answerDocuments(rest.join('/'));
      }
      if (kind === 'mutate' && method === 'POST') {
        checkDataset(name);
        const record = asRecord(body);
        const mutations = Array.isArray(record['mutations']) ? record['mutations'] : [];
        const result = lake.mutate(mutations as Record<string, unknown>[], {
          ...(typeof record['transactionId'] === 'string'
            ? { transactionId: record['transactionId'] }
            : {}),
          identity: user.id,
          autoGenerateArrayKeys: readBoolean(url, 'autoGenerateArrayKeys'),
        });
        options.onTransaction?.();
        return {
          transactionId: result.transactionId,
          results: result.results,
          ...(readBoolean(url, 'returnDocuments') ? { documents: result.documents } : {}),
        };
      }
      if (kind === 'actions' && method === 'POST') {
        checkDataset(name);
        const record = asRecord(body);
        const actions = Array.isArray(record['actions']) ? record['actions'] : [];
        const result = lake.applyActions(actions, {
          ...(typeof record['transactionId'] === 'string'
            ? { transactionId: record['transactionId'] }
            : {}),
          identity: user.id,
        });
        options.onTransaction?.();
        return { transactionId: result.transactionId };
      }
    }
    throw new ContentLakeError(
      501,
      'notSupported',
      `The local Sanity stand-in does not support ${method} ${endpoint}. It answers the current user, the project, its grants and the dataset's query, doc, listen, mutate and actions endpoints; use a real Sanity project for the rest.`,
    );
  };

  const handler = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = VERSIONED_PATH.exec(url.pathname);
    if (match === null) return false;
    const endpoint = match[1] ?? '/';
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    // Sanity's clients send credentials, so the origin is echoed rather than `*`.
    const cors: Record<string, string> =
      origin === undefined
        ? {}
        : {
            'access-control-allow-origin': origin,
            'access-control-allow-credentials': 'true',
            vary: 'Origin',
          };
    const record: ApiRequest = { method, endpoint, url: url.href, body: undefined, status: 200 };
    requests.push(record);
    if (method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers':
          request.headers['access-control-request-headers'] ?? 'content-type, authorization',
        'access-control-max-age': '600',
      });
      response.end();
      return true;
    }
    if (endpoint === '/ping') {
      // The Studio times /ping to warn about slow HTTP/1.1 links to Sanity's servers. The
      // stand-in is a local HTTP/1.1 server with no such link, so the probe is left without an
      // answer (the Studio then reports the protocol as unknown and shows no warning).
      record.status = 0;
      request.socket.destroy();
      return true;
    }
    try {
      if (method === 'GET' && /^\/data\/listen\/[^/]+$/.test(endpoint)) {
        checkDataset(endpoint.split('/')[3]);
        answerListen(request, response, url, cors);
        return true;
      }
      const body = method === 'GET' ? undefined : await readJson(request);
      record.body = body;
      const result = await route(method, endpoint, url, body);
      response.writeHead(200, { ...cors, 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(result));
    } catch (error) {
      const status = error instanceof ContentLakeError ? error.status : 500;
      const type = error instanceof ContentLakeError ? error.type : 'internalError';
      const description = error instanceof Error ? error.message : String(error);
      const details = asRecord(asRecord(error)['details']);
      record.status = status;
      response.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify({
          error: { type, description, ...details },
          statusCode: status,
          message: description,
        }),
      );
    }
    return true;
  };

  return Object.assign(handler, {
    requests,
    pollListen,
    closeListeners() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  });
}
