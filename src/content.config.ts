/**
 * The site's collections, each filled by the Sanity loader. Schemas come from
 * `src/sanity/schemas.ts`; here local export images are handed to Astro's image pipeline
 * (`image()`), so pages get optimised, responsive images. Pages read these collections
 * and never Sanity itself.
 */
import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { sanityLoader } from './sanity/loader.ts';
import {
  blockSchema,
  caseStudySchema,
  imageSchema,
  pageSchema,
  personSchema,
  postSchema,
  projectStorySchema,
  siteSettingsSchema,
  termSchema,
} from './sanity/schemas.ts';

/** An image whose local file goes through Astro's pipeline; CDN images stay URLs. */
const pipelineImage = ({ image }: SchemaContext) =>
  z.discriminatedUnion('kind', [
    imageSchema.extend({ kind: z.literal('local'), src: image() }),
    imageSchema.extend({ kind: z.literal('cdn'), src: z.url() }),
  ]);

/** Portable Text whose image blocks carry pipeline images. */
const pipelineBlocks = (context: SchemaContext) =>
  z.array(
    z.union([
      pipelineImage(context).and(z.object({ _type: z.literal('image'), _key: z.string() })),
      blockSchema,
    ]),
  );

const withImages = <T extends z.ZodObject>(schema: T, context: SchemaContext, blockFields: string[]) =>
  schema.extend({
    ...('mainImage' in schema.shape ? { mainImage: pipelineImage(context).optional() } : {}),
    ...('image' in schema.shape ? { image: pipelineImage(context).optional() } : {}),
    ...Object.fromEntries(blockFields.map((field) => [field, pipelineBlocks(context)])),
  });

export const collections = {
  post: defineCollection({
    loader: sanityLoader('posts'),
    schema: (context) => withImages(postSchema, context, ['body']),
  }),
  projectStory: defineCollection({
    loader: sanityLoader('projectStories'),
    schema: (context) => withImages(projectStorySchema, context, ['body']),
  }),
  caseStudy: defineCollection({
    loader: sanityLoader('caseStudies'),
    schema: (context) =>
      withImages(caseStudySchema, context, ['body', 'problem', 'solution', 'results', 'lessonsLearned']),
  }),
  person: defineCollection({
    loader: sanityLoader('people'),
    schema: (context) => withImages(personSchema, context, []),
  }),
  topic: defineCollection({ loader: sanityLoader('topics'), schema: termSchema }),
  serviceArea: defineCollection({ loader: sanityLoader('serviceAreas'), schema: termSchema }),
  page: defineCollection({
    loader: sanityLoader('pages'),
    schema: (context) => withImages(pageSchema, context, ['body']),
  }),
  siteSettings: defineCollection({ loader: sanityLoader('siteSettings'), schema: siteSettingsSchema }),
};
