/**
 * `caseStudy` – Innovasjonscase: the unit of the shared case library. Field groups keep the
 * long form manageable: Innhold, Case, Resultater and Metadata.
 */
import { defineArrayMember, defineField, defineType, type Rule, type TextRule } from 'sanity';
import {
  AWARD_RESULTS,
  CONTENT_TYPE_LABELS,
  getAwardCategoryTitle,
  getAwardResultTitle,
  SDGS,
  SITE_SETTINGS_ID,
} from './constants.ts';
import { CASE_SECTIONS, type CaseSection } from './case-sections.ts';
import { getDocumentPath } from './routes.ts';
import {
  DATED_ORDERINGS,
  defineDocumentPreview,
  defineInitiativeFields,
  defineSharedFields,
} from './shared-fields.ts';
import { checkSdgs, toValidationResult } from './validation.ts';

/** The field groups of the case form, in tab order. */
export const CASE_STUDY_GROUPS = [
  { name: 'content', title: 'Innhold', default: true },
  { name: 'case', title: 'Case' },
  { name: 'results', title: 'Resultater' },
  { name: 'metadata', title: 'Metadata' },
] as const;

const API_VERSION = '2025-02-19';

/**
 * One case section as a Studio field, from the descriptor that the site also reads, so the
 * form and the page cannot name or order the sections differently (docs/content-model.md).
 */
function defineCaseSectionField(section: CaseSection) {
  const common = {
    name: section.field,
    title: section.studioTitle,
    group: section.studioGroup,
    description: section.studioDescription,
  };
  const message = section.requiredMessage ?? `Fyll ut «${section.studioTitle}».`;
  return section.kind === 'blocks'
    ? defineField({
        ...common,
        type: 'blockContent',
        // An empty list is no text: Sanity's required() alone lets `[]` through, the build does not.
        ...(section.required
          ? { validation: (rule: Rule) => rule.required().min(1).error(message) }
          : {}),
      })
    : defineField({
        ...common,
        type: 'text',
        ...(section.rows ? { rows: section.rows } : {}),
        ...(section.required
          ? { validation: (rule: TextRule) => rule.required().error(message) }
          : {}),
      });
}

/** The innovation case document type. */
export const caseStudy = defineType({
  name: 'caseStudy',
  title: CONTENT_TYPE_LABELS.caseStudy,
  type: 'document',
  groups: [...CASE_STUDY_GROUPS],
  // A new case belongs to the site's own organisation until the editor says otherwise.
  initialValue: async (_params, context) => {
    const organization: unknown = await context
      .getClient({ apiVersion: API_VERSION })
      .fetch('*[_id == $id][0].organization', { id: SITE_SETTINGS_ID });
    return typeof organization === 'string' ? { municipality: organization } : {};
  },
  fields: [
    ...defineSharedFields({
      typePath: getDocumentPath('caseStudy', 'adresse'),
      bodyRequired: false,
      groups: {
        title: 'content',
        slug: 'metadata',
        excerpt: 'content',
        publishedAt: 'metadata',
        language: 'metadata',
        authors: 'metadata',
        topics: 'metadata',
        serviceAreas: 'metadata',
        mainImage: 'content',
        body: 'content',
        related: 'metadata',
      },
    }),
    ...defineInitiativeFields({
      status: 'case',
      partners: 'case',
      funding: 'case',
      contact: 'case',
    }),
    defineField({
      name: 'municipality',
      title: 'Kommune',
      type: 'string',
      group: 'case',
      description:
        'Kommunen som eier casen. Fylles ut med organisasjonen fra innstillingene; endre det om casen er hentet fra en annen kommune.',
    }),
    ...CASE_SECTIONS.map(defineCaseSectionField),
    defineField({
      name: 'sdgs',
      title: 'Bærekraftsmål',
      type: 'array',
      group: 'results',
      description: 'FNs bærekraftsmål (1–17) som casen bidrar til. Velg de viktigste.',
      of: [
        defineArrayMember({
          type: 'number',
          validation: (rule) => rule.integer().min(1).max(SDGS.length),
        }),
      ],
      options: {
        list: SDGS.map((goal) => ({ value: goal.value, title: `${goal.value}. ${goal.title}` })),
        layout: 'grid',
      },
      // The custom check names repeats in Norwegian; an `.error(message)` here would also
      // relabel the list's own «not one of the goals» failures.
      validation: (rule) => rule.custom((sdgs) => toValidationResult(checkSdgs(sdgs))),
    }),
    defineField({
      name: 'awards',
      title: 'Priser',
      type: 'array',
      group: 'results',
      description:
        'Nominasjoner og priser, f.eks. fra innovasjonsprisen. Vises på prisens årsside.',
      of: [
        defineArrayMember({
          name: 'award',
          title: 'Pris',
          type: 'object',
          fields: [
            defineField({
              name: 'year',
              title: 'År',
              type: 'number',
              description: 'Året prisen ble delt ut.',
              validation: (rule) =>
                rule
                  .required()
                  .integer()
                  .min(1990)
                  .max(2100)
                  .error('Skriv et årstall, f.eks. 2024.'),
            }),
            defineField({ name: 'category', title: 'Kategori', type: 'awardCategory' }),
            defineField({
              name: 'result',
              title: 'Resultat',
              type: 'string',
              description: 'Vant casen, eller var den nominert?',
              options: { list: [...AWARD_RESULTS], layout: 'radio', direction: 'horizontal' },
              validation: (rule) => rule.required().error('Velg vinner eller nominert.'),
            }),
          ],
          preview: {
            select: { year: 'year', category: 'category', result: 'result' },
            prepare({ year, category, result }: Record<string, unknown>) {
              const resultTitle =
                typeof result === 'string' ? getAwardResultTitle(result) : undefined;
              return {
                title:
                  typeof category === 'string' ? getAwardCategoryTitle(category) : 'Uten kategori',
                subtitle: [typeof year === 'number' ? String(year) : undefined, resultTitle]
                  .filter((part) => part !== undefined)
                  .join(' · '),
              };
            },
          },
        }),
      ],
    }),
  ],
  orderings: DATED_ORDERINGS,
  preview: defineDocumentPreview(CONTENT_TYPE_LABELS.caseStudy, { withStatus: true }),
});
