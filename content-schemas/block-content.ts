/**
 * `blockContent`: the Portable Text used for every body and case section. Styles, marks and
 * block types are exactly the content model's (docs/content-model.md#portable-text), so the site's renderer knows every one of them.
 */
import { defineArrayMember, defineField, defineType } from 'sanity';
import { CALLOUT_TONES, LINK_SCHEMES } from './constants.ts';
import { defineAltField, defineCaptionField } from './image-with-alt.ts';
import { checkHref, checkVideoUrl, toValidationResult } from './validation.ts';

/** The document types an internal link may point at. */
export const INTERNAL_LINK_TYPES = ['post', 'projectStory', 'caseStudy', 'page', 'topic'] as const;

const linkAnnotation = defineArrayMember({
  name: 'link',
  title: 'Ekstern lenke',
  type: 'object',
  fields: [
    defineField({
      name: 'href',
      title: 'Adresse',
      type: 'url',
      description:
        'Hele adressen: https://…, mailto:navn@kommune.no eller tel:+47…. Til sider på dette nettstedet: bruk «Intern lenke».',
      // One chain: a list would repeat the url type's own address check in every rule.
      validation: (rule) =>
        rule
          .required()
          .uri({ scheme: [...LINK_SCHEMES] })
          .custom((href) => toValidationResult(checkHref(href))),
    }),
  ],
});

const internalLinkAnnotation = defineArrayMember({
  name: 'internalLink',
  title: 'Intern lenke',
  type: 'object',
  fields: [
    defineField({
      name: 'reference',
      title: 'Lenke til',
      type: 'reference',
      description: 'Et innlegg, prosjekt, case, en side eller et tema på dette nettstedet.',
      to: INTERNAL_LINK_TYPES.map((type) => ({ type })),
      validation: (rule) => rule.required().error('Velg hva lenken skal gå til.'),
    }),
  ],
});

/** The Portable Text type behind `body` and the case sections of kind `blocks` (`case-sections.ts`). */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Tekst',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Normal', value: 'normal' },
        { title: 'Overskrift 2', value: 'h2' },
        { title: 'Overskrift 3', value: 'h3' },
        { title: 'Overskrift 4', value: 'h4' },
        { title: 'Sitat', value: 'blockquote' },
      ],
      lists: [
        { title: 'Punktliste', value: 'bullet' },
        { title: 'Nummerert liste', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Fet', value: 'strong' },
          { title: 'Kursiv', value: 'em' },
          { title: 'Kode', value: 'code' },
          { title: 'Gjennomstreket', value: 'strike-through' },
        ],
        annotations: [linkAnnotation, internalLinkAnnotation],
      },
    }),
    defineArrayMember({
      type: 'image',
      title: 'Bilde',
      options: { hotspot: true },
      fields: [defineAltField({ required: true }), defineCaptionField()],
    }),
    defineArrayMember({
      name: 'callout',
      title: 'Merknad',
      type: 'object',
      fields: [
        defineField({
          name: 'tone',
          title: 'Type',
          type: 'string',
          description:
            'Informasjon for nøytrale opplysninger, tips for gode råd, advarsel for det leseren må passe på.',
          options: { list: [...CALLOUT_TONES], layout: 'radio', direction: 'horizontal' },
          initialValue: 'info',
          validation: (rule) => rule.required().error('Velg type merknad.'),
        }),
        defineField({
          name: 'text',
          title: 'Tekst',
          type: 'text',
          rows: 3,
          validation: (rule) => rule.required().error('Skriv teksten i merknaden.'),
        }),
      ],
      preview: {
        select: { tone: 'tone', text: 'text' },
        prepare({ tone, text }: { tone?: string; text?: string }) {
          const label = CALLOUT_TONES.find((option) => option.value === tone)?.title ?? 'Merknad';
          return { title: text ?? '', subtitle: label };
        },
      },
    }),
    defineArrayMember({
      name: 'factBox',
      title: 'Faktaboks',
      type: 'object',
      fields: [
        defineField({ name: 'title', title: 'Tittel', type: 'string' }),
        defineField({
          name: 'items',
          title: 'Punkter',
          type: 'array',
          description: 'Korte fakta, ett per linje.',
          of: [defineArrayMember({ type: 'string' })],
          validation: (rule) => rule.required().min(1).error('Skriv minst ett punkt.'),
        }),
      ],
      preview: {
        select: { title: 'title', items: 'items' },
        prepare({ title, items }: { title?: string; items?: string[] }) {
          return { title: title ?? 'Faktaboks', subtitle: `${items?.length ?? 0} punkter` };
        },
      },
    }),
    defineArrayMember({
      name: 'pullQuote',
      title: 'Fremhevet sitat',
      type: 'object',
      fields: [
        defineField({
          name: 'text',
          title: 'Sitat',
          type: 'text',
          rows: 2,
          validation: (rule) => rule.required().error('Skriv sitatet.'),
        }),
        defineField({
          name: 'attribution',
          title: 'Hvem sa det',
          type: 'string',
          description: 'Navn og gjerne rolle, f.eks. «Kari Nordmann, helsesykepleier».',
        }),
      ],
      preview: {
        select: { title: 'text', subtitle: 'attribution' },
      },
    }),
    defineArrayMember({
      name: 'videoEmbed',
      title: 'Video',
      type: 'object',
      fields: [
        defineField({
          name: 'url',
          title: 'Videoadresse',
          type: 'url',
          description:
            'Adressen til videoen på YouTube eller Vimeo. Andre nettsteder støttes ikke.',
          validation: (rule) =>
            rule.required().custom((url) => toValidationResult(checkVideoUrl(url))),
        }),
        defineField({
          name: 'title',
          title: 'Tittel',
          type: 'string',
          description: 'Hva videoen handler om. Leses opp av skjermlesere før videoen.',
          validation: (rule) => rule.required().error('Gi videoen en tittel.'),
        }),
      ],
      preview: {
        select: { title: 'title', subtitle: 'url' },
      },
    }),
  ],
});
