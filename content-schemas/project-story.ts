/** `projectStory` – Prosjekt: an innovation project told over time, with a timeline of updates. */
import { defineArrayMember, defineField, defineType } from 'sanity';
import { CONTENT_TYPE_LABELS } from './constants.ts';
import { getDocumentPath } from './routes.ts';
import {
  DATED_ORDERINGS,
  defineDocumentPreview,
  defineInitiativeFields,
  defineSharedFields,
} from './shared-fields.ts';
import { checkDateOrder, LIMITS, toValidationResult } from './validation.ts';

/** The project story document type. */
export const projectStory = defineType({
  name: 'projectStory',
  title: CONTENT_TYPE_LABELS.projectStory,
  type: 'document',
  fields: [
    ...defineSharedFields({
      typePath: getDocumentPath('projectStory', 'adresse'),
      bodyRequired: false,
    }),
    ...defineInitiativeFields(),
    defineField({
      name: 'startDate',
      title: 'Startdato',
      type: 'date',
      description: 'Når prosjektet startet. Brukes i tidslinjen.',
      options: { dateFormat: 'D. MMMM YYYY' },
    }),
    defineField({
      name: 'endDate',
      title: 'Sluttdato',
      type: 'date',
      description: 'Når prosjektet ble eller skal bli avsluttet. La stå tom om det pågår.',
      options: { dateFormat: 'D. MMMM YYYY' },
      validation: (rule) =>
        rule.custom((endDate, context) =>
          toValidationResult(checkDateOrder(context.document?.['startDate'], endDate)),
        ),
    }),
    defineField({
      name: 'updates',
      title: 'Oppdateringer',
      type: 'array',
      description: 'Korte nyheter fra prosjektet, vist som en tidslinje – nyeste øverst på siden.',
      of: [
        defineArrayMember({
          name: 'projectUpdate',
          title: 'Oppdatering',
          type: 'object',
          fields: [
            defineField({
              name: 'date',
              title: 'Dato',
              type: 'date',
              options: { dateFormat: 'D. MMMM YYYY' },
              validation: (rule) => rule.required().error('Velg datoen for oppdateringen.'),
            }),
            defineField({
              name: 'title',
              title: 'Tittel',
              type: 'string',
              validation: (rule) => [
                rule.required().error('Gi oppdateringen en tittel.'),
                rule.max(LIMITS.titleMax).error(`Høyst ${LIMITS.titleMax} tegn.`),
              ],
            }),
            defineField({ name: 'text', title: 'Tekst', type: 'text', rows: 4 }),
          ],
          preview: { select: { title: 'title', subtitle: 'date' } },
        }),
      ],
    }),
  ],
  orderings: DATED_ORDERINGS,
  preview: defineDocumentPreview(CONTENT_TYPE_LABELS.projectStory, { withStatus: true }),
});
