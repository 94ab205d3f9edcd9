/**
 * Fields that posts, project stories and cases share (docs/content-model.md#shared-fields), plus the ones
 * project stories and cases add. Each type calls these, so a rule is written once.
 */
import { defineArrayMember, defineField, type PreviewValue } from 'sanity';
import { CONTENT_TYPES, LANGUAGES, STATUSES } from './constants.ts';
import { defineMainImageField } from './image-with-alt.ts';
import { formatPreviewSubtitle } from './preview.ts';
import { slugify } from './slugify.ts';
import {
  checkExcerpt,
  checkNoSelfReference,
  checkSlug,
  checkTitle,
  LIMITS,
  toValidationResult,
} from './validation.ts';

/** The names of the shared fields, in the content model's order (docs/content-model.md#shared-fields). */
export type SharedFieldName =
  | 'title'
  | 'slug'
  | 'excerpt'
  | 'publishedAt'
  | 'language'
  | 'authors'
  | 'topics'
  | 'serviceAreas'
  | 'mainImage'
  | 'body'
  | 'related';

/** The names of the fields project stories and cases add to the shared ones. */
export type InitiativeFieldName = 'status' | 'partners' | 'funding' | 'contact';

/** Places fields in field groups; a field left out sits in no group. */
export type FieldGroups<Name extends string> = Partial<Record<Name, string>>;

function inGroup(group: string | undefined): { group?: string } {
  return group === undefined ? {} : { group };
}

/** A required title: at most 120 characters, with a warning from 70 on. */
export function defineTitleField(options: { description: string; group?: string }) {
  return defineField({
    name: 'title',
    title: 'Tittel',
    type: 'string',
    description: options.description,
    validation: (rule) => [
      rule.required().error('Skriv en tittel.'),
      rule.custom((title) => toValidationResult(checkTitle(title))),
      rule
        .max(LIMITS.titleSoft)
        .warning(
          `Titler over ${LIMITS.titleSoft} tegn blir kuttet i søkeresultater og delinger. Kan den bli kortere?`,
        ),
    ],
    ...inGroup(options.group),
  });
}

/**
 * A required slug made from `source`, unique within its document type. Sanity's default
 * uniqueness check already filters on the same `_type` and ignores the document's own
 * drafts and versions, so no custom `isUnique` is needed.
 */
export function defineSlugField(options: {
  source: string;
  pathHint: string;
  group?: string;
  /** An extra sentence for the editor. */
  note?: string;
  /** An extra rule for this type's slugs; returns the problem, if any. */
  check?: (slug: unknown) => string | undefined;
}) {
  const { check } = options;
  return defineField({
    name: 'slug',
    title: 'Adresse',
    type: 'slug',
    description: `Siste del av nettadressen: ${options.pathHint}. Trykk «Generer» for å lage den fra ${options.source === 'name' ? 'navnet' : 'tittelen'}. Endrer du den etter publisering, virker ikke gamle lenker lenger.${options.note === undefined ? '' : ` ${options.note}`}`,
    options: { source: options.source, maxLength: LIMITS.slugMax, slugify },
    // One chain, not a list: each rule in a list repeats the slug type's own uniqueness check.
    validation: (rule) =>
      rule.required().custom((slug) => toValidationResult(checkSlug(slug) ?? check?.(slug))),
    ...inGroup(options.group),
  });
}

/** The language field: bokmål, nynorsk or English; bokmål unless the editor picks another. */
export function defineLanguageField(group?: string) {
  return defineField({
    name: 'language',
    title: 'Språk',
    type: 'string',
    description:
      'Språket teksten er skrevet på. Styrer uttale i skjermlesere og hvilket søk teksten havner i.',
    options: { list: [...LANGUAGES], layout: 'radio', direction: 'horizontal' },
    initialValue: 'nb',
    ...inGroup(group),
  });
}

function defineReferenceListField(options: {
  name: string;
  title: string;
  description: string;
  to: string;
  group: string | undefined;
}) {
  return defineField({
    name: options.name,
    title: options.title,
    type: 'array',
    description: options.description,
    of: [defineArrayMember({ type: 'reference', to: [{ type: options.to }] })],
    validation: (rule) => rule.unique().error('Hver kan bare stå én gang.'),
    ...inGroup(options.group),
  });
}

/** The eleven shared fields, in the content model's order; `body` is required on posts only. */
export function defineSharedFields(options: {
  typePath: string;
  bodyRequired: boolean;
  groups?: FieldGroups<SharedFieldName>;
}) {
  const groups = options.groups ?? {};
  return [
    defineTitleField({
      description: 'Kort og konkret. Vises på siden, i lister, feeds og søk. Høyst 120 tegn.',
      ...inGroup(groups.title),
    }),
    defineSlugField({ source: 'title', pathHint: options.typePath, ...inGroup(groups.slug) }),
    defineField({
      name: 'excerpt',
      title: 'Ingress',
      type: 'text',
      rows: 3,
      description:
        'To–tre setninger om hva dette handler om. Vises i lister og feeds og som beskrivelse i søkemotorer. Hold den under 160 tegn; høyst 300.',
      validation: (rule) => [
        rule.custom((excerpt) => toValidationResult(checkExcerpt(excerpt))),
        rule
          .max(LIMITS.excerptSoft)
          .warning(
            `Søkemotorer viser omtrent ${LIMITS.excerptSoft} tegn av beskrivelsen; resten blir kuttet.`,
          ),
      ],
      ...inGroup(groups.excerpt),
    }),
    defineField({
      name: 'publishedAt',
      title: 'Publiseringstidspunkt',
      type: 'datetime',
      description:
        'Når innholdet skal stå som publisert. Et tidspunkt fram i tid betyr «planlagt»: det kommer på nettstedet først ved første bygg etter det.',
      options: { dateFormat: 'D. MMMM YYYY', timeFormat: 'HH:mm' },
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required().error('Velg når innholdet skal publiseres.'),
      ...inGroup(groups.publishedAt),
    }),
    defineLanguageField(groups.language),
    defineReferenceListField({
      name: 'authors',
      title: 'Forfattere',
      description: 'Hvem som har skrevet eller står bak. Vises med navn og lenke til personsiden.',
      to: 'person',
      group: groups.authors,
    }),
    defineReferenceListField({
      name: 'topics',
      title: 'Tema',
      description: 'Velg ett eller flere tema. Hvert tema har egen side og egen RSS-feed.',
      to: 'topic',
      group: groups.topics,
    }),
    defineReferenceListField({
      name: 'serviceAreas',
      title: 'Tjenesteområder',
      description: 'Hvilke deler av kommunen dette gjelder. Hvert område har egen side og feed.',
      to: 'serviceArea',
      group: groups.serviceAreas,
    }),
    defineMainImageField(groups.mainImage),
    defineField({
      name: 'body',
      title: 'Brødtekst',
      type: 'blockContent',
      description: options.bodyRequired
        ? 'Selve teksten. Bruk mellomtitler (Overskrift 2 og 3) i rekkefølge.'
        : 'Fri tekst i tillegg til de faste feltene. Valgfri.',
      validation: (rule) =>
        // required() alone lets an empty list through; the build refuses it as no text.
        options.bodyRequired ? rule.required().min(1).error('Skriv brødteksten.') : rule,
      ...inGroup(groups.body),
    }),
    defineField({
      name: 'related',
      title: 'Relatert innhold',
      type: 'array',
      description: 'Innlegg, prosjekter eller caser som hører sammen med dette. Vises nederst.',
      of: [
        defineArrayMember({
          type: 'reference',
          to: CONTENT_TYPES.map((type) => ({ type })),
        }),
      ],
      validation: (rule) => [
        rule.unique().error('Hvert dokument kan bare stå én gang.'),
        rule.custom((related, context) =>
          toValidationResult(checkNoSelfReference(related, context.document?._id)),
        ),
      ],
      ...inGroup(groups.related),
    }),
  ];
}

/** A list of short names an editor types as tags (Enter after each), each at most once. */
function defineTagListField(options: {
  name: string;
  title: string;
  description: string;
  group: string | undefined;
}) {
  return defineField({
    name: options.name,
    title: options.title,
    type: 'array',
    description: options.description,
    of: [defineArrayMember({ type: 'string' })],
    options: { layout: 'tags' },
    validation: (rule) => rule.unique(),
    ...inGroup(options.group),
  });
}

/** The fields project stories and cases add: `status`, `partners`, `funding`, `contact`. */
export function defineInitiativeFields(groups: FieldGroups<InitiativeFieldName> = {}) {
  return [
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      description:
        'Hvor langt arbeidet har kommet: fra idé, via utprøving, til drift og spredning – eller avsluttet.',
      options: { list: [...STATUSES], layout: 'dropdown' },
      validation: (rule) => rule.required().error('Velg status.'),
      ...inGroup(groups.status),
    }),
    defineTagListField({
      name: 'partners',
      title: 'Partnere',
      description: 'Virksomheter og miljøer dere samarbeider med. Trykk Enter etter hver.',
      group: groups.partners,
    }),
    defineTagListField({
      name: 'funding',
      title: 'Finansiering',
      description:
        'Hvor pengene kommer fra, f.eks. «Lokale innovasjonsmidler». Trykk Enter etter hver.',
      group: groups.funding,
    }),
    defineField({
      name: 'contact',
      title: 'Kontaktperson',
      type: 'reference',
      description: 'Den andre kommuner og innbyggere kan ta kontakt med.',
      to: [{ type: 'person' }],
      ...inGroup(groups.contact),
    }),
  ];
}

/** A list preview showing title, type, status (when the type has one), date and main image. */
export function defineDocumentPreview(typeLabel: string, options: { withStatus: boolean }) {
  return {
    select: {
      title: 'title',
      publishedAt: 'publishedAt',
      media: 'mainImage',
      ...(options.withStatus ? { status: 'status' } : {}),
    },
    prepare(value: Record<string, unknown>) {
      return {
        title: typeof value['title'] === 'string' ? value['title'] : 'Uten tittel',
        subtitle: formatPreviewSubtitle(
          { typeLabel, status: value['status'], publishedAt: value['publishedAt'] },
          new Date(),
        ),
        media: value['media'] as PreviewValue['media'],
      };
    },
  };
}

/** Sort orders offered in the document lists: newest first, oldest first, title. */
export const DATED_ORDERINGS = [
  {
    title: 'Publisert, nyeste først',
    name: 'publishedAtDesc',
    by: [{ field: 'publishedAt', direction: 'desc' as const }],
  },
  {
    title: 'Publisert, eldste først',
    name: 'publishedAtAsc',
    by: [{ field: 'publishedAt', direction: 'asc' as const }],
  },
  { title: 'Tittel A–Å', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' as const }] },
];

/** The fields of a taxonomy term (topic, service area): `title`, `slug`, `description`. */
export function defineTaxonomyFields(options: { typePath: string; describe: string }) {
  return [
    defineTitleField({ description: 'Navnet slik det vises på nettstedet. Høyst 120 tegn.' }),
    defineSlugField({ source: 'title', pathHint: options.typePath }),
    defineField({
      name: 'description',
      title: 'Beskrivelse',
      type: 'text',
      rows: 3,
      description: options.describe,
      validation: (rule) =>
        rule
          .max(LIMITS.excerptSoft)
          .warning(`Søkemotorer viser omtrent ${LIMITS.excerptSoft} tegn av beskrivelsen.`),
    }),
  ];
}

/** A list preview for a taxonomy term: its title and its kind. */
export function defineTaxonomyPreview(kind: string) {
  return {
    select: { title: 'title', slug: 'slug.current' },
    prepare(value: Record<string, unknown>) {
      return {
        title: typeof value['title'] === 'string' ? value['title'] : 'Uten tittel',
        subtitle: typeof value['slug'] === 'string' ? `${kind} · ${value['slug']}` : kind,
      };
    },
  };
}
