/**
 * The check stage: decides which documents can be published at all, before any is
 * normalised, so that references can be resolved against them. A document is left out
 * when a rule of `content-schemas/validation.ts` refuses its title, slug or publication
 * time (the rules the Studio runs too), when one of these is missing, or while its
 * `publishedAt` is in the future; two documents of one type with one slug stop the build.
 *
 * Only the fields an incremental load keeps of every document are read here (`PASS_ONE_FIELDS`);
 * the rules for the other fields apply as the normaliser reads them.
 */
import {
  checkDateTime,
  checkPageSlug,
  checkSlug,
  checkTitle,
} from '../../../content-schemas/validation.ts';
import {
  DOCUMENT_COLLECTIONS,
  isArticleCollection,
  type DocumentCollection,
} from '../collections.ts';
import {
  DuplicateSlugError,
  ProblemRecorder,
  type ContentProblem,
  type DocumentOutcome,
} from '../problems.ts';
import type { AnyRawDocument, RawCollections, RawDocumentOf } from '../query/run-queries.ts';

/** The fields this stage reads: all an incremental load keeps of a document it does not read again. */
export const PASS_ONE_FIELDS = ['_id', 'title', 'name', 'slug', 'publishedAt'] as const;

/** A published, linkable document, keyed by `_id` for reference resolution. */
export interface Target {
  type: DocumentCollection;
  title: string;
  slug: string;
}

/** A document that passed the check, with the collection it belongs to. */
export type AcceptedDocument = {
  [C in DocumentCollection]: { type: C; doc: RawDocumentOf<C> };
}[DocumentCollection];

/** What the check stage hands on to the normaliser. */
export interface CheckedContent {
  /** The publishable documents, collection by collection, in the order of the export. */
  accepted: AcceptedDocument[];
  /** Every publishable document by `_id`: what a link to it needs. */
  targets: Map<string, Target>;
  /** The problems found so far; the normaliser adds its own. */
  problems: ContentProblem[];
  /** Documents not published yet because their `publishedAt` is in the future. */
  scheduled: number;
  /** The earliest `publishedAt` (ISO) among the scheduled documents, if any. */
  nextScheduledAt: string | undefined;
}

/** Reads a non-blank string, or undefined for anything else. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The title and slug of a document that passed the check, or undefined when it was left out. */
function checkIdentity(
  type: DocumentCollection,
  doc: AnyRawDocument,
  check: ProblemRecorder,
): { title: string; slug: string } | undefined {
  const titleField = type === 'person' ? 'name' : 'title';
  const title = asString('name' in doc ? doc.name : 'title' in doc ? doc.title : undefined);
  if (!title) return check.exclude(titleField, 'is missing; every document needs one to be shown');
  const titleProblem = type === 'person' ? undefined : checkTitle(title);
  if (titleProblem) return check.exclude('title', titleProblem);
  const slug = asString(doc.slug);
  if (!slug) return check.exclude('slug', 'is missing; generate it from the title in the Studio');
  const slugProblem = checkSlug(slug) ?? (type === 'page' ? checkPageSlug(slug) : undefined);
  if (slugProblem) return check.exclude('slug', slugProblem);
  return { title, slug };
}

/** An article's publication time in milliseconds, or undefined when it was left out. */
function checkPublishTime(doc: AnyRawDocument, check: ProblemRecorder): number | undefined {
  const publishedAt = asString('publishedAt' in doc ? doc.publishedAt : undefined);
  if (!publishedAt) return check.exclude('publishedAt', 'is missing; set the publication date');
  const dateProblem = checkDateTime(publishedAt);
  if (dateProblem) return check.exclude('publishedAt', dateProblem);
  return Date.parse(publishedAt);
}

/**
 * Checks every document of `raw` at `now`. With `outcomes`, records each document's
 * outcome by `_id` (an incremental load keeps them).
 */
export function checkDocuments(
  raw: RawCollections,
  options: { now: Date; outcomes?: Map<string, DocumentOutcome> | undefined },
): CheckedContent {
  const now = options.now.getTime();
  const problems: ContentProblem[] = [];
  const targets = new Map<string, Target>();
  const accepted: AcceptedDocument[] = [];
  const slugOwners = new Map<string, string>();
  let scheduled = 0;
  let nextScheduled = Infinity;

  for (const type of DOCUMENT_COLLECTIONS) {
    for (const doc of raw[type]) {
      const id = asString(doc._id) ?? '(no _id)';
      const check = new ProblemRecorder(id, type, problems);
      const outcome: DocumentOutcome = {
        checked: false,
        publishTime: undefined,
        published: false,
        problems: [],
        linkProblems: [],
      };
      options.outcomes?.set(id, outcome);
      const identity = checkIdentity(type, doc, check);
      if (!identity) continue;
      if (isArticleCollection(type)) {
        const publishTime = checkPublishTime(doc, check);
        if (publishTime === undefined) continue;
        outcome.checked = true;
        outcome.publishTime = publishTime;
        if (publishTime > now) {
          scheduled += 1;
          nextScheduled = Math.min(nextScheduled, publishTime);
          continue;
        }
      }
      outcome.checked = true;
      const slugKey = `${type}/${identity.slug}`;
      const owner = slugOwners.get(slugKey);
      if (owner !== undefined) {
        throw new DuplicateSlugError(
          `Two ${type} documents have the slug "${identity.slug}": "${owner}" and "${id}". ` +
            'Give one of them another slug in the Studio; the URL must lead to one document.',
        );
      }
      slugOwners.set(slugKey, id);
      targets.set(id, { type, ...identity });
      accepted.push({ type, doc });
    }
  }

  const nextScheduledAt = Number.isFinite(nextScheduled)
    ? new Date(nextScheduled).toISOString()
    : undefined;
  return { accepted, targets, problems, scheduled, nextScheduledAt };
}
