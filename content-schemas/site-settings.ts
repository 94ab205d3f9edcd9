/** `siteSettings` – the singleton (`_id` "siteSettings") with the site's name, owner and licence. */
import { defineField, defineType } from 'sanity';
import { DEFAULT_LICENSE } from './constants.ts';
import {
  checkEmail,
  checkNetworkUrl,
  checkNominationWindow,
  checkOrganizationNumber,
  checkUrl,
  LIMITS,
  toValidationResult,
  URL_SCHEMES,
} from './validation.ts';

/** The site settings document type; the Studio shows exactly one of it. */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Innstillinger',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Nettstedets navn',
      type: 'string',
      description: 'Står i toppen av hver side, i fanen i nettleseren og i feedene.',
    }),
    defineField({
      name: 'description',
      title: 'Beskrivelse',
      type: 'text',
      rows: 3,
      description: 'Én eller to setninger om nettstedet. Brukes på forsiden og i søkemotorer.',
    }),
    defineField({
      name: 'organization',
      title: 'Organisasjon',
      type: 'string',
      description:
        'Kommunen eller virksomheten som eier nettstedet. Nye caser får den som kommune.',
    }),
    defineField({
      name: 'organizationNumber',
      title: 'Organisasjonsnummer',
      type: 'string',
      description:
        'De ni sifrene fra Enhetsregisteret. Datakatalogen oppgir kommunen som utgiver med dette nummeret, slik data.norge.no krever.',
      validation: (rule) =>
        rule.custom((value) => toValidationResult(checkOrganizationNumber(value))),
    }),
    defineField({
      name: 'contactEmail',
      title: 'Kontakt-e-post',
      type: 'string',
      description: 'Adressen lesere kan skrive til. Vises i bunnen av hver side.',
      validation: (rule) =>
        rule
          .email()
          .error('Skriv en gyldig e-postadresse.')
          .custom((email) => toValidationResult(checkEmail(email))),
    }),
    defineField({
      name: 'license',
      title: 'Lisens',
      type: 'object',
      description: `Lisensen innholdet og de åpne dataene deles under. Standard er ${DEFAULT_LICENSE.name}.`,
      initialValue: { ...DEFAULT_LICENSE },
      fields: [
        defineField({ name: 'name', title: 'Navn', type: 'string' }),
        defineField({
          name: 'url',
          title: 'Adresse til lisensteksten',
          type: 'url',
          validation: (rule) =>
            rule
              .uri({ scheme: [...URL_SCHEMES.license] })
              .custom((url) => toValidationResult(checkUrl(url, 'license'))),
        }),
      ],
    }),
    defineField({
      name: 'accessibilityStatement',
      title: 'Tilgjengelighetserklæring',
      type: 'reference',
      description: 'Siden med tilgjengelighetserklæringen. Lenkes til fra bunnen av hver side.',
      to: [{ type: 'page' }],
    }),
    defineField({
      name: 'feedbackUrl',
      title: 'Lenke for tilbakemelding',
      type: 'url',
      description: 'Skjema eller side der lesere kan melde fra om feil og mangler.',
      validation: (rule) =>
        rule
          .uri({ scheme: [...URL_SCHEMES.feedback] })
          .custom((url) => toValidationResult(checkUrl(url, 'feedback'))),
    }),
    defineField({
      name: 'network',
      title: 'Nettverket',
      type: 'array',
      description:
        'Andre kommuners Tanketanken-nettsteder. Søket kan ta med deres caser, og «Fra nettverket» viser det siste de har publisert.',
      validation: (rule) =>
        rule
          .max(LIMITS.networkMax)
          .error(`Nettverket kan ha høyst ${LIMITS.networkMax} nettsteder.`),
      of: [
        defineField({
          name: 'networkSite',
          title: 'Nettsted',
          type: 'object',
          fields: [
            defineField({
              name: 'name',
              title: 'Kommunens navn',
              type: 'string',
              validation: (rule) => rule.required().error('Skriv kommunens navn.'),
            }),
            defineField({
              name: 'url',
              title: 'Adressen til nettstedet',
              type: 'url',
              description: 'Forsiden, for eksempel https://innovasjon.asker.kommune.no/',
              validation: (rule) =>
                rule.required().custom((value) => toValidationResult(checkNetworkUrl(value))),
            }),
          ],
          preview: { select: { title: 'name', subtitle: 'url' } },
        }),
      ],
    }),
    defineField({
      name: 'nominationWindow',
      title: 'Nominasjonsperiode for innovasjonsprisen',
      type: 'object',
      description:
        'Når ansatte kan melde inn kandidater på /innovasjonsprisen/meld-inn/. Utenfor perioden sier siden når neste periode åpner. Tomt: skjemaet er stengt.',
      options: { collapsible: true, collapsed: false },
      fields: [
        defineField({ name: 'opens', title: 'Åpner', type: 'datetime' }),
        defineField({ name: 'closes', title: 'Stenger', type: 'datetime' }),
      ],
      validation: (rule) =>
        rule.custom((value) => toValidationResult(checkNominationWindow(value))),
    }),
  ],
  preview: {
    prepare() {
      return { title: 'Innstillinger for nettstedet' };
    },
  },
});
