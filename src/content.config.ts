/**
 * The site's collections, each filled by the Sanity loader and named, as everywhere in the
 * pipeline, by the `_type` of its documents. Schemas come from `src/sanity/normalise/schemas.ts`;
 * here local export images are handed to Astro's image pipeline (`image()`), so pages get
 * optimised, responsive images. Pages read these collections and never Sanity itself.
 */
import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { CASE_BLOCKS_FIELDS, type CaseBlocksField } from '../content-schemas/case-sections.ts';
import { sanityLoader } from './sanity/loader.ts';
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
} from './sanity/normalise/schemas.ts';
import { reuseSchemaPerFile } from './sanity/store/schema-cache.ts';

/** An image whose local file goes through Astro's pipeline; CDN images stay URLs. */
const pipelineImage = ({ image }: SchemaContext) =>
  z.discriminatedUnion('kind', [
    imageSchema.extend({ kind: z.literal('local'), src: image() }),
    imageSchema.extend({ kind: z.literal('cdn'), src: z.url() }),
  ]);

/**
 * Portable Text as the loader stores it: a reference to a file of blocks in the cache
 * directory (`src/sanity/store/blocks-file.ts`; pages read it with `loadBlocks`), carrying
 * the image blocks, which go through the pipeline here, as they did as part of the blocks.
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

/** The case sections stored as Portable Text (`CASE_SECTIONS`), each as a blocks reference. */
const pipelineCaseSections = (context: SchemaContext) =>
  Object.fromEntries(
    CASE_BLOCKS_FIELDS.map((field) => [field, pipelineBlocks(context)]),
    // Object.fromEntries cannot type its keys: one blocks reference per Portable Text section.
  ) as Record<CaseBlocksField, ReturnType<typeof pipelineBlocks>>;

export const collections = {
  post: defineCollection({
    loader: sanityLoader('post'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      postSchema.extend({
        mainImage: pipelineImage(context).optional(),
        body: pipelineBlocks(context),
      }),
    ),
  }),
  projectStory: defineCollection({
    loader: sanityLoader('projectStory'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      projectStorySchema.extend({
        mainImage: pipelineImage(context).optional(),
        body: pipelineBlocks(context),
      }),
    ),
  }),
  caseStudy: defineCollection({
    loader: sanityLoader('caseStudy'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      caseStudySchema.extend({
        mainImage: pipelineImage(context).optional(),
        body: pipelineBlocks(context),
        ...pipelineCaseSections(context),
      }),
    ),
  }),
  person: defineCollection({
    loader: sanityLoader('person'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      personSchema.extend({ image: pipelineImage(context).optional() }),
    ),
  }),
  topic: defineCollection({ loader: sanityLoader('topic'), schema: termSchema }),
  serviceArea: defineCollection({ loader: sanityLoader('serviceArea'), schema: termSchema }),
  page: defineCollection({
    loader: sanityLoader('page'),
    schema: reuseSchemaPerFile((context: SchemaContext) =>
      pageSchema.extend({ body: pipelineBlocks(context) }),
    ),
  }),
  siteSettings: defineCollection({
    loader: sanityLoader('siteSettings'),
    schema: siteSettingsSchema,
  }),
};
