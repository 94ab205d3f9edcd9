/**
 * Where an accepted nomination goes, durably, before the nominator gets a receipt:
 *
 * - With a Sanity project and `SANITY_API_WRITE_TOKEN`: first into the outbox (one file per
 *   nomination in `<dir>/outbox/`, written and fsync'd, then renamed into place), then to the
 *   Content Lake as a draft with `createIfNotExists`. A delivered nomination leaves the
 *   outbox; one the lake did not take waits there and is sent again with backoff, and at
 *   start. The id comes from the form's token, so sending twice stores once.
 * - Without: appended to `<dir>/nominations.ndjson`, one line each, fsync'd; an id already
 *   in the file is not written again.
 *
 * See docs/operations.md («Nominasjoner») for what an operator does with either.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ContentSource } from '../config.ts';

/** A prizeNomination draft as stored (content-schemas/prize-nomination.ts). */
export interface NominationDocument {
  _id: string;
  _type: 'prizeNomination';
  title: string;
  need: string;
  achieved: string;
  serviceArea: { _type: 'reference'; _ref: string };
  category: string;
  year: number;
  nominator: { name: string; email: string; unit: string };
  consent: boolean;
  receivedAt: string;
  reference: string;
}

/** What a store tells the route: where the nomination is now. */
export type StoreOutcome = 'delivered' | 'queued' | 'written';

/** A store that has the nomination on disk or in the lake once `store` resolves. */
export interface NominationStore {
  /** Stores `doc`; resolves once it is durable. */
  store(doc: NominationDocument): Promise<StoreOutcome>;
  /** Delivers what waits from an earlier run (the outbox); safe to call again. */
  start(): Promise<void>;
  /** Stops retrying; what waits stays on disk for the next start. */
  stop(): Promise<void>;
  /** A line for the log at start. */
  describe(): string;
}

/** Writes `text` to `file` so a crash leaves either nothing or the whole file. */
async function writeDurably(file: string, text: string): Promise<void> {
  // Unique per write: the same nomination sent twice at once writes two temporaries.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  const handle = await fs.open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
  const folder = await fs.open(path.dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Nominations appended to a local NDJSON file (no Sanity project). */
export class FileNominationStore implements NominationStore {
  readonly #file: string;
  #ids: Set<string> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    this.#file = path.join(dir, 'nominations.ndjson');
  }

  describe(): string {
    return `nominations are appended to ${this.#file} (no SANITY_API_WRITE_TOKEN)`;
  }

  async start(): Promise<void> {
    await fs.mkdir(path.dirname(this.#file), { recursive: true });
    const text = await fs.readFile(this.#file, 'utf8').catch(() => '');
    this.#ids = new Set();
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const id = (JSON.parse(line) as { _id?: unknown })._id;
        if (typeof id === 'string') this.#ids.add(id);
      } catch {
        // A line cut off by a crash is left for the operator; the next write starts afresh.
      }
    }
  }

  store(doc: NominationDocument): Promise<StoreOutcome> {
    // One append at a time: lines never interleave, and the id check sees every earlier write.
    const result = this.#queue.then(async (): Promise<StoreOutcome> => {
      if (!this.#ids) await this.start();
      const ids = this.#ids ?? new Set<string>();
      if (ids.has(doc._id)) return 'written';
      const handle = await fs.open(this.#file, 'a', 0o600);
      try {
        // A line after a torn one must still start on its own line.
        await handle.write(`${JSON.stringify(doc)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      ids.add(doc._id);
      return 'written';
    });
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async stop(): Promise<void> {
    await this.#queue;
  }
}

/** How the lake store reaches Sanity. */
export interface LakeTarget {
  source: Extract<ContentSource, { kind: 'remote' }>;
  token: string;
}

/** The longest wait between two delivery rounds. */
const DEFAULT_RETRY_MAX_MS = 5 * 60_000;

/** Nominations sent to the Content Lake as drafts, through an outbox on disk. */
export class LakeNominationStore implements NominationStore {
  readonly #outbox: string;
  readonly #target: LakeTarget;
  readonly #log: (event: string, message: string) => void;
  readonly #retryMaxMs: number;
  readonly #sending = new Map<string, Promise<boolean>>();
  #timer: NodeJS.Timeout | undefined;
  #delayMs = 1000;
  #stopped = false;

  constructor(options: {
    dir: string;
    target: LakeTarget;
    log: (event: string, message: string) => void;
    retryMaxMs?: number;
  }) {
    this.#outbox = path.join(options.dir, 'outbox');
    this.#target = options.target;
    this.#log = options.log;
    this.#retryMaxMs = options.retryMaxMs ?? DEFAULT_RETRY_MAX_MS;
  }

  describe(): string {
    const { projectId, dataset } = this.#target.source;
    return `nominations go to ${projectId}/${dataset} as drafts, through the outbox in ${this.#outbox}`;
  }

  /** The mutate endpoint of the project's dataset. */
  #mutateUrl(): string {
    const { apiHost, projectId, apiVersion, dataset } = this.#target.source;
    const base = apiHost ?? `https://${projectId}.api.sanity.io`;
    return `${base}/v${apiVersion}/data/mutate/${encodeURIComponent(dataset)}`;
  }

  /** Sends one document; true when the lake has it (created now or before). */
  async #send(doc: NominationDocument): Promise<boolean> {
    let reason: string;
    try {
      const response = await fetch(this.#mutateUrl(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.#target.token}`,
        },
        body: JSON.stringify({ mutations: [{ createIfNotExists: doc }] }),
        signal: AbortSignal.timeout(this.#target.source.timeoutMs ?? 15_000),
      });
      if (response.ok) {
        await response.body?.cancel();
        return true;
      }
      reason = `the Content Lake answered ${response.status}${response.status === 401 || response.status === 403 ? ': check that SANITY_API_WRITE_TOKEN is valid and has Editor rights' : ''}`;
      await response.body?.cancel();
    } catch (error) {
      reason = `the Content Lake cannot be reached (${error instanceof Error ? error.message : String(error)})`;
    }
    this.#log('nomination-waiting', `${doc._id} stays in the outbox: ${reason}`);
    return false;
  }

  /** Delivers one outbox entry unless it is on its way already; removes it when delivered. */
  #deliver(doc: NominationDocument): Promise<boolean> {
    const running = this.#sending.get(doc._id);
    if (running) return running;
    const attempt = (async () => {
      const delivered = await this.#send(doc);
      if (delivered) {
        await fs.rm(path.join(this.#outbox, `${doc._id}.json`), { force: true });
        this.#log('nomination-delivered', `${doc._id} (${doc.reference})`);
      }
      return delivered;
    })().finally(() => this.#sending.delete(doc._id));
    this.#sending.set(doc._id, attempt);
    return attempt;
  }

  /** Reads the outbox; an entry that cannot be read is named in the log and left in place. */
  async #readOutbox(): Promise<NominationDocument[]> {
    const names = await fs.readdir(this.#outbox).catch(() => [] as string[]);
    const docs: NominationDocument[] = [];
    for (const name of names.filter((item) => item.endsWith('.json') && !item.startsWith('.'))) {
      try {
        docs.push(
          JSON.parse(
            await fs.readFile(path.join(this.#outbox, name), 'utf8'),
          ) as NominationDocument,
        );
      } catch (error) {
        this.#log(
          'nomination-unreadable',
          `${name} in the outbox cannot be read (${error instanceof Error ? error.message : String(error)}); it is kept for an operator`,
        );
      }
    }
    return docs;
  }

  /** Sends everything in the outbox; arms the next round with backoff while anything waits. */
  async #flush(): Promise<void> {
    if (this.#stopped) return;
    const waiting = await this.#readOutbox();
    const results = await Promise.all(waiting.map((doc) => this.#deliver(doc)));
    if (results.every(Boolean)) {
      this.#delayMs = 1000;
      return;
    }
    this.#schedule();
  }

  #schedule(): void {
    if (this.#stopped || this.#timer) return;
    const delay = this.#delayMs;
    this.#delayMs = Math.min(this.#delayMs * 2, this.#retryMaxMs);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#flush();
    }, delay);
    this.#timer.unref();
  }

  async start(): Promise<void> {
    await fs.mkdir(this.#outbox, { recursive: true });
    this.#stopped = false;
    await this.#flush();
  }

  async store(doc: NominationDocument): Promise<StoreOutcome> {
    await fs.mkdir(this.#outbox, { recursive: true });
    await writeDurably(path.join(this.#outbox, `${doc._id}.json`), JSON.stringify(doc));
    if (await this.#deliver(doc)) {
      // The lake is there: anything still waiting from before goes now, not at the next round.
      if (this.#timer) {
        clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#delayMs = 1000;
        void this.#flush();
      }
      return 'delivered';
    }
    this.#schedule();
    return 'queued';
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await Promise.allSettled([...this.#sending.values()]);
  }
}
