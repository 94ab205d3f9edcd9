/**
 * The embedded export, loaded incrementally. A load leaves a state file beside Astro's
 * cache: for each line of `data.ndjson`, the SHA-1 of its bytes, its document's id and
 * type, what pass 1 of validation reads of it, the ids it refers to and its validation
 * outcome. The next load hashes each line; a line seen before is neither decoded nor parsed,
 * and its document is neither queried nor validated again when nothing it depends on
 * changed — then its stored entry is kept (`SiteContent.reused`).
 *
 * A published document's entry depends on its own line, on whether each document it refers
 * to is published and that document's type, title and slug, on the site settings'
 * organisation (a case's municipality by default), on the clock (scheduled documents) and
 * on the code and configuration. So a document is validated again when its line changed,
 * when any document it refers to changed, appeared, went away or fell due, when the site
 * settings changed and it is a case, or when it was not published before; the code and
 * configuration key the state file as a whole. Slug uniqueness and scheduling are checked
 * over every document, every time, from what the state file keeps of pass 1.
 *
 * Queries run over the documents to validate only. A reference's `target` (`@->`) is then
 * empty for a document outside that set; validation reads a reference's `_ref` only.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RoutableType } from '../../content-schemas/routes.ts';
import {
  COLLECTION_NAMES,
  buildSiteContent,
  queryRawCollections,
  type DocumentOutcome,
  type LoadOptions,
  type RawCollections,
  type ReusedDocument,
  type SiteContent,
} from './content.ts';
import { DatasetError, forEachLine, parseLines, type RawDocument } from './dataset-file.ts';
import { isUnpublishedId } from './engine.ts';
import { createLocalEngine } from './local-engine.ts';

/** Bumped when the state file's meaning changes. */
const SCHEME = 'tanketanken-load-state/1';

/** The state file, inside Astro's `cacheDir`. */
export function getLoadStateFile(cacheDir: string): string {
  return path.join(cacheDir, 'tanketanken-load', 'state.json');
}

/** The fields of a raw query result that pass 1 of validation reads. */
const PASS_ONE_FIELDS = ['_id', 'title', 'name', 'slug', 'publishedAt'] as const;

/** The types whose documents the collection queries return (the site settings go by id). */
const ROUTABLE_TYPES = Object.keys(COLLECTION_NAMES) as RoutableType[];
const SETTINGS_ID = 'siteSettings';

/** What a load keeps of one line (one document) for the next. */
interface LineRecord {
  /** SHA-1 of the line's bytes, base64. */
  hash: string;
  id: string;
  type: string;
  /** Every `_ref` in the document. */
  refs: string[];
  /** Pass 1's fields of the query result (routable, published documents only). */
  fields?: Record<string, unknown>;
  /** The validation outcome (routable, published documents only). */
  outcome?: DocumentOutcome;
  /** Whether pass 1 accepted it (it was linkable) at that load. */
  accepted?: boolean;
}

/** The state file. */
interface LoadState {
  scheme: string;
  /** The code, configuration and export file it was made with. */
  key: string;
  /** Names this load; the loader keeps it with the entries it stored from it. */
  loadId: string;
  lines: LineRecord[];
}

/** Content loaded incrementally. */
export interface IncrementalContent {
  content: SiteContent;
  /** This load's id (written to the state file). */
  loadId: string;
  /** The id of the load whose stored entries `content.reused` keeps, if any. */
  basedOn: string | undefined;
}

async function readState(file: string, key: string): Promise<LoadState | undefined> {
  try {
    const state = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LoadState>;
    if (state.scheme !== SCHEME || state.key !== key || !Array.isArray(state.lines)) {
      return undefined;
    }
    if (typeof state.loadId !== 'string') return undefined;
    return state as LoadState;
  } catch {
    return undefined;
  }
}

async function writeState(file: string, state: LoadState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(state));
  await fs.rename(temporary, file);
}

/** Every string under a `_ref` key, anywhere in `value`. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, item] of Object.entries(value)) {
      if (name === '_ref' && typeof item === 'string') into.add(item);
      else collectRefs(item, into);
    }
  }
}

function hashLine(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64');
}

const isRoutable = (type: string): type is RoutableType =>
  (ROUTABLE_TYPES as readonly string[]).includes(type);

/** Whether pass 1 accepts a document with this outcome at `now`. */
function isAccepted(outcome: DocumentOutcome | undefined, now: number): boolean {
  if (!outcome?.checked) return false;
  return outcome.publishTime === undefined || outcome.publishTime <= now;
}

/** What is kept of a document read in this load once it is queried. */
interface ReadDocument {
  id: string;
  type: string;
  refs: string[];
}

/** One line as this load sees it. */
type Line =
  | { kind: 'parsed'; hash: string | undefined; documents: RawDocument[] }
  | { kind: 'kept'; record: LineRecord; offset: number; length: number; lineNumber: number };

/**
 * Loads the export file `dataFile` as `loadSiteContent` would, reusing what the state file
 * `stateFile` (from a load with the same `key`) says about unchanged lines, and writes the
 * state of this load there.
 */
export async function loadExportIncrementally(options: {
  dataFile: string;
  stateFile: string;
  /** Names the code and configuration; a state file made with another is not used. */
  key: string;
  description: string;
  load: LoadOptions;
}): Promise<IncrementalContent> {
  const { dataFile, stateFile, load } = options;
  const key = JSON.stringify([options.key, dataFile]);
  const now = load.now.getTime();
  const previous = await readState(stateFile, key);

  // Earlier lines by hash; a hash seen twice there is not trusted.
  const earlier = new Map<string, LineRecord | null>();
  for (const record of previous?.lines ?? []) {
    earlier.set(record.hash, earlier.has(record.hash) ? null : record);
  }

  const lines: Line[] = [];
  await forEachLine(dataFile, (line) => {
    const hash = hashLine(line.bytes);
    const record = earlier.get(hash);
    if (record && !line.bytes.includes(0x0d)) {
      // Used once: the same line twice is a second document with the first one's id.
      earlier.set(hash, null);
      lines.push({
        kind: 'kept',
        record,
        offset: line.offset,
        length: line.bytes.length,
        lineNumber: line.lineNumber,
      });
      return;
    }
    const documents = parseLines(line, dataFile);
    if (documents.length === 0) return;
    // A line holding more than one document (a lone "\r") is never reused.
    lines.push({ kind: 'parsed', hash: documents.length === 1 ? hash : undefined, documents });
  });

  // Ids of published documents whose line changed, appeared or went away.
  const changed = new Set<string>();
  const keptIds = new Set<string>();
  let duplicateIds = false;
  const seenIds = new Set<string>();
  for (const line of lines) {
    const ids =
      line.kind === 'kept' ? [line.record.id] : line.documents.map((document) => document._id);
    for (const id of ids) {
      if (isUnpublishedId(id)) continue;
      if (seenIds.has(id)) duplicateIds = true;
      seenIds.add(id);
      if (line.kind === 'kept') keptIds.add(id);
      else changed.add(id);
    }
  }
  for (const record of previous?.lines ?? []) {
    if (!keptIds.has(record.id) && !isUnpublishedId(record.id)) changed.add(record.id);
  }
  // A document that fell due (or, with the clock turned back, is scheduled again).
  for (const line of lines) {
    if (line.kind !== 'kept' || line.record.outcome === undefined) continue;
    if (isAccepted(line.record.outcome, now) !== line.record.accepted) {
      changed.add(line.record.id);
    }
  }
  const settingsChanged = changed.has(SETTINGS_ID);

  // Which kept documents keep their stored entry; which must be read and validated again.
  const reuse = new Map<string, ReusedDocument>();
  const reread: Extract<Line, { kind: 'kept' }>[] = [];
  for (const line of lines) {
    if (line.kind !== 'kept') continue;
    const { record } = line;
    if (isUnpublishedId(record.id) || !(isRoutable(record.type) || record.id === SETTINGS_ID)) {
      continue;
    }
    const accepted = isAccepted(record.outcome, now);
    const clean =
      !duplicateIds &&
      record.id !== SETTINGS_ID &&
      record.outcome !== undefined &&
      record.accepted === true &&
      accepted &&
      record.outcome.published &&
      !(record.type === 'caseStudy' && settingsChanged) &&
      !record.refs.some((ref) => changed.has(ref));
    if (clean && record.outcome) {
      reuse.set(record.id, {
        problems: record.outcome.problems,
        linkProblems: record.outcome.linkProblems,
      });
    } else if (accepted || record.id === SETTINGS_ID || duplicateIds) {
      reread.push(line);
    }
    // Otherwise pass 1 leaves it out again, from the fields the record keeps.
  }

  // Read the lines to validate again, checking they are the bytes that were hashed.
  const reparsed = new Map<Extract<Line, { kind: 'kept' }>, RawDocument[]>();
  if (reread.length > 0) {
    const handle = await fs.open(dataFile, 'r');
    try {
      for (const line of reread) {
        const bytes = Buffer.alloc(line.length);
        await handle.read(bytes, 0, line.length, line.offset);
        if (hashLine(bytes) !== line.record.hash) {
          throw new DatasetError(
            `${dataFile}:${line.lineNumber}: the file changed while it was read; build again.`,
          );
        }
        reparsed.set(
          line,
          parseLines({ bytes, offset: line.offset, lineNumber: line.lineNumber }, dataFile),
        );
      }
    } finally {
      await handle.close();
    }
  }

  // Query what is to be validated; of each document read, keep its id, type and refs only,
  // so that the parsed export can go once it is queried.
  const readOf = new Map<Line, ReadDocument[]>();
  const toQuery: RawDocument[] = [];
  for (const line of lines) {
    const documents = line.kind === 'parsed' ? line.documents : reparsed.get(line);
    if (!documents) continue;
    const read = documents.map((document): ReadDocument => {
      const refs = new Set<string>();
      collectRefs(document, refs);
      toQuery.push(document);
      return { id: document._id, type: document._type, refs: [...refs] };
    });
    readOf.set(line, read);
    if (line.kind === 'parsed') line.documents = [];
  }
  reparsed.clear();
  const results = await queryRawCollections(createLocalEngine(toQuery, options.description));
  toQuery.length = 0;
  const resultOf = new Map<string, Record<string, unknown>>();
  for (const type of ROUTABLE_TYPES) {
    for (const result of results[type]) {
      if (typeof result['_id'] === 'string') resultOf.set(result['_id'], result);
    }
  }

  // Every published document of each type in file order: its query result, or pass 1's
  // fields of a document not read again.
  const raw: RawCollections = {
    post: [],
    projectStory: [],
    caseStudy: [],
    person: [],
    topic: [],
    serviceArea: [],
    page: [],
    siteSettings: results.siteSettings,
  };
  // Pass 1's fields of each document read, for the next load.
  const fieldsOf = new Map<string, Record<string, unknown>>();
  const stubs: string[] = [];
  for (const line of lines) {
    const read = readOf.get(line);
    if (!read) {
      if (line.kind !== 'kept') continue;
      const { record } = line;
      if (!isUnpublishedId(record.id) && isRoutable(record.type) && record.fields) {
        raw[record.type].push({ ...record.fields });
        if (isAccepted(record.outcome, now)) stubs.push(record.id);
      }
      continue;
    }
    for (const { id, type } of read) {
      const result = resultOf.get(id);
      if (result && isRoutable(type) && !isUnpublishedId(id)) {
        raw[type].push(result);
        fieldsOf.set(
          id,
          Object.fromEntries(
            PASS_ONE_FIELDS.filter((field) => result[field] !== undefined).map((field) => [
              field,
              result[field],
            ]),
          ),
        );
      }
    }
  }
  resultOf.clear();
  // A document not read again must not be normalised from pass 1's fields alone.
  const unread = stubs.find((id) => !reuse.has(id));
  if (unread !== undefined) {
    throw new Error(`[tanketanken] incremental load: "${unread}" was neither reused nor read`);
  }

  const outcomes = new Map<string, DocumentOutcome>();
  const content = buildSiteContent(raw, load, { reuse, outcomes });

  // What the next load needs: a record per single-document line.
  const records: LineRecord[] = [];
  if (!duplicateIds) {
    for (const line of lines) {
      if (line.kind === 'kept' && !readOf.has(line)) {
        const { record } = line;
        records.push(
          record.outcome ? { ...record, accepted: isAccepted(record.outcome, now) } : record,
        );
        continue;
      }
      const hash = line.kind === 'kept' ? line.record.hash : line.hash;
      const read = readOf.get(line) ?? [];
      const [document] = read;
      if (hash === undefined || document === undefined || read.length !== 1) continue;
      const record: LineRecord = { hash, ...document };
      const fields = fieldsOf.get(document.id);
      const outcome = outcomes.get(document.id);
      if (fields && outcome) {
        record.fields = fields;
        record.outcome = outcome;
        record.accepted = isAccepted(outcome, now);
      }
      records.push(record);
    }
  }
  const loadId = randomUUID();
  await writeState(stateFile, { scheme: SCHEME, key, loadId, lines: records });
  return { content, loadId, basedOn: reuse.size > 0 ? previous?.loadId : undefined };
}
