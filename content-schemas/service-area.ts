/** `serviceArea` – Tjenesteområde: the part of the municipality content concerns. */
import { defineType } from 'sanity';
import { getDocumentPath } from './routes.ts';
import { defineTaxonomyFields, defineTaxonomyPreview } from './shared-fields.ts';

/** The service area document type. */
export const serviceArea = defineType({
  name: 'serviceArea',
  title: 'Tjenesteområde',
  type: 'document',
  fields: defineTaxonomyFields({
    typePath: getDocumentPath('serviceArea', 'adresse'),
    describe: 'Vises øverst på siden for tjenesteområdet og i feeden. Én eller to setninger.',
  }),
  orderings: [
    { title: 'Tittel A–Å', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
  preview: defineTaxonomyPreview('Tjenesteområde'),
});
