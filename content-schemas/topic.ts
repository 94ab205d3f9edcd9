/** `topic` – Tema: what content is about; each topic has a page and a feed. */
import { defineType } from 'sanity';
import { getDocumentPath } from './routes.ts';
import { defineTaxonomyFields, defineTaxonomyPreview } from './shared-fields.ts';

/** The topic document type. */
export const topic = defineType({
  name: 'topic',
  title: 'Tema',
  type: 'document',
  fields: defineTaxonomyFields({
    typePath: getDocumentPath('topic', 'adresse'),
    describe: 'Vises øverst på temasiden og i temaets RSS-feed. Én eller to setninger.',
  }),
  orderings: [
    { title: 'Tittel A–Å', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
  preview: defineTaxonomyPreview('Tema'),
});
