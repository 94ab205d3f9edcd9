/** `page` – Side: standalone pages such as «Om oss» and the accessibility statement. */
import { defineField, defineType } from 'sanity';
import { CONTENT_TYPE_LABELS } from './constants.ts';
import { getDocumentPath } from './routes.ts';
import { defineLanguageField, defineSlugField, defineTitleField } from './shared-fields.ts';
import { checkPageSlug } from './validation.ts';

/** The page document type. */
export const page = defineType({
  name: 'page',
  title: CONTENT_TYPE_LABELS.page,
  type: 'document',
  fields: [
    defineTitleField({ description: 'Sidens overskrift. Høyst 120 tegn.' }),
    defineSlugField({
      source: 'title',
      pathHint: getDocumentPath('page', 'adresse'),
      note: 'Sider ligger rett under forsiden, så adressen kan ikke være en nettstedet bruker selv, som «innlegg» eller «sok».',
      check: checkPageSlug,
    }),
    defineLanguageField(),
    defineField({
      name: 'body',
      title: 'Innhold',
      type: 'blockContent',
      description: 'Sidens tekst. Bruk mellomtitler (Overskrift 2 og 3) i rekkefølge.',
    }),
  ],
  orderings: [
    { title: 'Tittel A–Å', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'title', slug: 'slug.current' },
    prepare({ title, slug }: Record<string, unknown>) {
      return {
        title: typeof title === 'string' ? title : 'Uten tittel',
        subtitle: typeof slug === 'string' ? getDocumentPath('page', slug) : 'Side uten adresse',
      };
    },
  },
});
