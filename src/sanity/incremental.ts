/**
 * The embedded export, loaded incrementally. A load leaves a state file beside Astro's
 * cache: for each line of `data.ndjson`, the SHA-1 of its bytes, its document's id and
 * type, what pass 1 of validation reads of it, the ids it refers to and its validation
 * outcome (`store/load-state.ts`). The next load hashes each line; a line seen before is neither decoded nor parsed,
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
import { PASS_ONE_FIELDS } from './check/check-documents.ts';
import {
  DOCUMENT_COLLECTIONS,
  isDocumentCollection,
  SETTINGS_COLLECTION,
  type DocumentCollection,
} from './collections.ts';
import { buildSiteContent, type LoadOptions } from './content.ts';
import type { SiteContent } from './normalise/site-content.ts';
import type { DocumentOutcome, ReusedDocument } from './problems.ts';
import { isUnpublishedId } from './query/engine.ts';
import { createLocalEngine } from './query/local-engine.ts';
import {
  queryRawCollections,
  type AnyRawDocument,
  type RawCollections,
} from './query/run-queries.ts';
import { DatasetError, forEachLine, parseLines, type RawDocument } from './read/dataset-file.ts';
import {
  readLoadState,
  writeLoadState,
  type LineRecord,
  type LoadState,
} from './store/load-state.ts';

export { getLoadStateFile } from './store/load-state.ts';

/** Content loaded incrementally. */
export interface IncrementalContent {
  content: SiteContent;
  /** This load's id (written to the state file). */
  loadId: string;
  /** The id of the load whose stored entries `content.reused` keeps, if any. */
  basedOn: string | undefined;
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

/** Whether the check stage accepts a document with this outcome at `now`. */
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

/** A line whose record from the last load is used. */
type KeptLine = Extract<Line, { kind: 'kept' }>;

/** Step 1: reads the export line by line; a line hashed last time is kept, not parsed. */
async function readLines(dataFile: string, previous: LoadState | undefined): Promise<Line[]> {
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
  return lines;
}

/**
 * Step 2: the ids of published documents whose line changed, appeared or went away, or
 * that fell due (or, with the clock turned back, are scheduled again); and whether two
 * lines share an id.
 */
function findChangedIds(
  lines: readonly Line[],
  previous: LoadState | undefined,
  now: number,
): { changed: Set<string>; duplicateIds: boolean } {
  const changed = new Set<string>();
  const keptIds = new Set<string>();
  const seenIds = new Set<string>();
  let duplicateIds = false;
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
  for (const line of lines) {
    if (line.kind !== 'kept' || line.record.outcome === undefined) continue;
    if (isAccepted(line.record.outcome, now) !== line.record.accepted) {
      changed.add(line.record.id);
    }
  }
  return { changed, duplicateIds };
}

/** Step 3: which kept documents keep their stored entry, and which must be read and validated again. */
function planReuse(
  lines: readonly Line[],
  changed: ReadonlySet<string>,
  duplicateIds: boolean,
  now: number,
): { reuse: Map<string, ReusedDocument>; reread: KeptLine[] } {
  const settingsChanged = changed.has(SETTINGS_COLLECTION);
  const reuse = new Map<string, ReusedDocument>();
  const reread: KeptLine[] = [];
  for (const line of lines) {
    if (line.kind !== 'kept') continue;
    const { record } = line;
    const isSettings = record.id === SETTINGS_COLLECTION;
    if (isUnpublishedId(record.id) || !(isDocumentCollection(record.type) || isSettings)) {
      continue;
    }
    const accepted = isAccepted(record.outcome, now);
    const clean =
      !duplicateIds &&
      !isSettings &&
      record.accepted === true &&
      accepted &&
      record.outcome?.published === true &&
      // A case's municipality defaults to the site settings' organisation.
      !(record.type === 'caseStudy' && settingsChanged) &&
      !record.refs.some((ref) => changed.has(ref));
    if (clean && record.outcome) {
      reuse.set(record.id, {
        problems: record.outcome.problems,
        linkProblems: record.outcome.linkProblems,
      });
    } else if (accepted || isSettings || duplicateIds) {
      reread.push(line);
    }
    // Otherwise the check stage leaves it out again, from the fields the record keeps.
  }
  return { reuse, reread };
}

/** Step 4: reads the kept lines to validate again, checking they are the bytes that were hashed. */
async function rereadLines(
  dataFile: string,
  reread: readonly KeptLine[],
): Promise<Map<KeptLine, RawDocument[]>> {
  const reparsed = new Map<KeptLine, RawDocument[]>();
  if (reread.length === 0) return reparsed;
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
  return reparsed;
}

/**
 * Step 5: queries the documents read (new lines and lines read again); of each, keeps its
 * id, type and refs only, so that the parsed export can go once it is queried.
 */
async function queryReadDocuments(
  lines: readonly Line[],
  reparsed: Map<KeptLine, RawDocument[]>,
  description: string,
): Promise<{ readOf: Map<Line, ReadDocument[]>; results: RawCollections }> {
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
  const results = await queryRawCollections(createLocalEngine(toQuery, description));
  toQuery.length = 0;
  return { readOf, results };
}

/** The check stage's fields of a query result, as the state file keeps them. */
function pickCheckedFields(result: AnyRawDocument): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of PASS_ONE_FIELDS) {
    const value: unknown = (result as Record<string, unknown>)[field];
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/**
 * Step 6: every published document of each collection in file order — its query result,
 * or the checked fields of a document not read again — and the checked fields of each
 * document read, for the next load.
 */
function assembleRawCollections(
  lines: readonly Line[],
  readOf: ReadonlyMap<Line, ReadDocument[]>,
  results: RawCollections,
  reuse: ReadonlyMap<string, ReusedDocument>,
  now: number,
): { raw: RawCollections; fieldsOf: Map<string, Record<string, unknown>> } {
  const resultOf = new Map<string, AnyRawDocument>();
  for (const type of DOCUMENT_COLLECTIONS) {
    for (const result of results[type]) {
      if (typeof result._id === 'string') resultOf.set(result._id, result);
    }
  }
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
  // The collections' lists as plain objects: a stub holds only the checked fields.
  const lists: Record<DocumentCollection, object[]> = raw;
  const fieldsOf = new Map<string, Record<string, unknown>>();
  const stubs: string[] = [];
  for (const line of lines) {
    const read = readOf.get(line);
    if (!read) {
      if (line.kind !== 'kept') continue;
      const { record } = line;
      if (!isUnpublishedId(record.id) && isDocumentCollection(record.type) && record.fields) {
        lists[record.type].push({ ...record.fields });
        if (isAccepted(record.outcome, now)) stubs.push(record.id);
      }
      continue;
    }
    for (const { id, type } of read) {
      const result = resultOf.get(id);
      if (result && isDocumentCollection(type) && !isUnpublishedId(id)) {
        lists[type].push(result);
        fieldsOf.set(id, pickCheckedFields(result));
      }
    }
  }
  // A document not read again must not be normalised from its checked fields alone.
  const unread = stubs.find((id) => !reuse.has(id));
  if (unread !== undefined) {
    throw new Error(`[tanketanken] incremental load: "${unread}" was neither reused nor read`);
  }
  return { raw, fieldsOf };
}

/** Step 8: what the next load needs, a record per single-document line. */
function collectRecords(
  lines: readonly Line[],
  readOf: ReadonlyMap<Line, ReadDocument[]>,
  fieldsOf: ReadonlyMap<string, Record<string, unknown>>,
  outcomes: ReadonlyMap<string, DocumentOutcome>,
  now: number,
): LineRecord[] {
  const records: LineRecord[] = [];
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
  return records;
}

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
  const previous = await readLoadState(stateFile, key);

  const lines = await readLines(dataFile, previous);
  const { changed, duplicateIds } = findChangedIds(lines, previous, now);
  const { reuse, reread } = planReuse(lines, changed, duplicateIds, now);
  const reparsed = await rereadLines(dataFile, reread);
  const { readOf, results } = await queryReadDocuments(lines, reparsed, options.description);
  const { raw, fieldsOf } = assembleRawCollections(lines, readOf, results, reuse, now);

  // Step 7: check and normalise, keeping each document's outcome for the next load.
  const outcomes = new Map<string, DocumentOutcome>();
  const content = buildSiteContent(raw, load, { reuse, outcomes });

  const records = duplicateIds ? [] : collectRecords(lines, readOf, fieldsOf, outcomes, now);
  const loadId = randomUUID();
  await writeLoadState(stateFile, { key, loadId, lines: records });
  return { content, loadId, basedOn: reuse.size > 0 ? previous?.loadId : undefined };
}
