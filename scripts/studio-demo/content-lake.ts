/**
 * An in-memory Content Lake over a dataset export: the documents as Sanity stores them
 * (published, `drafts.` and `versions.` ids, each with `_rev`), read through perspectives
 * with GROQ (groq-js), changed by mutations and document actions applied with Sanity's own
 * patch engine (`@sanity/mutator`), and watched by listeners that get the events the
 * Studio's document store expects. The Studio stand-in (see docs/architecture.md) and the
 * site's fake Content Lake in the tests both read documents through it.
 */
import { randomBytes } from 'node:crypto';
import { Mutation } from '@sanity/mutator';
import { evaluate, parse } from 'groq-js';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';

/** A document as the Content Lake holds it: system fields always present. */
export interface LakeDocument extends RawDocument {
  _rev: string;
  _createdAt: string;
  _updatedAt: string;
}

/** One mutation as the HTTP API takes it (`create`, `createOrReplace`, …, `patch`). */
export type LakeMutation = Record<string, unknown>;

/** A rejected mutation or action: `status` is the HTTP status the API answers with. */
export class ContentLakeError extends Error {
  override name = 'ContentLakeError';
  readonly status: number;
  readonly type: string;
  constructor(status: number, type: string, message: string) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

/** A mutation event as `data/listen` sends it with `effectFormat=mendoza`. */
export interface MutationEvent {
  type: 'mutation';
  eventId: string;
  documentId: string;
  transactionId: string;
  identity: string;
  mutations: LakeMutation[];
  previousRev: string | undefined;
  resultRev: string | undefined;
  timestamp: string;
  effects: { apply: unknown[]; revert: unknown[] };
  transition: 'appear' | 'update' | 'disappear';
  visibility: 'query';
  transactionTotalEvents: number;
  transactionCurrentEvent: number;
  /** The documents before and after, for listeners that asked for them. */
  previous: LakeDocument | null;
  result: LakeDocument | null;
}

/** What a committed transaction did to each document it touched. */
export interface TransactionResult {
  transactionId: string;
  results: { id: string; operation: 'create' | 'update' | 'delete' }[];
  documents: LakeDocument[];
}

const EXPORT_ASSET = /^image@file:\/\/\.\/images\/([0-9a-f]+)-(\d+)x(\d+)\.([a-z0-9]+)$/i;

/**
 * Rewrites export image fields (`_sanityAsset`) into Content Lake asset references
 * (`asset._ref: image-<sha1>-<w>x<h>-<ext>`), recursively.
 */
export function toContentLakeForm(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toContentLakeForm);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === '_sanityAsset' && typeof field === 'string') {
      const match = EXPORT_ASSET.exec(field);
      if (match) {
        const [, sha, width, height, ext] = match;
        out['asset'] = { _type: 'reference', _ref: `image-${sha}-${width}x${height}-${ext}` };
        continue;
      }
    }
    out[key] = toContentLakeForm(field);
  }
  return out;
}

/** True for ids that are not the published document: `drafts.x` and `versions.<release>.x`. */
export function isDraftOrVersionId(id: string): boolean {
  return id.startsWith('drafts.') || id.startsWith('versions.');
}

/** The published id of a draft or version id (`drafts.x` and `versions.r.x` give `x`). */
export function getPublishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length);
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.');
  return id;
}

/** A revision id in the form Sanity uses: 22 characters of base62. */
export function createRevisionId(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from(randomBytes(22), (byte) => alphabet[byte % 62]).join('');
}

/**
 * The documents a perspective sees. `raw` sees every id; `published` only published ids;
 * `drafts` (or `previewDrafts`) and a release stack (`rA,drafts`) overlay the draft or
 * version on its published document, keeping the published `_id` and the real one as
 * `_originalId`, as the Content Lake does.
 */
export function viewThrough<T extends RawDocument>(
  documents: readonly T[],
  perspective: string,
): RawDocument[] {
  if (perspective === 'raw') return [...documents];
  const layers = perspective
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'published')
    .map((name) =>
      name === 'drafts' || name === 'previewDrafts' ? 'drafts.' : `versions.${name}.`,
    );
  const chosen = new Map<string, { rank: number; doc: T }>();
  for (const doc of documents) {
    let rank: number;
    if (!isDraftOrVersionId(doc._id)) rank = layers.length;
    else {
      const layer = layers.findIndex((prefix) => doc._id.startsWith(prefix));
      if (layer === -1) continue;
      rank = layer;
    }
    const id = getPublishedId(doc._id);
    const current = chosen.get(id);
    if (current === undefined || rank < current.rank) chosen.set(id, { rank, doc });
  }
  return [...chosen.entries()].map(([id, { doc }]) =>
    doc._id === id ? doc : { ...doc, _id: id, _originalId: doc._id },
  );
}

/** Reads `value` as a plain object, or undefined. */
function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function readId(value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new ContentLakeError(400, 'validationError', `${what} needs a document id (_id or id).`);
}

/** The id a single mutation acts on, for checks made before it is applied. */
function getMutationTarget(mutation: LakeMutation): { kind: string; id: string } {
  const [kind, body] = Object.entries(mutation)[0] ?? [];
  const record = asRecord(body);
  if (kind === undefined || record === undefined) {
    throw new ContentLakeError(
      400,
      'validationError',
      `A mutation must be one of create, createOrReplace, createIfNotExists, delete or patch; got ${JSON.stringify(mutation)}.`,
    );
  }
  if (kind === 'create' || kind === 'createOrReplace' || kind === 'createIfNotExists') {
    return { kind, id: readId(record['_id'], kind) };
  }
  if (kind === 'delete' || kind === 'patch') {
    if (record['query'] !== undefined) {
      throw new ContentLakeError(
        501,
        'notSupported',
        `${kind} by query is not supported by the local stand-in; name the document by id.`,
      );
    }
    return { kind, id: readId(record['id'], kind) };
  }
  throw new ContentLakeError(
    400,
    'validationError',
    `Unknown mutation "${kind}": use create, createOrReplace, createIfNotExists, delete or patch.`,
  );
}

/** Options for a transaction. */
export interface CommitOptions {
  transactionId?: string;
  /** Who made it; shown as the author in the Studio. */
  identity?: string;
  /** Fills in `_key` on array items that lack one, as `autoGenerateArrayKeys=true` does. */
  autoGenerateArrayKeys?: boolean;
}

/** Adds `_key` to object items of arrays that have none. */
function addArrayKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item: unknown) => {
      const record = asRecord(item);
      const withKeys = addArrayKeys(item);
      return record !== undefined && typeof record['_key'] !== 'string'
        ? { _key: randomBytes(6).toString('hex'), ...(withKeys as Record<string, unknown>) }
        : withKeys;
    });
  }
  const record = asRecord(value);
  if (record === undefined) return value;
  return Object.fromEntries(
    Object.entries(record).map(([key, field]) => [key, addArrayKeys(field)]),
  );
}

type Listener = (event: MutationEvent) => void;

/** A transaction being built: the working copy of each document it touched. */
interface Transaction {
  id: string;
  timestamp: string;
  options: CommitOptions;
  staged: Map<string, LakeDocument | null>;
  touched: Map<string, LakeMutation[]>;
  results: TransactionResult['results'];
  read: (id: string) => LakeDocument | undefined;
}

/** A dataset held in memory; every change goes through `mutate` or `applyActions`. */
export class ContentLake {
  readonly #documents = new Map<string, LakeDocument>();
  readonly #listeners = new Set<Listener>();
  #now: () => Date;

  /**
   * Loads `documents` (export form: `_sanityAsset` images are rewritten to references, and
   * each referenced image gets the `sanity.imageAsset` document an import would create).
   */
  constructor(
    documents: readonly RawDocument[],
    options: { now?: () => Date; projectId?: string; dataset?: string } = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    const stamp = this.#now().toISOString();
    for (const raw of documents) {
      const doc = toContentLakeForm(raw) as RawDocument;
      this.#documents.set(doc._id, {
        ...doc,
        _rev: typeof doc['_rev'] === 'string' ? doc['_rev'] : createRevisionId(),
        _createdAt: typeof doc['_createdAt'] === 'string' ? doc['_createdAt'] : stamp,
        _updatedAt: typeof doc['_updatedAt'] === 'string' ? doc['_updatedAt'] : stamp,
      });
    }
    const images = new Set<string>();
    collectImageRefs(this.all(), images);
    for (const id of images) {
      if (this.#documents.has(id)) continue;
      this.#documents.set(id, {
        ...describeImageAsset(
          id,
          options.projectId ?? 'tanketanken',
          options.dataset ?? 'production',
        ),
        _rev: createRevisionId(),
        _createdAt: stamp,
        _updatedAt: stamp,
      });
    }
  }

  /** Every document, drafts and versions included, in insertion order. */
  all(): LakeDocument[] {
    return [...this.#documents.values()];
  }

  /** The document with exactly this id, or undefined. */
  get(id: string): LakeDocument | undefined {
    return this.#documents.get(id);
  }

  /** Runs a GROQ query through a perspective (`raw`, `published`, `drafts`, `rX,drafts`). */
  async query(
    query: string,
    params: Record<string, unknown> = {},
    perspective = 'raw',
  ): Promise<unknown> {
    const dataset = viewThrough(this.all(), perspective);
    const byId = new Map(dataset.map((doc) => [doc._id, doc]));
    const tree = parse(query, { params });
    const value = await evaluate(tree, {
      dataset,
      params,
      dereference: ({ _ref }) => byId.get(_ref),
    });
    return value.get();
  }

  /**
   * True when `doc` is among the results of a listener's query (`*[_id in $ids]`), run
   * over that one document, as the Content Lake decides which listeners hear a mutation.
   */
  async matches(
    tree: ReturnType<typeof parse>,
    params: Record<string, unknown>,
    doc: RawDocument,
  ): Promise<boolean> {
    const value = await evaluate(tree, { dataset: [doc], params });
    const result: unknown = await value.get();
    return Array.isArray(result) ? result.length > 0 : result !== null;
  }

  /** Calls `listener` with every mutation event until the returned function is called. */
  listen(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Applies `mutations` as one transaction: all or none. Creating an id that exists,
   * patching or deleting-by-revision one that doesn't, or a failed `ifRevisionID` rejects
   * the whole transaction with a ContentLakeError naming the document.
   */
  mutate(mutations: readonly LakeMutation[], options: CommitOptions = {}): TransactionResult {
    const transaction = this.#begin(options);
    for (const mutation of mutations) this.#stage(transaction, mutation);
    return this.#commit(transaction);
  }

  #begin(options: CommitOptions): Transaction {
    const staged = new Map<string, LakeDocument | null>();
    return {
      id: options.transactionId ?? createRevisionId(),
      timestamp: this.#now().toISOString(),
      options,
      staged,
      touched: new Map(),
      results: [],
      read: (id) => (staged.has(id) ? (staged.get(id) ?? undefined) : this.#documents.get(id)),
    };
  }

  /** Applies one mutation to the transaction's working copy, or throws without changing it. */
  #stage(transaction: Transaction, original: LakeMutation): void {
    const mutation = (
      transaction.options.autoGenerateArrayKeys === true ? addArrayKeys(original) : original
    ) as LakeMutation;
    const { kind, id } = getMutationTarget(mutation);
    const before = transaction.read(id) ?? null;
    if (kind === 'create' && before !== null) {
      throw new ContentLakeError(
        409,
        'documentAlreadyExistsError',
        `Document "${id}" already exists; use createOrReplace or a patch to change it.`,
      );
    }
    if (kind === 'patch') {
      const patch = asRecord(mutation['patch']) ?? {};
      if (before === null) {
        throw new ContentLakeError(
          404,
          'documentNotFoundError',
          `Cannot patch "${id}": the document does not exist. Create it first.`,
        );
      }
      const ifRevision = patch['ifRevisionID'];
      if (typeof ifRevision === 'string' && ifRevision !== before._rev) {
        throw new ContentLakeError(
          409,
          'conflict',
          `Document "${id}" has revision ${before._rev}, not ${ifRevision}; reload it and try again.`,
        );
      }
    }
    if (kind === 'createIfNotExists' && before !== null) return;
    let after: LakeDocument | null = null;
    if (kind !== 'delete') {
      const applied = new Mutation({
        mutations: [mutation],
        timestamp: transaction.timestamp,
        transactionId: transaction.id,
      }).apply(before);
      if (applied !== null) {
        after = {
          ...applied,
          _id: id,
          _rev: transaction.id,
          _createdAt: before?._createdAt ?? transaction.timestamp,
          _updatedAt: transaction.timestamp,
        };
      }
    }
    if (after !== null && typeof after._type !== 'string') {
      throw new ContentLakeError(
        400,
        'validationError',
        `Document "${id}" has no _type; every document needs one.`,
      );
    }
    transaction.staged.set(id, after);
    transaction.touched.set(id, [...(transaction.touched.get(id) ?? []), mutation]);
    transaction.results.push({
      id,
      operation: after === null ? 'delete' : before === null ? 'create' : 'update',
    });
  }

  /**
   * Runs Sanity's document actions (`data/actions`): create, edit, publish, unpublish,
   * discard (also as `version.discard` of a draft), delete and replaceDraft of drafts. Each becomes the mutations the Content Lake
   * would make, committed as one transaction. Release (version) actions are refused.
   */
  applyActions(actions: readonly unknown[], options: CommitOptions = {}): TransactionResult {
    const transaction = this.#begin(options);
    const read = transaction.read;
    const put = (doc: RawDocument) => this.#stage(transaction, { createOrReplace: doc });
    const remove = (id: string) => {
      if (read(id) !== undefined) this.#stage(transaction, { delete: { id } });
    };
    for (const item of actions) {
      const action = asRecord(item) ?? {};
      const type = String(action['actionType']);
      const draftId = typeof action['draftId'] === 'string' ? action['draftId'] : undefined;
      const publishedId =
        typeof action['publishedId'] === 'string' ? action['publishedId'] : undefined;
      const need = (value: string | undefined, field: string): string => {
        if (value !== undefined) return value;
        throw new ContentLakeError(400, 'validationError', `${type} needs "${field}".`);
      };
      switch (type) {
        case 'sanity.action.document.create': {
          const attributes = asRecord(action['attributes']) ?? {};
          const id = need(
            typeof attributes['_id'] === 'string' ? attributes['_id'] : undefined,
            'attributes._id',
          );
          if (read(id) !== undefined) {
            if (action['ifExists'] === 'ignore') break;
            throw new ContentLakeError(
              409,
              'documentAlreadyExistsError',
              `Document "${id}" already exists.`,
            );
          }
          put({ ...attributes, _id: id, _type: String(attributes['_type']) });
          break;
        }
        case 'sanity.action.document.edit': {
          const target = need(draftId, 'draftId');
          const source = read(target) ?? read(need(publishedId, 'publishedId'));
          if (source === undefined) {
            throw new ContentLakeError(
              404,
              'documentNotFoundError',
              `Cannot edit "${target}": neither it nor its published version exists.`,
            );
          }
          if (read(target) === undefined) put({ ...stripSystem(source), _id: target });
          const patch = asRecord(action['patch']) ?? {};
          this.#stage(transaction, { patch: { ...patch, id: target } });
          break;
        }
        case 'sanity.action.document.publish': {
          const draft = need(draftId, 'draftId');
          const target = need(publishedId, 'publishedId');
          const source = read(draft);
          if (source === undefined) {
            throw new ContentLakeError(
              409,
              'documentNotFoundError',
              `Cannot publish "${target}": there is no draft "${draft}" to publish.`,
            );
          }
          const ifDraftRevision = action['ifDraftRevisionId'];
          if (typeof ifDraftRevision === 'string' && ifDraftRevision !== source._rev) {
            throw new ContentLakeError(
              409,
              'conflict',
              `Cannot publish "${target}": the draft changed (revision ${source._rev}, not ${ifDraftRevision}).`,
            );
          }
          const ifPublishedRevision = action['ifPublishedRevisionId'];
          const published = read(target);
          if (typeof ifPublishedRevision === 'string' && ifPublishedRevision !== published?._rev) {
            throw new ContentLakeError(
              409,
              'conflict',
              `Cannot publish "${target}": the published document changed (revision ${published?._rev ?? 'none'}, not ${ifPublishedRevision}).`,
            );
          }
          put({ ...stripSystem(source), _id: target });
          remove(draft);
          break;
        }
        case 'sanity.action.document.unpublish': {
          const draft = need(draftId, 'draftId');
          const target = need(publishedId, 'publishedId');
          const published = read(target);
          if (published === undefined) {
            throw new ContentLakeError(
              409,
              'documentNotFoundError',
              `Cannot unpublish "${target}": it is not published.`,
            );
          }
          if (read(draft) === undefined) put({ ...stripSystem(published), _id: draft });
          remove(target);
          break;
        }
        case 'sanity.action.document.discard':
          remove(need(draftId, 'draftId'));
          break;
        case 'sanity.action.document.delete': {
          const target = need(publishedId, 'publishedId');
          remove(target);
          const drafts = Array.isArray(action['includeDrafts'])
            ? action['includeDrafts'].filter((id): id is string => typeof id === 'string')
            : [`drafts.${target}`];
          for (const id of drafts) remove(id);
          break;
        }
        case 'sanity.action.document.version.discard': {
          // «Forkast endringer» on a draft: the Studio sends the draft as `versionId`. Only
          // drafts live here; a release version (`versions.<release>.x`) is refused by name.
          const versionId = need(
            typeof action['versionId'] === 'string' ? action['versionId'] : undefined,
            'versionId',
          );
          if (!versionId.startsWith('drafts.')) {
            throw new ContentLakeError(
              501,
              'notSupported',
              `The local stand-in discards drafts only, not the release version "${versionId}"; releases need a real Sanity project.`,
            );
          }
          if (read(versionId) === undefined) {
            throw new ContentLakeError(
              409,
              'documentNotFoundError',
              `Cannot discard "${versionId}": there is no such draft.`,
            );
          }
          remove(versionId);
          break;
        }
        case 'sanity.action.document.replaceDraft': {
          const attributes = asRecord(action['attributes']) ?? {};
          const target = need(draftId ?? `drafts.${need(publishedId, 'publishedId')}`, 'draftId');
          put({ ...attributes, _id: target, _type: String(attributes['_type']) });
          break;
        }
        default:
          throw new ContentLakeError(
            501,
            'notSupported',
            `The local stand-in does not support the action "${type}" (releases and variants need a real Sanity project).`,
          );
      }
    }
    return this.#commit(transaction);
  }

  #commit(transaction: Transaction): TransactionResult {
    const { staged, touched } = transaction;
    const commit = {
      transactionId: transaction.id,
      timestamp: transaction.timestamp,
      results: transaction.results,
      options: transaction.options,
    };
    const events: MutationEvent[] = [];
    const total = staged.size;
    let index = 0;
    for (const [id, after] of staged) {
      const before = this.#documents.get(id) ?? null;
      if (after === null) this.#documents.delete(id);
      else this.#documents.set(id, after);
      events.push({
        type: 'mutation',
        eventId: `${commit.transactionId}#${id}`,
        documentId: id,
        transactionId: commit.transactionId,
        identity: commit.options.identity ?? 'demo',
        mutations: touched.get(id) ?? [],
        previousRev: before?._rev,
        resultRev: after?._rev,
        timestamp: commit.timestamp,
        // A mendoza patch of one "value" op (0) replaces the whole document; `_rev` is left
        // out because the Studio applies the patch to the document without it.
        effects: { apply: [0, withoutRev(after)], revert: [0, withoutRev(before)] },
        transition: before === null ? 'appear' : after === null ? 'disappear' : 'update',
        visibility: 'query',
        transactionTotalEvents: total,
        transactionCurrentEvent: (index += 1),
        previous: before,
        result: after,
      });
    }
    for (const event of events) for (const listener of this.#listeners) listener(event);
    return {
      transactionId: commit.transactionId,
      results: commit.results,
      documents: [...staged.values()].filter((doc): doc is LakeDocument => doc !== null),
    };
  }
}

const LAKE_IMAGE = /^image-([0-9a-f]+)-(\d+)x(\d+)-([a-z0-9]+)$/i;

/** Collects the ids of every image asset referenced in `value`. */
function collectImageRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectImageRefs(item, into);
    return;
  }
  const record = asRecord(value);
  if (record === undefined) return;
  const ref = record['_ref'];
  if (typeof ref === 'string' && LAKE_IMAGE.test(ref)) into.add(ref);
  for (const field of Object.values(record)) collectImageRefs(field, into);
}

/**
 * The `sanity.imageAsset` document for an image id, as an import creates it; its `url` and
 * `path` follow Sanity's CDN layout, which the demo server answers from the export's images.
 */
export function describeImageAsset(id: string, projectId: string, dataset: string): RawDocument {
  const [, sha = '', width = '0', height = '0', ext = ''] = LAKE_IMAGE.exec(id) ?? [];
  const file = `${sha}-${width}x${height}.${ext}`;
  const mimeTypes: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    webp: 'image/webp',
    gif: 'image/gif',
    svg: 'image/svg+xml',
  };
  return {
    _id: id,
    _type: 'sanity.imageAsset',
    assetId: sha,
    sha1hash: sha,
    extension: ext,
    mimeType: mimeTypes[ext.toLowerCase()] ?? 'application/octet-stream',
    originalFilename: file,
    path: `images/${projectId}/${dataset}/${file}`,
    url: `https://cdn.sanity.io/images/${projectId}/${dataset}/${file}`,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: {
        _type: 'sanity.imageDimensions',
        width: Number(width),
        height: Number(height),
        aspectRatio: Number(width) / Number(height),
      },
    },
  };
}

function withoutRev(doc: LakeDocument | null): Omit<LakeDocument, '_rev'> | null {
  if (doc === null) return null;
  const copy: Partial<LakeDocument> = { ...doc };
  delete copy._rev;
  return copy;
}

/** A document without the fields the Content Lake sets itself. */
function stripSystem(doc: LakeDocument): RawDocument {
  const copy: Partial<LakeDocument> = { ...doc };
  delete copy._rev;
  delete copy._createdAt;
  delete copy._updatedAt;
  return copy as RawDocument;
}
