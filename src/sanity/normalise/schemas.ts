/**
 * The shapes the site reads, as zod schemas: what the loader stores for each collection
 * after validating and normalising Sanity's documents. Pages, feeds and search derive
 * their types from these (through `CollectionEntry`), never from hand-written interfaces.
 */
import { z } from 'astro/zod';
import { CASE_SECTIONS } from '../../../content-schemas/case-sections.ts';
import {
  AWARD_RESULTS,
  LANGUAGES,
  STATUSES,
  type Status,
} from '../../../content-schemas/constants.ts';

const values = <T extends readonly { value: string }[]>(list: T) =>
  list.map((item) => item.value) as unknown as [T[number]['value'], ...T[number]['value'][]];

/** `nb`, `nn` or `en`. */
export const languageSchema = z.enum(values(LANGUAGES));
/** One of the content model's status values. */
export const statusSchema = z.enum(values(STATUSES));

export type { Status };

/** Whether a string is one of the content model's status values. */
export function isStatus(value: string): value is Status {
  return statusSchema.safeParse(value).success;
}

/** An image in the one shape the site uses, from either Sanity form. */
export const imageSchema = z.object({
  /** Export file relative to the dataset folder (`./images/…`), or a Sanity CDN URL. */
  src: z.string(),
  kind: z.enum(['local', 'cdn']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z.string().min(1),
  caption: z.string().optional(),
  credit: z.string().optional(),
});

/** A resolved reference to a published document, with what a link to it needs. */
export const linkSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  slug: z.string(),
  href: z.string(),
});

/** A Portable Text block as stored (validated loosely; the renderer knows each type). */
export const blockSchema = z.looseObject({ _type: z.string(), _key: z.string().optional() });

/** Portable Text: an array of blocks. */
export const blockContentSchema = z.array(blockSchema);

/**
 * What the content layer stores of a Portable Text field: a reference to its blocks file
 * (see `store/blocks-file.ts`); the collection schema gives `images` their pipeline shape.
 */
export const blocksRefSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().nonnegative(),
  images: z.record(z.string(), blockSchema),
});

const baseFields = {
  id: z.string(),
  rev: z.string(),
  updatedAt: z.string(),
  title: z.string().min(1).max(120),
  slug: z.string().min(1),
  href: z.string(),
};

/** Fields shared by posts, project stories and cases. */
export const articleFields = {
  ...baseFields,
  excerpt: z.string().max(300).optional(),
  publishedAt: z.string(),
  language: languageSchema,
  authors: z.array(linkSchema),
  topics: z.array(linkSchema),
  serviceAreas: z.array(linkSchema),
  mainImage: imageSchema.optional(),
  body: blockContentSchema,
  related: z.array(linkSchema),
};

const initiativeFields = {
  status: statusSchema,
  partners: z.array(z.string()),
  funding: z.array(z.string()),
  contact: linkSchema.optional(),
};

/** A post (Innlegg). */
export const postSchema = z.object({ ...articleFields, type: z.literal('post') });

/** A project story (Prosjekt). */
export const projectStorySchema = z.object({
  ...articleFields,
  ...initiativeFields,
  type: z.literal('projectStory'),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  updates: z.array(
    z.object({ key: z.string(), date: z.string(), title: z.string(), text: z.string().optional() }),
  ),
});

/** An award from the innovation prize. */
export const awardSchema = z.object({
  year: z.number().int(),
  category: z.string().min(1),
  result: z.enum(values(AWARD_RESULTS)),
});

/** The zod shape of each kind of case section: Portable Text, or optional plain text. */
interface CaseSectionSchemas {
  blocks: typeof blockContentSchema;
  text: z.ZodOptional<z.ZodString>;
}

/** The case sections' fields, in the order of `CASE_SECTIONS`, each with its kind's schema. */
type CaseSectionsShape = {
  [
    Section in (typeof CASE_SECTIONS)[number] as Section['field']
  ]: CaseSectionSchemas[Section['kind']];
};

/** The case sections' fields, built from `CASE_SECTIONS`. */
export const caseSectionsShape = Object.fromEntries(
  CASE_SECTIONS.map((section) => [
    section.field,
    section.kind === 'blocks' ? blockContentSchema : z.string().optional(),
  ]),
  // Object.fromEntries cannot type its keys; `CaseSectionsShape` spells out the same mapping.
) as CaseSectionsShape;

/** An innovation case (Innovasjonscase). */
export const caseStudySchema = z.object({
  ...articleFields,
  ...initiativeFields,
  type: z.literal('caseStudy'),
  municipality: z.string(),
  ...caseSectionsShape,
  sdgs: z.array(z.number().int().min(1).max(17)),
  awards: z.array(awardSchema),
});

/** A person. */
export const personSchema = z.object({
  ...baseFields,
  type: z.literal('person'),
  title: z.string().min(1),
  role: z.string().optional(),
  unit: z.string().optional(),
  image: imageSchema.optional(),
  bio: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

/** A topic (Tema) or service area (Tjenesteområde). */
export const termSchema = z.object({
  ...baseFields,
  type: z.enum(['topic', 'serviceArea']),
  description: z.string().optional(),
});

/** A generic page. */
export const pageSchema = z.object({
  ...baseFields,
  type: z.literal('page'),
  language: languageSchema,
  body: blockContentSchema,
});

/** The site settings singleton, with defaults for everything an editor left empty. */
export const siteSettingsSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  organization: z.string(),
  organizationNumber: z.string().optional(),
  contactEmail: z.string().optional(),
  license: z.object({ name: z.string(), url: z.string() }),
  accessibilityStatement: linkSchema.optional(),
  feedbackUrl: z.string().optional(),
  network: z.array(z.object({ name: z.string(), url: z.string() })),
  /** When staff may nominate for the innovation prize (ISO date-times); absent: the form is closed. */
  nominationWindow: z.object({ opens: z.string(), closes: z.string() }).optional(),
});

/** A normalised image. */
export type ImageData = z.infer<typeof imageSchema>;
/** A resolved link to a published document. */
export type DocumentLink = z.infer<typeof linkSchema>;
/** A Portable Text block. */
export type Block = z.infer<typeof blockSchema>;
/** A normalised post. */
export type PostData = z.infer<typeof postSchema>;
/** A normalised project story. */
export type ProjectStoryData = z.infer<typeof projectStorySchema>;
/** A normalised case. */
export type CaseStudyData = z.infer<typeof caseStudySchema>;
/** Any of the three publishable content types. */
export type ArticleData = PostData | ProjectStoryData | CaseStudyData;
/** A normalised person. */
export type PersonData = z.infer<typeof personSchema>;
/** A normalised topic or service area. */
export type TermData = z.infer<typeof termSchema>;
/** A normalised page. */
export type PageData = z.infer<typeof pageSchema>;
/** The normalised site settings. */
export type SiteSettingsData = z.infer<typeof siteSettingsSchema>;
