/**
 * The boundary between Sanity and the site. Runs each collection's query once, checks
 * every document against the contract, resolves references through an id → document Map
 * and returns what can be published, with one problem per thing that could not.
 */
import { CASE_SECTIONS } from '../../content-schemas/case-sections.ts';
import { LANGUAGES } from '../../content-schemas/constants.ts';
import { getDocumentPath, type RoutableType } from '../../content-schemas/routes.ts';
import {
  checkDateTime,
  checkExcerpt,
  checkHref,
  checkAlt,
  checkLanguage,
  checkPageSlug,
  checkSlug,
  checkStatus,
  checkTitle,
  isValidDate,
  REQUIRED_FIELDS,
} from '../../content-schemas/validation.ts';
import type { QueryEngine } from './engine.ts';
import { parseImageAsset, type CdnTarget } from './images.ts';
import {
  caseStudiesQuery,
  pagesQuery,
  peopleQuery,
  postsQuery,
  projectStoriesQuery,
  serviceAreasQuery,
  siteSettingsQuery,
  topicsQuery,
} from './queries.ts';
import type {
  ArticleData,
  Block,
  CaseStudyData,
  DocumentLink,
  ImageData,
  PageData,
  PersonData,
  PostData,
  ProjectStoryData,
  SiteSettingsData,
  TermData,
} from './schemas.ts';

/** One thing wrong with one document, named so an editor can find and fix it. */
export interface ContentProblem {
  id: string;
  type: string;
  field: string;
  reason: string;
  /** Whether the whole document was left out (else only the field). */
  excluded: boolean;
}

/** Formats a problem as one log line: `post "abc" · slug: is missing`. */
export function formatProblem(problem: ContentProblem): string {
  const action = problem.excluded ? 'left out' : 'field dropped';
  return `${problem.type} "${problem.id}" · ${problem.field}: ${problem.reason} (${action})`;
}

/** Two documents of one type claim the same slug: the build must stop. */
export class DuplicateSlugError extends Error {
  override name = 'DuplicateSlugError';
}

/** Everything the site publishes, validated and with references resolved. */
export interface SiteContent {
  posts: PostData[];
  projectStories: ProjectStoryData[];
  caseStudies: CaseStudyData[];
  people: PersonData[];
  topics: TermData[];
  serviceAreas: TermData[];
  pages: PageData[];
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
  reused?: Readonly<Record<CollectionName, readonly string[]>>;
}

/** The keys of `SiteContent` that list documents of one type. */
export type CollectionName =
  'posts' | 'projectStories' | 'caseStudies' | 'people' | 'topics' | 'serviceAreas' | 'pages';

/** The collection each routable type's documents are listed in. */
export const COLLECTION_NAMES: Readonly<Record<RoutableType, CollectionName>> = {
  post: 'posts',
  projectStory: 'projectStories',
  caseStudy: 'caseStudies',
  person: 'people',
  topic: 'topics',
  serviceArea: 'serviceAreas',
  page: 'pages',
};

/**
 * What validating one document gave, apart from its data: enough for a later load to know,
 * without validating it again, whether it is published and which problems it has.
 */
export interface DocumentOutcome {
  /** Passed every check before the publication time (title, slug, a valid `publishedAt`). */
  checked: boolean;
  /** When it is published (articles only), as milliseconds since the epoch. */
  publishTime: number | undefined;
  /** Normalised and published (not left out in pass 2); false when it never got there. */
  published: boolean;
  /** The problems of pass 2 (normalising), in order. */
  problems: ContentProblem[];
  /** The problems of links to documents left out in pass 2, in order. */
  linkProblems: ContentProblem[];
}

/** The problems of a published document whose stored entry an incremental load keeps. */
export type ReusedDocument = Pick<DocumentOutcome, 'problems' | 'linkProblems'>;

/** How `buildSiteContent` works with an incremental load. */
export interface IncrementalOptions {
  /**
   * Documents whose stored entries are still right, by `_id`: their raw form needs only
   * the fields pass 1 reads (`_id`, `title`, `name`, `slug`, `publishedAt`); if they are
   * accepted in pass 1 they are listed in `reused` with these problems, not normalised.
   */
  reuse?: ReadonlyMap<string, ReusedDocument>;
  /** Filled with the outcome of every document normalised (or left out) here, by `_id`. */
  outcomes?: Map<string, DocumentOutcome>;
}

/** What loading needs besides the engine; the clock is a parameter so tests set it. */
export interface LoadOptions {
  now: Date;
  /** Project and dataset that Content Lake image references resolve to. */
  cdn: CdnTarget | undefined;
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const asRecords = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** Site settings used when the singleton is missing or a field is empty. */
export const DEFAULT_SITE_SETTINGS: SiteSettingsData = {
  id: 'siteSettings',
  title: 'Tanketanken',
  description: 'Innovasjonsarbeid i kommunen: innlegg, prosjekter og innovasjonscaser.',
  organization: 'Kommunen',
  license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.no' },
};

class Checker {
  readonly id: string;
  readonly type: string;
  private readonly sink: ContentProblem[];

  // Plain fields, not parameter properties: scripts run this file with Node's type stripping.
  constructor(id: string, type: string, sink: ContentProblem[]) {
    this.id = id;
    this.type = type;
    this.sink = sink;
  }

  /** Records a problem that drops only this field. */
  warn(field: string, reason: string): void {
    this.sink.push({ id: this.id, type: this.type, field, reason, excluded: false });
  }

  /** Records a problem that leaves the whole document out; returns undefined for chaining. */
  exclude(field: string, reason: string): undefined {
    this.sink.push({ id: this.id, type: this.type, field, reason, excluded: true });
    return undefined;
  }
}

const KNOWN_LANGUAGES = new Set<string>(LANGUAGES.map((language) => language.value));

/** A published, linkable document, keyed by `_id` for reference resolution. */
interface Target {
  type: RoutableType;
  title: string;
  slug: string;
}

/** The fields pass 1 checks (the ones an incremental load keeps of every document). */
const PASS_ONE_FIELDS: ReadonlySet<string> = new Set(['title', 'name', 'slug', 'publishedAt']);

/** Required fields checked in pass 2, by type: `REQUIRED_FIELDS` and the required case sections. */
const PASS_TWO_REQUIRED: Readonly<Record<RoutableType, readonly string[]>> = {
  post: REQUIRED_FIELDS.post.filter((field) => !PASS_ONE_FIELDS.has(field)),
  projectStory: REQUIRED_FIELDS.projectStory.filter((field) => !PASS_ONE_FIELDS.has(field)),
  caseStudy: [
    ...REQUIRED_FIELDS.caseStudy.filter((field) => !PASS_ONE_FIELDS.has(field)),
    ...CASE_SECTIONS.filter((section) => section.required).map((section) => section.field),
  ],
  person: REQUIRED_FIELDS.person.filter((field) => !PASS_ONE_FIELDS.has(field)),
  topic: REQUIRED_FIELDS.topic.filter((field) => !PASS_ONE_FIELDS.has(field)),
  serviceArea: REQUIRED_FIELDS.serviceArea.filter((field) => !PASS_ONE_FIELDS.has(field)),
  page: REQUIRED_FIELDS.page.filter((field) => !PASS_ONE_FIELDS.has(field)),
};

/** Whether a required field counts as missing: absent, blank text or an empty list. */
function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** Loads, checks and resolves all content with one query per collection. */
export async function loadSiteContent(
  engine: QueryEngine,
  options: LoadOptions,
): Promise<SiteContent> {
  return buildSiteContent(await queryRawCollections(engine), options);
}

/** Runs each collection's query once: the raw results, one array per type. */
export async function queryRawCollections(engine: QueryEngine): Promise<RawCollections> {
  const [posts, stories, cases, people, topics, areas, pages, settings] = await Promise.all([
    engine.fetch(postsQuery),
    engine.fetch(projectStoriesQuery),
    engine.fetch(caseStudiesQuery),
    engine.fetch(peopleQuery),
    engine.fetch(topicsQuery),
    engine.fetch(serviceAreasQuery),
    engine.fetch(pagesQuery),
    engine.fetch(siteSettingsQuery),
  ]);
  return {
    post: asRecords(posts),
    projectStory: asRecords(stories),
    caseStudy: asRecords(cases),
    person: asRecords(people),
    topic: asRecords(topics),
    serviceArea: asRecords(areas),
    page: asRecords(pages),
    siteSettings: isRecord(settings) ? settings : undefined,
  };
}

/** The raw query results, one array per type. */
export interface RawCollections {
  post: Raw[];
  projectStory: Raw[];
  caseStudy: Raw[];
  person: Raw[];
  topic: Raw[];
  serviceArea: Raw[];
  page: Raw[];
  siteSettings: Raw | undefined;
}

/** Pure core of `loadSiteContent`: checks and resolves raw query results. */
export function buildSiteContent(
  raw: RawCollections,
  options: LoadOptions,
  incremental: IncrementalOptions = {},
): SiteContent {
  const { reuse, outcomes } = incremental;
  const problems: ContentProblem[] = [];
  const now = options.now.getTime();
  let scheduled = 0;
  let nextScheduled = Infinity;

  // Pass 1: decide which documents are publishable, so references can be checked.
  const targets = new Map<string, Target>();
  const accepted: { type: RoutableType; doc: Raw }[] = [];
  const slugOwners = new Map<string, string>();

  const routable: [RoutableType, Raw[]][] = [
    ['post', raw.post],
    ['projectStory', raw.projectStory],
    ['caseStudy', raw.caseStudy],
    ['person', raw.person],
    ['topic', raw.topic],
    ['serviceArea', raw.serviceArea],
    ['page', raw.page],
  ];
  for (const [type, docs] of routable) {
    for (const doc of docs) {
      const id = asString(doc['_id']) ?? '(no _id)';
      const check = new Checker(id, type, problems);
      const outcome: DocumentOutcome = {
        checked: false,
        publishTime: undefined,
        published: false,
        problems: [],
        linkProblems: [],
      };
      outcomes?.set(id, outcome);
      const titleField = type === 'person' ? 'name' : 'title';
      const title = asString(doc[titleField]);
      const slug = asString(doc['slug']);
      if (!title) {
        check.exclude(titleField, 'is missing; every document needs one to be shown');
        continue;
      }
      const titleProblem = type === 'person' ? undefined : checkTitle(title);
      if (titleProblem) {
        check.exclude('title', titleProblem);
        continue;
      }
      if (!slug) {
        check.exclude('slug', 'is missing; generate it from the title in the Studio');
        continue;
      }
      const slugProblem = checkSlug(slug) ?? (type === 'page' ? checkPageSlug(slug) : undefined);
      if (slugProblem) {
        check.exclude('slug', slugProblem);
        continue;
      }
      if (type === 'post' || type === 'projectStory' || type === 'caseStudy') {
        const publishedAt = asString(doc['publishedAt']);
        if (!publishedAt) {
          check.exclude('publishedAt', 'is missing; set the publication date');
          continue;
        }
        const dateProblem = checkDateTime(publishedAt);
        if (dateProblem) {
          check.exclude('publishedAt', dateProblem);
          continue;
        }
        const publishTime = Date.parse(publishedAt);
        outcome.checked = true;
        outcome.publishTime = publishTime;
        if (publishTime > now) {
          scheduled += 1;
          nextScheduled = Math.min(nextScheduled, publishTime);
          continue;
        }
      }
      outcome.checked = true;
      const slugKey = `${type === 'page' ? 'page' : type}/${slug}`;
      const owner = slugOwners.get(slugKey);
      if (owner !== undefined) {
        throw new DuplicateSlugError(
          `Two ${type} documents have the slug "${slug}": "${owner}" and "${id}". ` +
            'Give one of them another slug in the Studio; the URL must lead to one document.',
        );
      }
      slugOwners.set(slugKey, id);
      targets.set(id, { type, title, slug });
      accepted.push({ type, doc });
    }
  }

  // Pass 2: normalise each accepted document, resolving references through `targets`.
  const toLink = (check: Checker, field: string, value: unknown): DocumentLink | undefined => {
    if (!isRecord(value)) return undefined;
    const ref = asString(value['_ref']);
    if (!ref) {
      check.warn(field, 'is a reference without _ref');
      return undefined;
    }
    const target = targets.get(ref);
    if (!target) {
      check.warn(field, `refers to "${ref}", which is missing or not published`);
      return undefined;
    }
    return {
      id: ref,
      type: target.type,
      title: target.title,
      slug: target.slug,
      href: getDocumentPath(target.type, target.slug),
    };
  };
  const toLinks = (check: Checker, field: string, value: unknown): DocumentLink[] =>
    asRecords(value).flatMap((item, index) => toLink(check, `${field}[${index}]`, item) ?? []);

  /** `fallbackAlt` stands in for a missing alt where the Studio says so (a portrait: the name). */
  const toImage = (
    check: Checker,
    field: string,
    value: unknown,
    fallbackAlt?: string,
  ): ImageData | undefined => {
    if (!isRecord(value)) return undefined;
    const asset = asString(value['asset']);
    if (!asset) return undefined;
    const parsed = parseImageAsset(asset, options.cdn);
    if (!parsed) {
      check.warn(field, `has an image asset "${asset}" in neither export nor Content Lake form`);
      return undefined;
    }
    const altProblem = fallbackAlt === undefined ? checkAlt(value['alt']) : undefined;
    if (altProblem) {
      check.warn(`${field}.alt`, altProblem);
      return undefined;
    }
    const alt = asString(value['alt']) ?? fallbackAlt ?? '';
    const caption = asString(value['caption']);
    const credit = asString(value['credit']);
    return { ...parsed, alt, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
  };

  const toBlocks = (check: Checker, field: string, value: unknown): Block[] =>
    asRecords(value).flatMap((block, index): Block[] => {
      const type = asString(block['_type']);
      if (!type) {
        check.warn(`${field}[${index}]`, 'is a block without _type');
        return [];
      }
      if (type === 'image') {
        const image = toImage(check, `${field}[${index}]`, block);
        return image
          ? [{ _type: 'image', _key: asString(block['_key']) ?? `img${index}`, ...image }]
          : [];
      }
      if (type !== 'block') return [block as Block];
      const markDefs = asRecords(block['markDefs']).map((markDef) => {
        if (markDef['_type'] === 'link') {
          const hrefProblem = checkHref(markDef['href']);
          if (!hrefProblem) return markDef;
          // A link the Studio would refuse renders as plain text: keep the mark, drop the target.
          check.warn(`${field}[${index}].markDefs`, hrefProblem);
          return { _type: 'link', _key: markDef['_key'] };
        }
        if (markDef['_type'] !== 'internalLink') return markDef;
        const link = toLink(check, `${field}[${index}].markDefs`, markDef['reference']);
        // An unresolved internal link renders as plain text: keep the mark, drop the target.
        return {
          _type: 'internalLink',
          _key: markDef['_key'],
          ...(link ? { href: link.href } : {}),
        };
      });
      return [{ ...block, _type: 'block', markDefs }];
    });

  /** The document's language; one the site does not have is shown as bokmål, with a warning. */
  const toLanguage = (check: Checker, doc: Raw): PostData['language'] => {
    const language = asString(doc['language']) ?? 'nb';
    const languageProblem = checkLanguage(language);
    if (languageProblem) check.warn('language', `${languageProblem} Vises som bokmål.`);
    return KNOWN_LANGUAGES.has(language) ? (language as PostData['language']) : 'nb';
  };

  const article = (type: 'post' | 'projectStory' | 'caseStudy', doc: Raw, check: Checker) => {
    const target = targets.get(check.id);
    if (!target) return undefined;
    const language = toLanguage(check, doc);
    let excerpt = asString(doc['excerpt']);
    const excerptProblem = checkExcerpt(excerpt);
    if (excerptProblem) {
      check.warn('excerpt', excerptProblem);
      excerpt = undefined;
    }
    const mainImage = toImage(check, 'mainImage', doc['mainImage']);
    return {
      id: check.id,
      rev: asString(doc['_rev']) ?? '',
      updatedAt: asString(doc['_updatedAt']) ?? asString(doc['publishedAt']) ?? '',
      title: target.title,
      slug: target.slug,
      href: getDocumentPath(type, target.slug),
      ...(excerpt ? { excerpt } : {}),
      publishedAt: new Date(asString(doc['publishedAt']) ?? '').toISOString(),
      language,
      authors: toLinks(check, 'authors', doc['authors']),
      topics: toLinks(check, 'topics', doc['topics']),
      serviceAreas: toLinks(check, 'serviceAreas', doc['serviceAreas']),
      ...(mainImage ? { mainImage } : {}),
      body: toBlocks(check, 'body', doc['body']),
      related: toLinks(check, 'related', doc['related']),
    } satisfies Omit<PostData, 'type'>;
  };

  const initiative = (doc: Raw, check: Checker) => {
    const status = asString(doc['status']);
    const statusProblem = checkStatus(status);
    if (!status || statusProblem) {
      return check.exclude('status', statusProblem ?? 'is missing; choose one in the Studio');
    }
    const contact = toLink(check, 'contact', doc['contact']);
    return {
      status: status as ProjectStoryData['status'],
      partners: asStrings(doc['partners']),
      funding: asStrings(doc['funding']),
      ...(contact ? { contact } : {}),
    };
  };

  const result: Omit<SiteContent, 'siteSettings' | 'problems' | 'scheduled' | 'nextScheduledAt'> = {
    posts: [],
    projectStories: [],
    caseStudies: [],
    people: [],
    topics: [],
    serviceAreas: [],
    pages: [],
  };

  const reused = Object.fromEntries(
    Object.values(COLLECTION_NAMES).map((name) => [name, [] as string[]]),
  ) as Record<CollectionName, string[]>;
  /** Published articles in the order pass 2 met them: their data, or a reused one's problems. */
  const articleOrder: ({ data: ArticleData } | { kept: ReusedDocument })[] = [];
  const isArticle = (type: RoutableType) =>
    type === 'post' || type === 'projectStory' || type === 'caseStudy';

  for (const { type, doc } of accepted) {
    const id = asString(doc['_id']) ?? '';
    const kept = reuse?.get(id);
    if (kept) {
      problems.push(...kept.problems);
      reused[COLLECTION_NAMES[type]].push(id);
      if (isArticle(type)) articleOrder.push({ kept });
      continue;
    }
    const check = new Checker(id, type, problems);
    const target = targets.get(id);
    if (!target) continue;
    const firstProblem = problems.length;
    const missing = PASS_TWO_REQUIRED[type].find((field) => isMissing(doc[field]));
    const collection: { id: string }[] = result[COLLECTION_NAMES[type]];
    const before = collection.length;
    const base = {
      id,
      rev: asString(doc['_rev']) ?? '',
      updatedAt: asString(doc['_updatedAt']) ?? '',
      title: target.title,
      slug: target.slug,
      href: getDocumentPath(type, target.slug),
    };
    if (missing !== undefined) check.exclude(missing, 'is missing; fill it in in the Studio');
    else
      switch (type) {
        case 'post': {
          const data = article('post', doc, check);
          if (!data) break;
          if (data.body.length === 0) {
            check.exclude('body', 'is empty; a post needs body text');
            break;
          }
          result.posts.push({ ...data, type: 'post' });
          break;
        }
        case 'projectStory': {
          const data = article('projectStory', doc, check);
          const extra = initiative(doc, check);
          if (!data || !extra) break;
          const startDate = asString(doc['startDate']);
          const endDate = asString(doc['endDate']);
          result.projectStories.push({
            ...data,
            ...extra,
            type: 'projectStory',
            ...(startDate ? { startDate } : {}),
            ...(endDate ? { endDate } : {}),
            updates: asRecords(doc['updates']).flatMap((update, index) => {
              const date = asString(update['date']);
              const title = asString(update['title']);
              if (!date || !title || !isValidDate(date)) {
                check.warn(`updates[${index}]`, 'needs a valid date and a title');
                return [];
              }
              const text = asString(update['text']);
              return [
                {
                  key: asString(update['_key']) ?? String(index),
                  date,
                  title,
                  ...(text ? { text } : {}),
                },
              ];
            }),
          });
          break;
        }
        case 'caseStudy': {
          const data = article('caseStudy', doc, check);
          const extra = initiative(doc, check);
          if (!data || !extra) break;
          const problem = toBlocks(check, 'problem', doc['problem']);
          const solution = toBlocks(check, 'solution', doc['solution']);
          if (problem.length === 0) {
            check.exclude('problem', 'is empty; a case must describe the need');
            break;
          }
          if (solution.length === 0) {
            check.exclude('solution', 'is empty; a case must describe the solution');
            break;
          }
          const sdgs = Array.isArray(doc['sdgs']) ? doc['sdgs'] : [];
          const validSdgs = sdgs.filter(
            (goal): goal is number =>
              Number.isInteger(goal) && (goal as number) >= 1 && (goal as number) <= 17,
          );
          if (validSdgs.length !== sdgs.length) {
            check.warn('sdgs', 'holds values that are not whole numbers from 1 to 17');
          }
          const targetGroup = asString(doc['targetGroup']);
          const reuse = asString(doc['reuse']);
          const costs = asString(doc['costs']);
          result.caseStudies.push({
            ...data,
            ...extra,
            type: 'caseStudy',
            municipality:
              asString(doc['municipality']) ??
              asString(raw.siteSettings?.['organization']) ??
              DEFAULT_SITE_SETTINGS.organization,
            problem,
            ...(targetGroup ? { targetGroup } : {}),
            solution,
            results: toBlocks(check, 'results', doc['results']),
            lessonsLearned: toBlocks(check, 'lessonsLearned', doc['lessonsLearned']),
            ...(reuse ? { reuse } : {}),
            ...(costs ? { costs } : {}),
            sdgs: [...new Set(validSdgs)].sort((a, b) => a - b),
            awards: asRecords(doc['awards']).flatMap((award, index) => {
              const year = award['year'];
              const category = asString(award['category']);
              const outcome = award['result'];
              if (
                !Number.isInteger(year) ||
                !category ||
                (outcome !== 'winner' && outcome !== 'nominee')
              ) {
                check.warn(
                  `awards[${index}]`,
                  'needs a year, a category and a result (winner or nominee)',
                );
                return [];
              }
              return [{ year: year as number, category, result: outcome }];
            }),
          });
          break;
        }
        case 'person': {
          // The Studio promises that a portrait without alt text is described by the name.
          const image = toImage(check, 'image', doc['image'], target.title);
          const role = asString(doc['role']);
          const unit = asString(doc['unit']);
          const bio = asString(doc['bio']);
          const email = asString(doc['email']);
          result.people.push({
            ...base,
            type: 'person',
            ...(role ? { role } : {}),
            ...(unit ? { unit } : {}),
            ...(image ? { image } : {}),
            ...(bio ? { bio } : {}),
            ...(email ? { email } : {}),
          });
          break;
        }
        case 'topic':
        case 'serviceArea': {
          const description = asString(doc['description']);
          (type === 'topic' ? result.topics : result.serviceAreas).push({
            ...base,
            type,
            ...(description ? { description } : {}),
          });
          break;
        }
        case 'page': {
          result.pages.push({
            ...base,
            type: 'page',
            language: toLanguage(check, doc),
            body: toBlocks(check, 'body', doc['body']),
          });
          break;
        }
      }
    const isPublished = collection.length > before;
    const outcome = outcomes?.get(id);
    if (outcome) {
      outcome.problems = problems.slice(firstProblem);
      outcome.published = isPublished;
    }
    if (isPublished && isArticle(type)) {
      articleOrder.push({ data: collection[collection.length - 1] as ArticleData });
    }
  }

  // A document left out in pass 2 cannot be linked to; drop links to it with a warning.
  const published = new Set(
    [
      ...result.posts,
      ...result.projectStories,
      ...result.caseStudies,
      ...result.people,
      ...result.topics,
      ...result.serviceAreas,
      ...result.pages,
    ].map((doc) => doc.id),
  );
  for (const ids of Object.values(reused)) for (const id of ids) published.add(id);
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
  for (const item of articleOrder) {
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

  const settings = raw.siteSettings;
  const settingsCheck = new Checker('siteSettings', 'siteSettings', problems);
  const statement = settings
    ? toLink(settingsCheck, 'accessibilityStatement', settings['accessibilityStatement'])
    : undefined;
  const license = isRecord(settings?.['license']) ? settings['license'] : undefined;
  const contactEmail = asString(settings?.['contactEmail']);
  const feedbackUrl = asString(settings?.['feedbackUrl']);
  const siteSettings: SiteSettingsData = {
    id: 'siteSettings',
    title: asString(settings?.['title']) ?? DEFAULT_SITE_SETTINGS.title,
    description: asString(settings?.['description']) ?? DEFAULT_SITE_SETTINGS.description,
    organization: asString(settings?.['organization']) ?? DEFAULT_SITE_SETTINGS.organization,
    license: {
      name: asString(license?.['name']) ?? DEFAULT_SITE_SETTINGS.license.name,
      url: asString(license?.['url']) ?? DEFAULT_SITE_SETTINGS.license.url,
    },
    ...(contactEmail ? { contactEmail } : {}),
    ...(statement && published.has(statement.id) ? { accessibilityStatement: statement } : {}),
    ...(feedbackUrl ? { feedbackUrl } : {}),
  };
  if (!settings) {
    settingsCheck.warn('_id', 'no published document "siteSettings"; using defaults');
  }

  const nextScheduledAt = Number.isFinite(nextScheduled)
    ? new Date(nextScheduled).toISOString()
    : undefined;
  return {
    ...result,
    siteSettings,
    problems,
    scheduled,
    nextScheduledAt,
    ...(reuse ? { reused } : {}),
  };
}
