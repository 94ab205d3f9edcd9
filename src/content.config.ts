/**
 * The site's collections, each filled by the Sanity loader. Schemas come from
 * `src/sanity/schemas.ts`; here local export images are handed to Astro's image pipeline
 * (`image()`), so pages get optimised, responsive images. Pages read these collections
 * and never Sanity itself.
 */
import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { sanityLoader } from './sanity/loader.ts';
import { reuseSchemaPerFile } from './sanity/schema-cache.ts';
import {
  blockSchema,
  blocksRefSchema,
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

/**
 * Portable Text as the loader stores it: a reference to a file of blocks in the cache
 * directory (`src/sanity/blocks-file.ts`; pages read it with `loadBlocks`), carrying the
 * image blocks, which go through the pipeline here, as they did as part of the blocks.
 */
const pipelineBlocks = (context: SchemaContext) =>
  blocksRefSchema.extend({
    images: z.record(
      z.string(),
      z.union([
        pipelineImage(context).and(z.object({ _type: z.literal('image'), _key: z.string() })),
        blockSchema,
      ]),
    ),
  });

export const collections = {
  post: defineCollection({
    loader: sanityLoader('posts'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      postSchema.extend({
        mainImage: pipelineImage(context).optional(),
        body: pipelineBlocks(context),
      }),
    ),
  }),
  projectStory: defineCollection({
    loader: sanityLoader('projectStories'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      projectStorySchema.extend({
        mainImage: pipelineImage(context).optional(),
        body: pipelineBlocks(context),
      }),
    ),
  }),
  caseStudy: defineCollection({
    loader: sanityLoader('caseStudies'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      caseStudySchema.extend({
        mainImage: pipelineImage(context).optional(),
        body: pipelineBlocks(context),
        problem: pipelineBlocks(context),
        solution: pipelineBlocks(context),
        results: pipelineBlocks(context),
        lessonsLearned: pipelineBlocks(context),
      }),
    ),
  }),
  person: defineCollection({
    loader: sanityLoader('people'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      personSchema.extend({ image: pipelineImage(context).optional() }),
    ),
  }),
  topic: defineCollection({ loader: sanityLoader('topics'), schema: termSchema }),
  serviceArea: defineCollection({ loader: sanityLoader('serviceAreas'), schema: termSchema }),
  page: defineCollection({
    loader: sanityLoader('pages'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      pageSchema.extend({ body: pipelineBlocks(context) }),
    ),
  }),
  siteSettings: defineCollection({
    loader: sanityLoader('siteSettings'),
    schema: siteSettingsSchema,
  }),
};
