/** `post` – Innlegg: news and reflections; the shared fields only, with a required body. */
import { defineType } from 'sanity';
import { CONTENT_TYPE_LABELS } from './constants.ts';
import { getDocumentPath } from './routes.ts';
import { DATED_ORDERINGS, defineDocumentPreview, defineSharedFields } from './shared-fields.ts';

/** The post document type. */
export const post = defineType({
  name: 'post',
  title: CONTENT_TYPE_LABELS.post,
  type: 'document',
  fields: defineSharedFields({ typePath: getDocumentPath('post', 'adresse'), bodyRequired: true }),
  orderings: DATED_ORDERINGS,
  preview: defineDocumentPreview(CONTENT_TYPE_LABELS.post, { withStatus: false }),
});
