/**
 * The normaliser of each document type: turns one checked raw document into the data its
 * collection stores (`schemas.ts`), or leaves it out with a problem. Required fields beyond
 * those the check stage reads (`REQUIRED_FIELDS`, the case's required sections) and the field
 * rules of `content-schemas/validation.ts` are applied here, as each field is read.
 */
import { CASE_SECTIONS } from '../../../content-schemas/case-sections.ts';
import { getDocumentPath } from '../../../content-schemas/routes.ts';
import {
  checkEmail,
  checkExcerpt,
  checkPhone,
  checkStatus,
  isValidDate,
  REQUIRED_FIELDS,
} from '../../../content-schemas/validation.ts';
import type { ArticleCollection, DocumentCollection } from '../collections.ts';
import {
  asString,
  PASS_ONE_FIELDS,
  type AcceptedDocument,
  type Target,
} from '../check/check-documents.ts';
import type { ProblemRecorder } from '../problems.ts';
import type { RawDocumentOf } from '../query/run-queries.ts';
import { asRecords, asStrings, type FieldReader } from './fields.ts';
import {
  isStatus,
  type Block,
  type CaseStudyData,
  type PageData,
  type PersonData,
  type PostData,
  type ProjectStoryData,
  type Status,
  type TermData,
} from './schemas.ts';

/** The data of one normalised document, by collection. */
export interface DocumentDataOf {
  post: PostData;
  projectStory: ProjectStoryData;
  caseStudy: CaseStudyData;
  person: PersonData;
  topic: TermData;
  serviceArea: TermData;
  page: PageData;
}

/** What normalising one document needs besides the document. */
export interface NormaliseContext {
  fields: FieldReader;
  /** The organisation the site settings name: a case's municipality when it names none. */
  organization: string;
}

const CHECKED_FIELDS: ReadonlySet<string> = new Set(PASS_ONE_FIELDS);

/** The required fields of each type that the check stage does not read, in the order checked. */
const REQUIRED_HERE: Readonly<Record<DocumentCollection, readonly string[]>> = {
  post: REQUIRED_FIELDS.post.filter((field) => !CHECKED_FIELDS.has(field)),
  projectStory: REQUIRED_FIELDS.projectStory.filter((field) => !CHECKED_FIELDS.has(field)),
  caseStudy: [
    ...REQUIRED_FIELDS.caseStudy.filter((field) => !CHECKED_FIELDS.has(field)),
    ...CASE_SECTIONS.filter((section) => section.required).map((section) => section.field),
  ],
  person: REQUIRED_FIELDS.person.filter((field) => !CHECKED_FIELDS.has(field)),
  topic: REQUIRED_FIELDS.topic.filter((field) => !CHECKED_FIELDS.has(field)),
  serviceArea: REQUIRED_FIELDS.serviceArea.filter((field) => !CHECKED_FIELDS.has(field)),
  page: REQUIRED_FIELDS.page.filter((field) => !CHECKED_FIELDS.has(field)),
};

/** Whether a required field counts as missing: absent, blank text or an empty list. */
function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** The first required field the document lacks, of those this stage checks. */
function findMissingField(type: DocumentCollection, doc: object): string | undefined {
  return REQUIRED_HERE[type].find((field) => isMissing((doc as Record<string, unknown>)[field]));
}

/**
 * When a document was last changed: its `_updatedAt`, or, when that is missing or not a
 * date (an edited export), `fallback` with a warning. Pages, search and feeds read it as a date.
 */
function readUpdatedAt(
  doc: { _updatedAt?: unknown },
  check: ProblemRecorder,
  fallback: string,
): string {
  const updatedAt = asString(doc._updatedAt);
  if (updatedAt !== undefined && isValidDate(updatedAt)) return updatedAt;
  check.warn(
    '_updatedAt',
    `is ${updatedAt === undefined ? 'missing' : `«${updatedAt}», not a date`}; ${fallback} is used`,
  );
  return fallback;
}

/** Stands in for a missing `_updatedAt` of a document without a publication date. */
const UNKNOWN_UPDATE = '1970-01-01T00:00:00Z';

/** The fields every document's data starts with. */
function normaliseBase(
  type: DocumentCollection,
  doc: RawDocumentOf<DocumentCollection>,
  target: Target,
  check: ProblemRecorder,
) {
  return {
    id: asString(doc._id) ?? '',
    rev: asString(doc._rev) ?? '',
    updatedAt: readUpdatedAt(doc, check, UNKNOWN_UPDATE),
    title: target.title,
    slug: target.slug,
    href: getDocumentPath(type, target.slug),
  };
}

/** The fields posts, project stories and cases share. */
function normaliseArticle(
  type: ArticleCollection,
  doc: RawDocumentOf<ArticleCollection>,
  target: Target,
  check: ProblemRecorder,
  { fields }: NormaliseContext,
): Omit<PostData, 'type'> {
  const language = fields.toLanguage(check, doc.language);
  let excerpt = asString(doc.excerpt);
  const excerptProblem = checkExcerpt(excerpt);
  if (excerptProblem) {
    check.warn('excerpt', excerptProblem);
    excerpt = undefined;
  }
  const mainImage = fields.toImage(check, 'mainImage', doc.mainImage);
  return {
    id: check.id,
    rev: asString(doc._rev) ?? '',
    updatedAt: readUpdatedAt(doc, check, new Date(asString(doc.publishedAt) ?? '').toISOString()),
    title: target.title,
    slug: target.slug,
    href: getDocumentPath(type, target.slug),
    ...(excerpt ? { excerpt } : {}),
    publishedAt: new Date(asString(doc.publishedAt) ?? '').toISOString(),
    language,
    authors: fields.toLinks(check, 'authors', doc.authors),
    topics: fields.toLinks(check, 'topics', doc.topics),
    serviceAreas: fields.toLinks(check, 'serviceAreas', doc.serviceAreas),
    ...(mainImage ? { mainImage } : {}),
    body: fields.toBlocks(check, 'body', doc.body),
    related: fields.toLinks(check, 'related', doc.related),
  };
}

/** The fields project stories and cases add; undefined (with a problem) for a bad status. */
function normaliseInitiative(
  doc: RawDocumentOf<'projectStory' | 'caseStudy'>,
  check: ProblemRecorder,
  { fields }: NormaliseContext,
) {
  const status = asString(doc.status);
  const statusProblem = checkStatus(status);
  if (status === undefined || statusProblem || !isStatus(status)) {
    return check.exclude('status', statusProblem ?? 'is missing; choose one in the Studio');
  }
  const contact = fields.toLink(check, 'contact', doc.contact);
  return {
    status: status satisfies Status,
    partners: asStrings(doc.partners),
    funding: asStrings(doc.funding),
    ...(contact ? { contact } : {}),
  };
}

function normalisePost(
  doc: RawDocumentOf<'post'>,
  target: Target,
  check: ProblemRecorder,
  context: NormaliseContext,
): PostData | undefined {
  const data = normaliseArticle('post', doc, target, check, context);
  // A body of nothing but images without alt text is empty once they are dropped.
  if (data.body.length === 0) return check.exclude('body', 'is empty; a post needs body text');
  return { ...data, type: 'post' };
}

function normaliseProjectStory(
  doc: RawDocumentOf<'projectStory'>,
  target: Target,
  check: ProblemRecorder,
  context: NormaliseContext,
): ProjectStoryData | undefined {
  const data = normaliseArticle('projectStory', doc, target, check, context);
  const extra = normaliseInitiative(doc, check, context);
  if (!extra) return undefined;
  const startDate = asString(doc.startDate);
  const endDate = asString(doc.endDate);
  return {
    ...data,
    ...extra,
    type: 'projectStory',
    ...(startDate ? { startDate } : {}),
    ...(endDate ? { endDate } : {}),
    updates: asRecords(doc.updates).flatMap((update, index) => {
      const date = asString(update['date']);
      const title = asString(update['title']);
      if (!date || !title || !isValidDate(date)) {
        check.warn(`updates[${index}]`, 'needs a valid date and a title');
        return [];
      }
      const text = asString(update['text']);
      return [
        { key: asString(update['_key']) ?? String(index), date, title, ...(text ? { text } : {}) },
      ];
    }),
  };
}

/** A case's sections, in the order of `CASE_SECTIONS`; undefined when a required one is empty. */
function normaliseCaseSections(
  doc: RawDocumentOf<'caseStudy'>,
  check: ProblemRecorder,
  { fields }: NormaliseContext,
): Record<string, Block[] | string> | undefined {
  const sections: Record<string, Block[] | string> = {};
  for (const section of CASE_SECTIONS) {
    const value = doc[section.field];
    if (section.kind === 'text') {
      const text = asString(value);
      if (text) sections[section.field] = text;
      continue;
    }
    const blocks = fields.toBlocks(check, section.field, value);
    if (section.required && blocks.length === 0) {
      return check.exclude(section.field, `is empty; a case must have «${section.heading}»`);
    }
    sections[section.field] = blocks;
  }
  return sections;
}

function normaliseCaseStudy(
  doc: RawDocumentOf<'caseStudy'>,
  target: Target,
  check: ProblemRecorder,
  context: NormaliseContext,
): CaseStudyData | undefined {
  const data = normaliseArticle('caseStudy', doc, target, check, context);
  const extra = normaliseInitiative(doc, check, context);
  if (!extra) return undefined;
  const sections = normaliseCaseSections(doc, check, context);
  if (!sections) return undefined;
  const sdgs = Array.isArray(doc.sdgs) ? doc.sdgs : [];
  const validSdgs = sdgs.filter(
    (goal): goal is number =>
      typeof goal === 'number' && Number.isInteger(goal) && goal >= 1 && goal <= 17,
  );
  if (validSdgs.length !== sdgs.length) {
    check.warn('sdgs', 'holds values that are not whole numbers from 1 to 17');
  }
  return {
    ...data,
    ...extra,
    type: 'caseStudy',
    municipality: asString(doc.municipality) ?? context.organization,
    // The sections' shape is `caseSectionsShape` in schemas.ts, built from the same list.
    ...(sections as Pick<CaseStudyData, (typeof CASE_SECTIONS)[number]['field']>),
    sdgs: [...new Set(validSdgs)].sort((a, b) => a - b),
    awards: asRecords(doc.awards).flatMap((award, index) => {
      const year = award['year'];
      const category = asString(award['category']);
      const outcome = award['result'];
      if (
        typeof year !== 'number' ||
        !Number.isInteger(year) ||
        !category ||
        (outcome !== 'winner' && outcome !== 'nominee')
      ) {
        check.warn(`awards[${index}]`, 'needs a year, a category and a result (winner or nominee)');
        return [];
      }
      return [{ year, category, result: outcome }];
    }),
  };
}

function normalisePerson(
  doc: RawDocumentOf<'person'>,
  target: Target,
  check: ProblemRecorder,
  { fields }: NormaliseContext,
): PersonData {
  // The Studio promises that a portrait without alt text is described by the name.
  const image = fields.toImage(check, 'image', doc.image, target.title);
  const role = asString(doc.role);
  const unit = asString(doc.unit);
  const bio = asString(doc.bio);
  let email = asString(doc.email);
  const emailProblem = checkEmail(email);
  if (emailProblem) {
    check.warn('email', emailProblem);
    email = undefined;
  }
  // The Studio's rule (content-schemas/validation.ts): a malformed number is dropped, not shown.
  const phoneProblem = checkPhone(doc.phone);
  if (phoneProblem) check.warn('phone', phoneProblem);
  const phone = phoneProblem ? undefined : asString(doc.phone);
  return {
    ...normaliseBase('person', doc, target, check),
    type: 'person',
    ...(role ? { role } : {}),
    ...(unit ? { unit } : {}),
    ...(image ? { image } : {}),
    ...(bio ? { bio } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
  };
}

function normaliseTerm(
  type: 'topic' | 'serviceArea',
  doc: RawDocumentOf<'topic' | 'serviceArea'>,
  target: Target,
  check: ProblemRecorder,
): TermData {
  const description = asString(doc.description);
  return {
    ...normaliseBase(type, doc, target, check),
    type,
    ...(description ? { description } : {}),
  };
}

function normalisePage(
  doc: RawDocumentOf<'page'>,
  target: Target,
  check: ProblemRecorder,
  { fields }: NormaliseContext,
): PageData {
  return {
    ...normaliseBase('page', doc, target, check),
    type: 'page',
    language: fields.toLanguage(check, doc.language),
    body: fields.toBlocks(check, 'body', doc.body),
  };
}

/** One normalised document, tagged with its collection. */
export type NormalisedDocument = {
  [C in DocumentCollection]: { type: C; data: DocumentDataOf[C] };
}[DocumentCollection];

/**
 * Normalises one checked document: its data, or undefined when it is left out (the
 * problem is recorded). Required fields are checked first.
 */
export function normaliseDocument(
  accepted: AcceptedDocument,
  target: Target,
  check: ProblemRecorder,
  context: NormaliseContext,
): NormalisedDocument | undefined {
  const missing = findMissingField(accepted.type, accepted.doc);
  if (missing !== undefined) return check.exclude(missing, 'is missing; fill it in in the Studio');
  const tag = <C extends DocumentCollection>(type: C, data: DocumentDataOf[C] | undefined) =>
    data === undefined ? undefined : ({ type, data } as NormalisedDocument);
  switch (accepted.type) {
    case 'post':
      return tag('post', normalisePost(accepted.doc, target, check, context));
    case 'projectStory':
      return tag('projectStory', normaliseProjectStory(accepted.doc, target, check, context));
    case 'caseStudy':
      return tag('caseStudy', normaliseCaseStudy(accepted.doc, target, check, context));
    case 'person':
      return tag('person', normalisePerson(accepted.doc, target, check, context));
    case 'topic':
    case 'serviceArea':
      return tag(accepted.type, normaliseTerm(accepted.type, accepted.doc, target, check));
    case 'page':
      return tag('page', normalisePage(accepted.doc, target, check, context));
  }
}
