/**
 * The normalise stage: turns the checked documents into the site's content — each document
 * normalised (`documents.ts`), links to documents left out on the way dropped, and the site
 * settings filled in with defaults. An incremental load passes the ids of documents whose
 * stored entries are still right; they are listed in `reused` instead of normalised again.
 */
import {
  DOCUMENT_COLLECTIONS,
  isArticleCollection,
  type DocumentCollection,
} from '../collections.ts';
import {
  ProblemRecorder,
  type ContentProblem,
  type DocumentOutcome,
  type ReusedDocument,
} from '../problems.ts';
import {
  checkEmail,
  checkNetworkUrl,
  checkNominationWindow,
  checkOrganizationNumber,
  checkUrl,
  LIMITS,
  toOrganizationNumber,
} from '../../../content-schemas/validation.ts';
import type { RawCollections } from '../query/run-queries.ts';
import { asString, type CheckedContent, type Target } from '../check/check-documents.ts';
import { createFieldReader, isRecord } from './fields.ts';
import { normaliseDocument, type DocumentDataOf } from './documents.ts';
import type { CdnTarget } from './images.ts';
import type { ArticleData, DocumentLink, SiteSettingsData } from './schemas.ts';

/** Everything the site publishes, validated and with references resolved, by collection. */
export type SiteContent = {
  [C in DocumentCollection]: DocumentDataOf[C][];
} & {
  siteSettings: SiteSettingsData;
  problems: ContentProblem[];
  /** Documents not published yet because their `publishedAt` is in the future. */
  scheduled: number;
  /**
   * The earliest `publishedAt` (ISO) among the scheduled documents: from then on this
   * content is out of date, since that document must appear. Undefined when none waits.
   */
  nextScheduledAt: string | undefined;
  /**
   * Ids of documents published as they were at the last load, by collection, whose entries
   * are kept as stored instead of being listed above (an incremental load; see
   * `incremental.ts`). Undefined for a full load.
   */
  reused?: Readonly<Record<DocumentCollection, readonly string[]>>;
};

/** How normalising works with an incremental load. */
export interface IncrementalOptions {
  /**
   * Documents whose stored entries are still right, by `_id`: their raw form needs only
   * the fields the check stage reads (`PASS_ONE_FIELDS`); if they pass it they are listed
   * in `reused` with these problems, not normalised.
   */
  reuse?: ReadonlyMap<string, ReusedDocument>;
  /** Filled with the outcome of every document normalised (or left out) here, by `_id`. */
  outcomes?: Map<string, DocumentOutcome>;
}

/** Site settings used when the singleton is missing or a field is empty. */
export const DEFAULT_SITE_SETTINGS: SiteSettingsData = {
  id: 'siteSettings',
  title: 'Tanketanken',
  description: 'Innovasjonsarbeid i kommunen: innlegg, prosjekter og innovasjonscaser.',
  organization: 'Kommunen',
  license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.no' },
  network: [],
};

/** Published articles in the order they were met: their data, or a reused one's problems. */
type ArticleInOrder = { data: ArticleData } | { kept: ReusedDocument };

/** The collections of many documents, empty. */
function createCollections(): { [C in DocumentCollection]: DocumentDataOf[C][] } {
  return {
    post: [],
    projectStory: [],
    caseStudy: [],
    person: [],
    topic: [],
    serviceArea: [],
    page: [],
  };
}

/**
 * Drops links to documents left out while normalising (they were linkable when checked),
 * with a warning each, from every article normalised here; a reused one's link problems are
 * those it had.
 */
function dropLinksToLeftOut(
  articles: readonly ArticleInOrder[],
  published: ReadonlySet<string>,
  problems: ContentProblem[],
  outcomes: Map<string, DocumentOutcome> | undefined,
): void {
  const keepPublished = (
    owner: { id: string; type: string },
    field: string,
    links: DocumentLink[],
  ) =>
    links.filter((link) => {
      if (published.has(link.id)) return true;
      problems.push({
        id: owner.id,
        type: owner.type,
        field,
        reason: `refers to "${link.id}", which was left out`,
        excluded: false,
      });
      return false;
    });
  for (const item of articles) {
    if ('kept' in item) {
      problems.push(...item.kept.linkProblems);
      continue;
    }
    const doc = item.data;
    const firstProblem = problems.length;
    doc.authors = keepPublished(doc, 'authors', doc.authors);
    doc.topics = keepPublished(doc, 'topics', doc.topics);
    doc.serviceAreas = keepPublished(doc, 'serviceAreas', doc.serviceAreas);
    doc.related = keepPublished(doc, 'related', doc.related);
    if (doc.type !== 'post' && doc.contact && !published.has(doc.contact.id)) {
      keepPublished(doc, 'contact', [doc.contact]);
      delete doc.contact;
    }
    const outcome = outcomes?.get(doc.id);
    if (outcome) outcome.linkProblems = problems.slice(firstProblem);
  }
}

/** The settings' organisation number as nine digits, or undefined (with a warning) when it is wrong. */
function readOrganizationNumber(check: ProblemRecorder, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const problem = checkOrganizationNumber(value);
  if (problem !== undefined) {
    check.warn('organizationNumber', `${problem} (left out of the data catalogue)`);
    return undefined;
  }
  return typeof value === 'string' ? toOrganizationNumber(value) : undefined;
}

/**
 * The settings' network: each site with a name and a sound address, once per address, at
 * most `LIMITS.networkMax`; the rest is dropped with a warning naming the entry.
 */
function readNetwork(check: ProblemRecorder, value: unknown): { name: string; url: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    check.warn('network', 'not a list of sites (left out)');
    return [];
  }
  const sites: { name: string; url: string }[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of (value as unknown[]).entries()) {
    const field = `network[${index}]`;
    const name = isRecord(entry) ? asString(entry['name'])?.trim() : undefined;
    const url = isRecord(entry) ? asString(entry['url'])?.trim() : undefined;
    const problem = url ? checkNetworkUrl(url) : 'no address';
    if (!name) {
      check.warn(field, 'no name (left out of the network)');
    } else if (!url || problem) {
      check.warn(`${field}.url`, `${problem ?? 'no address'} (left out of the network)`);
    } else if (seen.has(new URL(url).href)) {
      check.warn(`${field}.url`, `${url} is listed twice (left out of the network)`);
    } else if (sites.length >= LIMITS.networkMax) {
      check.warn(field, `more than ${LIMITS.networkMax} sites (left out of the network)`);
    } else {
      seen.add(new URL(url).href);
      sites.push({ name, url: new URL(url).href });
    }
  }
  return sites;
}

/**
 * A text field that passes its rule from `content-schemas/validation.ts`, or undefined:
 * when it is missing, or when it breaks the rule (then with a warning naming the field).
 */
function readChecked(
  check: ProblemRecorder,
  field: string,
  value: unknown,
  rule: (value: string) => string | undefined,
): string | undefined {
  const text = asString(value);
  if (text === undefined) return undefined;
  const problem = rule(text);
  if (problem === undefined) return text;
  check.warn(field, problem);
  return undefined;
}

/** The site settings, with defaults for what is missing; a statement link only to a published page. */
function normaliseSiteSettings(
  settings: RawCollections['siteSettings'],
  targets: ReadonlyMap<string, Target>,
  published: ReadonlySet<string>,
  problems: ContentProblem[],
  cdn: CdnTarget | undefined,
): SiteSettingsData {
  const check = new ProblemRecorder('siteSettings', 'siteSettings', problems);
  const statement = settings
    ? createFieldReader(targets, cdn).toLink(
        check,
        'accessibilityStatement',
        settings.accessibilityStatement,
      )
    : undefined;
  const license = isRecord(settings?.license) ? settings.license : undefined;
  const contactEmail = readChecked(check, 'contactEmail', settings?.contactEmail, checkEmail);
  const organizationNumber = readOrganizationNumber(check, settings?.organizationNumber);
  const feedbackUrl = readChecked(check, 'feedbackUrl', settings?.feedbackUrl, (url) =>
    checkUrl(url, 'feedback'),
  );
  const licenseUrl = readChecked(check, 'license.url', license?.url, (url) =>
    checkUrl(url, 'license'),
  );
  const window = isRecord(settings?.nominationWindow) ? settings.nominationWindow : undefined;
  const windowProblem = checkNominationWindow(window);
  if (windowProblem) check.warn('nominationWindow', `${windowProblem} The form stays closed.`);
  const opens = asString(window?.opens);
  const closes = asString(window?.closes);
  const data: SiteSettingsData = {
    id: 'siteSettings',
    title: asString(settings?.title) ?? DEFAULT_SITE_SETTINGS.title,
    description: asString(settings?.description) ?? DEFAULT_SITE_SETTINGS.description,
    organization: asString(settings?.organization) ?? DEFAULT_SITE_SETTINGS.organization,
    license: {
      name: asString(license?.name) ?? DEFAULT_SITE_SETTINGS.license.name,
      url: licenseUrl ?? DEFAULT_SITE_SETTINGS.license.url,
    },
    ...(organizationNumber ? { organizationNumber } : {}),
    ...(contactEmail ? { contactEmail } : {}),
    ...(statement && published.has(statement.id) ? { accessibilityStatement: statement } : {}),
    ...(feedbackUrl ? { feedbackUrl } : {}),
    network: readNetwork(check, settings?.network),
    ...(opens && closes && !windowProblem ? { nominationWindow: { opens, closes } } : {}),
  };
  if (!settings) check.warn('_id', 'no published document "siteSettings"; using defaults');
  return data;
}

/** Normalises the checked content (see the module comment). */
export function normaliseSiteContent(
  checked: CheckedContent,
  settings: RawCollections['siteSettings'],
  cdn: CdnTarget | undefined,
  incremental: IncrementalOptions = {},
): SiteContent {
  const { reuse, outcomes } = incremental;
  const { targets, problems } = checked;
  const context = {
    fields: createFieldReader(targets, cdn),
    organization: asString(settings?.organization) ?? DEFAULT_SITE_SETTINGS.organization,
  };
  const collections = createCollections();
  const reused = Object.fromEntries(
    DOCUMENT_COLLECTIONS.map((name) => [name, [] as string[]]),
  ) as Record<DocumentCollection, string[]>;
  const articles: ArticleInOrder[] = [];

  for (const accepted of checked.accepted) {
    const id = asString(accepted.doc._id) ?? '';
    const kept = reuse?.get(id);
    if (kept) {
      problems.push(...kept.problems);
      reused[accepted.type].push(id);
      if (isArticleCollection(accepted.type)) articles.push({ kept });
      continue;
    }
    const target = targets.get(id);
    if (!target) continue;
    const firstProblem = problems.length;
    const check = new ProblemRecorder(id, accepted.type, problems);
    const normalised = normaliseDocument(accepted, target, check, context);
    if (normalised) {
      // `data` is of `type`'s collection (`NormalisedDocument`); TypeScript cannot correlate the two.
      (collections[normalised.type] as DocumentDataOf[DocumentCollection][]).push(normalised.data);
      if (
        normalised.type === 'post' ||
        normalised.type === 'projectStory' ||
        normalised.type === 'caseStudy'
      ) {
        articles.push({ data: normalised.data });
      }
    }
    const outcome = outcomes?.get(id);
    if (outcome) {
      outcome.problems = problems.slice(firstProblem);
      outcome.published = normalised !== undefined;
    }
  }

  const published = new Set<string>();
  for (const name of DOCUMENT_COLLECTIONS) {
    for (const doc of collections[name]) published.add(doc.id);
    for (const id of reused[name]) published.add(id);
  }
  dropLinksToLeftOut(articles, published, problems, outcomes);
  const siteSettings = normaliseSiteSettings(settings, targets, published, problems, cdn);
  return {
    ...collections,
    siteSettings,
    problems,
    scheduled: checked.scheduled,
    nextScheduledAt: checked.nextScheduledAt,
    ...(reuse ? { reused } : {}),
  };
}
