/**
 * Open data: every published innovation case with its facts and section texts as plain
 * text, as JSON and as CSV (RFC 4180, UTF-8 with BOM so Excel in Norway reads æ, ø and å).
 * Pure: the endpoints hand in the cases and the site's origin and licence.
 */
import {
  getAwardCategoryTitle,
  getAwardResultTitle,
  getSdgTitle,
  getStatusTitle,
} from '../../content-schemas/constants.ts';
import {
  CASE_SECTIONS,
  type CaseBlocksField,
  type CaseSectionField,
} from '../../content-schemas/case-sections.ts';
import { toAbsoluteUrl } from '../../content-schemas/routes.ts';
import { byId, sortNewestFirst } from './archive.ts';
import type { CaseStudyData } from '../sanity/normalise/schemas.ts';

/** A case as the site has it; image and text fields may carry pipeline values, so they are loose. */
export type OpenDataInput = Omit<
  CaseStudyData,
  'mainImage' | 'body' | CaseBlocksField | 'related'
> & {
  body: readonly unknown[];
} & Record<CaseBlocksField, readonly unknown[]>;

/** A linked name in the open data: what it is called and where its page is. */
export interface OpenDataLink {
  name: string;
  url: string;
}

/** A case's facts in the open data, and its body as `introduction`. */
interface OpenDataCaseFacts {
  id: string;
  title: string;
  url: string;
  language: string;
  publishedAt: string;
  updatedAt: string;
  excerpt: string;
  status: string;
  statusTitle: string;
  municipality: string;
  partners: string[];
  funding: string[];
  contact: OpenDataLink | null;
  authors: OpenDataLink[];
  topics: OpenDataLink[];
  serviceAreas: OpenDataLink[];
  sdgs: { goal: number; title: string }[];
  awards: {
    year: number;
    category: string;
    categoryTitle: string;
    result: string;
    resultTitle: string;
  }[];
  introduction: string;
}

/** One case in the open data: its facts, then each section as plain text, in page order. */
export type OpenDataCase = OpenDataCaseFacts & Record<CaseSectionField, string>;

/** The whole JSON file. */
export interface OpenDataSet {
  title: string;
  description: string;
  publisher: string;
  license: { name: string; url: string };
  source: string;
  /** Newest `updatedAt` among the cases, so unchanged content gives an identical file. */
  updated: string | null;
  count: number;
  cases: OpenDataCase[];
}

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const readText = (value: Raw, field: string): string =>
  typeof value[field] === 'string' ? value[field] : '';

function spanText(block: Raw): string {
  const children = Array.isArray(block['children']) ? block['children'] : [];
  return children.map((child) => (isRecord(child) ? readText(child, 'text') : '')).join('');
}

/**
 * Turns Portable Text into plain text: one paragraph per block separated by a blank line,
 * list items as «- item», fact boxes and quotes kept as text, images by their alt text.
 */
export function toPlainTextFromBlocks(blocks: readonly unknown[]): string {
  const lines: string[] = [];
  let inList = false;
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const type = block['_type'];
    let text = '';
    let listItem = false;
    if (type === 'block') {
      text = spanText(block).trim();
      if (typeof block['listItem'] === 'string') {
        listItem = true;
        text = `- ${text}`;
      }
    } else if (type === 'callout') {
      text = readText(block, 'text');
    } else if (type === 'factBox') {
      const items = Array.isArray(block['items'])
        ? block['items'].filter((item): item is string => typeof item === 'string')
        : [];
      text = [readText(block, 'title'), ...items.map((item) => `- ${item}`)]
        .filter(Boolean)
        .join('\n');
    } else if (type === 'pullQuote') {
      const by = readText(block, 'attribution');
      text = `«${readText(block, 'text')}»${by ? ` – ${by}` : ''}`;
    } else if (type === 'videoEmbed') {
      text = `${readText(block, 'title')} (${readText(block, 'url')})`;
    } else if (type === 'image') {
      text = readText(block, 'alt');
    }
    text = text.trim();
    if (!text) continue;
    lines.push(listItem && inList ? `\n${text}` : `${lines.length > 0 ? '\n\n' : ''}${text}`);
    inList = listItem;
  }
  return lines.join('');
}

/** A case's sections as plain text, by field, in the descriptor's order; an empty one is ''. */
function toSectionTexts(doc: OpenDataInput): Record<CaseSectionField, string> {
  return Object.fromEntries(
    CASE_SECTIONS.map((section) => [
      section.field,
      section.kind === 'blocks'
        ? toPlainTextFromBlocks(doc[section.field])
        : (doc[section.field] ?? ''),
    ]),
  ) as Record<CaseSectionField, string>;
}

/** Turns one case into its open-data record, every URL absolute. */
export function toOpenDataCase(doc: OpenDataInput, site: string | URL): OpenDataCase {
  const link = (item: { title: string; href: string }): OpenDataLink => ({
    name: item.title,
    url: toAbsoluteUrl(item.href, site),
  });
  return {
    id: doc.id,
    title: doc.title,
    url: toAbsoluteUrl(doc.href, site),
    language: doc.language,
    publishedAt: doc.publishedAt,
    updatedAt: doc.updatedAt,
    excerpt: doc.excerpt ?? '',
    status: doc.status,
    statusTitle: getStatusTitle(doc.status) ?? doc.status,
    municipality: doc.municipality,
    partners: [...doc.partners],
    funding: [...doc.funding],
    contact: doc.contact ? link(doc.contact) : null,
    authors: doc.authors.map(link),
    topics: doc.topics.map(link),
    serviceAreas: doc.serviceAreas.map(link),
    sdgs: doc.sdgs.map((goal) => ({
      goal,
      title: getSdgTitle(goal) ?? String(goal),
    })),
    awards: doc.awards.map((award) => ({
      year: award.year,
      category: award.category,
      categoryTitle: getAwardCategoryTitle(award.category),
      result: award.result,
      resultTitle: getAwardResultTitle(award.result) ?? award.result,
    })),
    introduction: toPlainTextFromBlocks(doc.body),
    ...toSectionTexts(doc),
  };
}

/** What the open data set says about itself. */
export interface OpenDataOptions {
  site: string | URL;
  title: string;
  description: string;
  publisher: string;
  license: { name: string; url: string };
}

/** Builds the open data set from the published cases. */
export function buildOpenDataSet(
  cases: readonly OpenDataInput[],
  options: OpenDataOptions,
): OpenDataSet {
  return buildOpenDataSetFromRecords(
    cases.map((doc) => toOpenDataCase(doc, options.site)),
    options,
  );
}

/**
 * Builds the open data set from records made one case at a time (`toOpenDataCase`), so a
 * caller that reads each case's text from a file need not hold every case's blocks at once.
 */
export function buildOpenDataSetFromRecords(
  cases: readonly OpenDataCase[],
  options: OpenDataOptions,
): OpenDataSet {
  // Newest first, ties by id, so the files never reorder between builds.
  const records = sortNewestFirst(cases, byId);
  let updated: string | null = null;
  for (const record of records) {
    if (updated === null || Date.parse(record.updatedAt) > Date.parse(updated)) {
      updated = record.updatedAt;
    }
  }
  return {
    title: options.title,
    description: options.description,
    publisher: options.publisher,
    license: { name: options.license.name, url: options.license.url },
    source: toAbsoluteUrl('/', options.site),
    updated,
    count: records.length,
    cases: records,
  };
}

/**
 * The data set as pretty-printed JSON with a final newline, in pieces: the head, then one
 * piece per case, then the close. The same text as `JSON.stringify(data, null, 2)` with
 * `cases` last; the endpoints stream it piece by piece (`utf8Stream`), so a large archive
 * never becomes one string of tens of megabytes (at 2,500 cases the file is 23 MB).
 */
export function* openDataJsonPieces(data: OpenDataSet): Generator<string> {
  const { cases, ...head } = data;
  // The head is written with an empty list last, which is then opened; JSON strings hold
  // no raw line breaks, so indenting every line of a case nests it one level deeper.
  const text = JSON.stringify({ ...head, cases: [] }, null, 2);
  if (cases.length === 0) {
    yield `${text}\n`;
    return;
  }
  yield `${text.slice(0, -'[]\n}'.length)}[\n`;
  for (const [index, record] of cases.entries()) {
    const comma = index < cases.length - 1 ? ',' : '';
    yield `    ${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}${comma}\n`;
  }
  yield '  ]\n}\n';
}

/** Writes the data set as pretty-printed JSON with a final newline. */
export function writeOpenDataJson(data: OpenDataSet): string {
  return [...openDataJsonPieces(data)].join('');
}

/**
 * Text pieces as a stream of UTF-8 bytes, encoded a chunk at a time as the stream is read:
 * a response body that is never one string, nor encoded and copied whole before it is read.
 */
export function utf8Stream(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      // About 64 KB a chunk: few chunks, and each piece is encoded once.
      let text = '';
      while (text.length < 65_536) {
        const next = iterator.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      iterator.return?.();
    },
  });
}

/** The CSV columns, in order: the JSON keys, with lists flattened. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'url',
  'language',
  'publishedAt',
  'updatedAt',
  'excerpt',
  'status',
  'statusTitle',
  'municipality',
  'partners',
  'funding',
  'contact',
  'authors',
  'topics',
  'serviceAreas',
  'sdgs',
  'awards',
  'introduction',
  ...CASE_SECTIONS.map((section) => section.field),
  'license',
];

/** Quotes one CSV field per RFC 4180: in quotes when it holds a comma, quote or line break. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Neutralises a cell a spreadsheet would read as a formula: one that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets an apostrophe in front (OWASP's advice for CSV
 * injection), which spreadsheets show as text and do not display. Only the CSV does this;
 * the JSON keeps every text exact (docs/architecture.md#open-data).
 */
export function neutraliseCsvFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The byte order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Lists are joined with « | », a separator that the texts themselves do not use. */
const LIST_SEPARATOR = ' | ';

function toCsvRow(record: OpenDataCase, license: string): string[] {
  const names = (links: OpenDataLink[]) => links.map((link) => link.name).join(LIST_SEPARATOR);
  return [
    record.id,
    record.title,
    record.url,
    record.language,
    record.publishedAt,
    record.updatedAt,
    record.excerpt,
    record.status,
    record.statusTitle,
    record.municipality,
    record.partners.join(LIST_SEPARATOR),
    record.funding.join(LIST_SEPARATOR),
    record.contact?.name ?? '',
    names(record.authors),
    names(record.topics),
    names(record.serviceAreas),
    record.sdgs.map((sdg) => String(sdg.goal)).join(LIST_SEPARATOR),
    record.awards
      .map((award) => `${award.year} ${award.categoryTitle}: ${award.resultTitle}`)
      .join(LIST_SEPARATOR),
    record.introduction,
    ...CASE_SECTIONS.map((section) => record[section.field]),
    license,
  ];
}

/** The data set as RFC 4180 CSV (BOM first, header row, CRLF line ends), a row a piece. */
export function* openDataCsvPieces(data: OpenDataSet): Generator<string> {
  const license = `${data.license.name} (${data.license.url})`;
  yield `${UTF8_BOM}${CSV_COLUMNS.map(quoteCsvField).join(',')}\r\n`;
  for (const record of data.cases) {
    const cells = toCsvRow(record, license).map(neutraliseCsvFormula);
    yield `${cells.map(quoteCsvField).join(',')}\r\n`;
  }
}

/** Writes the data set as RFC 4180 CSV: header row, CRLF line ends, BOM first. */
export function writeOpenDataCsv(data: OpenDataSet): string {
  return [...openDataCsvPieces(data)].join('');
}
