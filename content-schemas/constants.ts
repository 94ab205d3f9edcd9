/** Values shared by the Studio, the site and the dataset tooling: one list, many readers. */

/** Project and case status, in the order a piece of innovation work moves through them. */
export const STATUSES = [
  { value: 'idea', title: 'Idé' },
  { value: 'insight', title: 'Behov og innsikt' },
  { value: 'testing', title: 'Utprøving' },
  { value: 'implementing', title: 'Implementering' },
  { value: 'operational', title: 'I drift' },
  { value: 'spreading', title: 'Spredning' },
  { value: 'ended', title: 'Avsluttet' },
] as const;

/** A status value as stored in Sanity. */
export type Status = (typeof STATUSES)[number]['value'];

/** Languages a document can be written in; the value becomes `<html lang>`. */
export const LANGUAGES = [
  { value: 'nb', title: 'Bokmål' },
  { value: 'nn', title: 'Nynorsk' },
  { value: 'en', title: 'English' },
] as const;

/** A language code as stored in Sanity. */
export type Language = (typeof LANGUAGES)[number]['value'];

/** The innovation prize's categories; an award may also name a category in free text. */
export const AWARD_CATEGORIES = [
  { value: 'arets-innovasjon', title: 'Årets innovasjon' },
  { value: 'stjael-med-stil', title: 'Stjæl med stil' },
  { value: 'beste-feil', title: 'Beste feil' },
] as const;

/** Whether a case won its category or was nominated. */
export const AWARD_RESULTS = [
  { value: 'winner', title: 'Vinner' },
  { value: 'nominee', title: 'Nominert' },
] as const;

/** Callout tones in Portable Text. */
export const CALLOUT_TONES = [
  { value: 'info', title: 'Informasjon' },
  { value: 'tip', title: 'Tips' },
  { value: 'warning', title: 'Advarsel' },
] as const;

/** URL schemes an editor may link to from body text. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** Hosts a video embed may point at. */
export const VIDEO_HOSTS = [
  'youtube.com',
  'www.youtube.com',
  'youtu.be',
  'vimeo.com',
  'player.vimeo.com',
  'www.vimeo.com',
] as const;

/** The document types that are published with a slug and a date. */
export const CONTENT_TYPES = ['post', 'projectStory', 'caseStudy'] as const;

/** One of the three publishable content types. */
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Norwegian names of the content types, used in the interface and as search filter values. */
export const CONTENT_TYPE_LABELS = {
  post: 'Innlegg',
  projectStory: 'Prosjekt',
  caseStudy: 'Innovasjonscase',
  page: 'Side',
} as const;

/** Returns the Norwegian label of a status value, or undefined for an unknown value. */
export function getStatusTitle(value: string): string | undefined {
  return STATUSES.find((status) => status.value === value)?.title;
}

/** Returns the label of an award result (`winner` → «Vinner»), or undefined for an unknown value. */
export function getAwardResultTitle(value: string): string | undefined {
  return AWARD_RESULTS.find((result) => result.value === value)?.title;
}

/** Returns the label of an award category: the known title, else the free text itself. */
export function getAwardCategoryTitle(value: string): string {
  return AWARD_CATEGORIES.find((category) => category.value === value)?.title ?? value;
}

/** The UN sustainable development goals, numbered 1–17, with their Norwegian names. */
export const SDGS = [
  { value: 1, title: 'Utrydde fattigdom' },
  { value: 2, title: 'Utrydde sult' },
  { value: 3, title: 'God helse og livskvalitet' },
  { value: 4, title: 'God utdanning' },
  { value: 5, title: 'Likestilling mellom kjønnene' },
  { value: 6, title: 'Rent vann og gode sanitærforhold' },
  { value: 7, title: 'Ren energi for alle' },
  { value: 8, title: 'Anstendig arbeid og økonomisk vekst' },
  { value: 9, title: 'Industri, innovasjon og infrastruktur' },
  { value: 10, title: 'Mindre ulikhet' },
  { value: 11, title: 'Bærekraftige byer og lokalsamfunn' },
  { value: 12, title: 'Ansvarlig forbruk og produksjon' },
  { value: 13, title: 'Stoppe klimaendringene' },
  { value: 14, title: 'Livet i havet' },
  { value: 15, title: 'Livet på land' },
  { value: 16, title: 'Fred, rettferdighet og velfungerende institusjoner' },
  { value: 17, title: 'Samarbeid for å nå målene' },
] as const;

/** Returns the Norwegian name of a sustainable development goal, or undefined outside 1–17. */
export function getSdgTitle(goal: number): string | undefined {
  return SDGS.find((sdg) => sdg.value === goal)?.title;
}

/** The licence the site's content is published under unless the settings say otherwise. */
export const DEFAULT_LICENSE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.no',
} as const;

/** The singleton document's fixed `_id`. */
export const SITE_SETTINGS_ID = 'siteSettings';

/**
 * The document types with a page of their own, in the order the Studio lists them and the
 * build loads them.
 */
export const ROUTABLE_TYPES = [
  'post',
  'projectStory',
  'caseStudy',
  'person',
  'topic',
  'serviceArea',
  'page',
] as const;

/** Every document type the site reads: the routable ones, then the settings singleton. */
export const DOCUMENT_TYPE_NAMES = [...ROUTABLE_TYPES, 'siteSettings'] as const;
