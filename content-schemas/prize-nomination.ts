/**
 * `prizeNomination` – Nominasjon: one nomination for the innovation prize, sent by a member
 * of staff through the form at `/innovasjonsprisen/meld-inn/` and stored by the publishing
 * service as a draft. The jury reads the drafts in the Studio («Nominasjoner», per year) and
 * sets the verdict; the type is never published to the site as such (see README, «Juryen»).
 * The form's limits live here so the Studio and the service check the same lengths.
 */
import { defineField, defineType } from 'sanity';
import { AWARD_CATEGORIES } from './constants.ts';

/** Length limits of the form's fields, shared by the Studio and the service's checks. */
export const NOMINATION_LIMITS = {
  titleMax: 120,
  needMax: 2000,
  achievedMax: 2000,
  nameMax: 100,
  emailMax: 254,
  unitMax: 120,
  /** The shortest meaningful description of the need or the result. */
  textMin: 20,
} as const;

/** The jury's verdict on a nomination; empty until the jury has decided. */
export const NOMINATION_VERDICTS = [
  { value: 'nominee', title: 'Nominert' },
  { value: 'winner', title: 'Vinner' },
] as const;

/** The document type name, for the service and the desk structure. */
export const PRIZE_NOMINATION_TYPE = 'prizeNomination';

/** The prize nomination document type. */
export const prizeNomination = defineType({
  name: PRIZE_NOMINATION_TYPE,
  title: 'Nominasjon',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Initiativ',
      type: 'string',
      description: 'Navnet på initiativet slik den som nominerte skrev det.',
      validation: (rule) => rule.required().max(NOMINATION_LIMITS.titleMax),
    }),
    defineField({
      name: 'need',
      title: 'Behovet det svarer på',
      type: 'text',
      rows: 5,
      validation: (rule) => rule.required().max(NOMINATION_LIMITS.needMax),
    }),
    defineField({
      name: 'achieved',
      title: 'Hva det har oppnådd',
      type: 'text',
      rows: 5,
      validation: (rule) => rule.required().max(NOMINATION_LIMITS.achievedMax),
    }),
    defineField({
      name: 'serviceArea',
      title: 'Tjenesteområde',
      type: 'reference',
      to: [{ type: 'serviceArea' }],
      description: 'Tjenesteområdet initiativet hører til, valgt i skjemaet.',
    }),
    defineField({
      name: 'category',
      title: 'Priskategori',
      type: 'string',
      description: 'Kategorien den som nominerte foreslo. Juryen kan flytte nominasjonen.',
      options: { list: AWARD_CATEGORIES.map(({ value, title }) => ({ value, title })) },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'year',
      title: 'År',
      type: 'number',
      description: 'Året prisen deles ut for: året nominasjonsperioden slutter.',
      validation: (rule) => rule.required().integer().min(2000).max(2100),
    }),
    defineField({
      name: 'nominator',
      title: 'Nominert av',
      type: 'object',
      fields: [
        defineField({ name: 'name', title: 'Navn', type: 'string' }),
        defineField({
          name: 'email',
          title: 'E-post',
          type: 'string',
          validation: (rule) => rule.email().error('Skriv en gyldig e-postadresse.'),
        }),
        defineField({ name: 'unit', title: 'Enhet', type: 'string' }),
      ],
    }),
    defineField({
      name: 'consent',
      title: 'Kan kontaktes',
      type: 'boolean',
      description: 'Om den som nominerte har sagt ja til at juryen kontakter dem.',
    }),
    defineField({
      name: 'receivedAt',
      title: 'Mottatt',
      type: 'datetime',
      readOnly: true,
    }),
    defineField({
      name: 'reference',
      title: 'Referanse',
      type: 'string',
      description: 'Koden på kvitteringen den som nominerte fikk.',
      readOnly: true,
    }),
    defineField({
      name: 'verdict',
      title: 'Juryens vurdering',
      type: 'string',
      description:
        'Tomt til juryen har bestemt seg. «Nominert» og «Vinner» er juryens egne notater; prissiden viser casene som er merket med prisen.',
      options: {
        list: NOMINATION_VERDICTS.map(({ value, title }) => ({ value, title })),
        layout: 'radio',
      },
    }),
  ],
  orderings: [
    {
      title: 'Nyeste først',
      name: 'receivedDesc',
      by: [{ field: 'receivedAt', direction: 'desc' }],
    },
  ],
  preview: {
    select: { title: 'title', category: 'category', verdict: 'verdict', reference: 'reference' },
    prepare({ title, category, verdict, reference }) {
      const categoryTitle = AWARD_CATEGORIES.find((option) => option.value === category)?.title;
      const verdictTitle = NOMINATION_VERDICTS.find((option) => option.value === verdict)?.title;
      return {
        title: typeof title === 'string' ? title : 'Uten navn',
        subtitle: [categoryTitle, verdictTitle, typeof reference === 'string' ? reference : '']
          .filter(Boolean)
          .join(' · '),
      };
    },
  },
});
