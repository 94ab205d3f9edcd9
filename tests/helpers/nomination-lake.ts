/**
 * A Content Lake for the nomination tests over real HTTP: the Studio demo's stand-in of
 * Sanity's API (`data/query`, `data/mutate` with `createIfNotExists`, …) over an in-memory
 * ContentLake, behind a private-dataset token check, that can be taken down (every
 * connection cut, as an unreachable host) and brought back on the same port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContentLake } from '../../scripts/studio-demo/content-lake.ts';
import { createSanityApi } from '../../scripts/studio-demo/sanity-api.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';

/** A running stand-in. */
export interface NominationLake {
  origin: string;
  lake: ContentLake;
  /** Mutate requests answered 200, in order. */
  mutations: number;
  /** Cuts every request off until `up()`. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

/** Starts the stand-in over `documents`; requests without `Bearer <token>` get 401. */
export async function startNominationLake(options: {
  documents: readonly RawDocument[];
  token: string;
  dataset?: string;
}): Promise<NominationLake> {
  const dataset = options.dataset ?? 'production';
  const lake = new ContentLake(options.documents, { projectId: 'test', dataset });
  const api = createSanityApi({ lake, projectId: 'test', dataset });
  let isDown = false;
  const state = { mutations: 0 };
  const server = http.createServer((request, response) => {
    if (isDown) {
      request.socket.destroy();
      return;
    }
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { description: 'Unauthorized - Session not found' } }));
      return;
    }
    const isMutate = (request.url ?? '').includes('/data/mutate/');
    void api(request, response).then((handled) => {
      if (handled && isMutate && response.statusCode === 200) state.mutations += 1;
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    lake,
    get mutations() {
      return state.mutations;
    },
    down() {
      isDown = true;
      server.closeAllConnections();
    },
    up() {
      isDown = false;
    },
    close() {
      api.closeListeners();
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
