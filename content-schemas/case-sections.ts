/**
 * The sections of an innovation case, defined once: the Studio's fields, the case page and
 * its feed item, the search weights, the open data columns and which fields the build keeps
 * as Portable Text files all derive from this list (docs/content-model.md, "Innovasjonscase").
 * The order here is the order on the page, in feeds and in the open data.
 */

/** How a section is stored: Portable Text (`blockContent`) or plain text. */
export type CaseSectionKind = 'blocks' | 'text';

/** One section of a case. */
export interface CaseSection {
  /** The field name in Sanity. */
  readonly field: string;
  /** Portable Text or plain text. */
  readonly kind: CaseSectionKind;
  /** Whether a case cannot be published without it. */
  readonly required: boolean;
  /** The field's label in the Studio. */
  readonly studioTitle: string;
  /** The help text an editor sees under the field. */
  readonly studioDescription: string;
  /** The Studio tab the field sits in. */
  readonly studioGroup: 'case' | 'results';
  /** The Studio's message when a required section is empty. */
  readonly requiredMessage?: string;
  /** Rows of the text area, for plain-text sections. */
  readonly rows?: number;
  /** The heading above the section on the page and in feeds (bokmål). */
  readonly heading: string;
  /** The heading in a case written in nynorsk or English (WCAG 3.1.2: the document's language). */
  readonly headings: { readonly nn: string; readonly en: string };
  /** The section heading's `id`, the target of the table of contents. */
  readonly headingId: string;
  /** Pagefind weight of the section's text (body text is 1, the title 7). */
  readonly searchWeight: number;
}

/**
 * The case's sections in the order the content model gives them: behov, målgruppe, løsning,
 * resultater, hva vi lærte, gjenbruk, kostnader. The problem and the results decide whether a
 * case is the one a reader looks for, so they weigh most in search.
 */
export const CASE_SECTIONS = [
  {
    field: 'problem',
    kind: 'blocks',
    required: true,
    studioTitle: 'Behov og utfordring',
    studioDescription:
      'Hvilket problem skulle løses, og for hvem? Hva visste dere før dere startet?',
    studioGroup: 'case',
    requiredMessage: 'Beskriv behovet og utfordringen.',
    heading: 'Behov og utfordring',
    headings: { nn: 'Behov og utfordring', en: 'Need and challenge' },
    headingId: 'behov-og-utfordring',
    searchWeight: 4,
  },
  {
    field: 'targetGroup',
    kind: 'text',
    required: false,
    studioTitle: 'Målgruppe',
    studioDescription: 'Hvem løsningen er for, f.eks. «Hjemmeboende over 80 år og pårørende».',
    studioGroup: 'case',
    rows: 2,
    heading: 'Målgruppe',
    headings: { nn: 'Målgruppe', en: 'Target group' },
    headingId: 'malgruppe',
    searchWeight: 1,
  },
  {
    field: 'solution',
    kind: 'blocks',
    required: true,
    studioTitle: 'Løsning',
    studioDescription: 'Hva dere laget eller endret, og hvordan det virker i praksis.',
    studioGroup: 'case',
    requiredMessage: 'Beskriv løsningen.',
    heading: 'Løsning',
    headings: { nn: 'Løysing', en: 'Solution' },
    headingId: 'losning',
    searchWeight: 2,
  },
  {
    field: 'results',
    kind: 'blocks',
    required: false,
    studioTitle: 'Resultater og gevinster',
    studioDescription: 'Hva ble bedre – målt eller erfart? Tall er gull, sitater også.',
    studioGroup: 'results',
    heading: 'Resultater og gevinster',
    headings: { nn: 'Resultat og gevinstar', en: 'Results and benefits' },
    headingId: 'resultater-og-gevinster',
    searchWeight: 4,
  },
  {
    field: 'lessonsLearned',
    kind: 'blocks',
    required: false,
    studioTitle: 'Hva vi lærte',
    studioDescription: 'Også det som ikke virket. Andre kommuner lærer mest av det.',
    studioGroup: 'results',
    heading: 'Hva vi lærte',
    headings: { nn: 'Kva vi lærte', en: 'What we learned' },
    headingId: 'hva-vi-laerte',
    searchWeight: 1.5,
  },
  {
    field: 'reuse',
    kind: 'text',
    required: false,
    studioTitle: 'Gjenbruk',
    studioDescription:
      'Hva trenger en annen kommune for å ta dette i bruk? Utstyr, kompetanse, avtaler.',
    studioGroup: 'results',
    rows: 4,
    heading: 'Slik kan andre ta det i bruk',
    headings: { nn: 'Slik kan andre ta det i bruk', en: 'How others can reuse it' },
    headingId: 'slik-kan-andre-ta-det-i-bruk',
    searchWeight: 1,
  },
  {
    field: 'costs',
    kind: 'text',
    required: false,
    studioTitle: 'Kostnader',
    studioDescription: 'Hva det kostet å utvikle og hva det koster å drifte, så godt dere vet.',
    studioGroup: 'results',
    rows: 3,
    heading: 'Kostnader',
    headings: { nn: 'Kostnader', en: 'Costs' },
    headingId: 'kostnader',
    searchWeight: 1,
  },
] as const satisfies readonly CaseSection[];

/** A case section's field name. */
export type CaseSectionField = (typeof CASE_SECTIONS)[number]['field'];

/** The field names of the sections stored as Portable Text. */
export type CaseBlocksField = Extract<(typeof CASE_SECTIONS)[number], { kind: 'blocks' }>['field'];

/** The field names of the sections stored as plain text. */
export type CaseTextField = Extract<(typeof CASE_SECTIONS)[number], { kind: 'text' }>['field'];

/** The Portable Text sections, in page order. */
export const CASE_BLOCKS_FIELDS = CASE_SECTIONS.filter(
  (section): section is Extract<(typeof CASE_SECTIONS)[number], { kind: 'blocks' }> =>
    section.kind === 'blocks',
).map((section) => section.field);

/** Returns a section's heading in the language of the case it is shown in (bokmål by default). */
export function getCaseSectionHeading(section: CaseSection, language: string | undefined): string {
  return language === 'nn' || language === 'en' ? section.headings[language] : section.heading;
}

/** Each section's heading (page and feeds), by its field. */
export const CASE_SECTION_HEADINGS = Object.fromEntries(
  CASE_SECTIONS.map((section) => [section.field, section.heading]),
) as Record<CaseSectionField, string>;

/**
 * Heading ids that the page itself sets above or beside the text (the facts box, the prize
 * list, a project's timeline): body headings get another id when theirs would clash.
 */
export const PAGE_HEADING_IDS = {
  facts: 'fakta',
  prize: 'prisen',
  updates: 'oppdateringer',
  /** The share links and «Les også» at the end of every post, project and case. */
  share: 'del',
  related: 'les-ogsa',
} as const;

/** The heading ids every post, project and case page sets after its text. */
export const ARTICLE_END_HEADING_IDS: readonly string[] = [
  PAGE_HEADING_IDS.share,
  PAGE_HEADING_IDS.related,
];

/** Every heading id a case page sets itself, reserved before its text is rendered. */
export const CASE_RESERVED_HEADING_IDS: readonly string[] = [
  PAGE_HEADING_IDS.facts,
  PAGE_HEADING_IDS.prize,
  ...ARTICLE_END_HEADING_IDS,
  ...CASE_SECTIONS.map((section) => section.headingId),
];
