/** `person` – someone who writes, or whom others can contact about a project or case. */
import { defineField, defineType, type PreviewValue } from 'sanity';
import { getDocumentPath } from './routes.ts';
import { defineAltField, defineCaptionField } from './image-with-alt.ts';
import { defineSlugField } from './shared-fields.ts';
import { checkEmail, checkPhone, toValidationResult } from './validation.ts';

/** The person document type. */
export const person = defineType({
  name: 'person',
  title: 'Person',
  type: 'document',
  fields: [
    defineField({
      name: 'name',
      title: 'Navn',
      type: 'string',
      description: 'Fullt navn, slik det skal stå på nettstedet.',
      validation: (rule) => rule.required().error('Skriv navnet.'),
    }),
    defineSlugField({ source: 'name', pathHint: getDocumentPath('person', 'adresse') }),
    defineField({
      name: 'role',
      title: 'Rolle',
      type: 'string',
      description: 'Stilling eller rolle, f.eks. «Innovasjonsrådgiver».',
    }),
    defineField({
      name: 'unit',
      title: 'Tjenestested',
      type: 'string',
      description: 'Enheten personen jobber i, f.eks. «Hjemmetjenesten».',
    }),
    defineField({
      name: 'image',
      title: 'Portrett',
      type: 'image',
      options: { hotspot: true },
      fields: [defineAltField({ required: false }), defineCaptionField()],
    }),
    defineField({
      name: 'bio',
      title: 'Om personen',
      type: 'text',
      rows: 4,
      description: 'Noen setninger om hvem personen er og hva hen jobber med.',
    }),
    defineField({
      name: 'email',
      title: 'E-post',
      type: 'string',
      description: 'Vises på personsiden og som kontakt for prosjekter og caser.',
      validation: (rule) =>
        rule
          .email()
          .error('Skriv en gyldig e-postadresse.')
          .custom((email) => toValidationResult(checkEmail(email))),
    }),
    defineField({
      name: 'phone',
      title: 'Telefon',
      type: 'string',
      description:
        'Valgfritt. Vises på personsiden og som kontakt for prosjekter og caser, f.eks. «+47 22 33 44 55».',
      validation: (rule) => rule.custom((value) => toValidationResult(checkPhone(value))),
    }),
  ],
  orderings: [{ title: 'Navn A–Å', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { title: 'name', role: 'role', unit: 'unit', media: 'image' },
    prepare({ title, role, unit, media }: Record<string, unknown>) {
      const subtitle = [role, unit].filter((part) => typeof part === 'string').join(', ');
      return {
        title: typeof title === 'string' ? title : 'Uten navn',
        subtitle: subtitle === '' ? 'Person' : subtitle,
        media: media as PreviewValue['media'],
      };
    },
  },
});
