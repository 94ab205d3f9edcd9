/**
 * The content rules behind the Studio's custom validation, as pure functions: the schema
 * calls them, and the site's content checker can call the very same ones. Each `check*`
 * returns `undefined` when the value is fine, else a Norwegian message for the editor.
 */
import {
  AWARD_CATEGORIES,
  LANGUAGES,
  LINK_SCHEMES,
  SDGS,
  STATUSES,
  VIDEO_HOSTS,
} from './constants.ts';
import { getArchivePath, getPrizePath, ROUTES, TYPE_SEGMENTS } from './routes.ts';

/** Length limits: `*Max` are hard (errors), `*Soft` are advice (warnings). */
export const LIMITS = {
  titleMax: 120,
  titleSoft: 70,
  excerptMax: 300,
  excerptSoft: 160,
  slugMax: 96,
  awardCategoryMax: 80,
  // Sites in the network: each costs a feed request per build and an index per network search.
  networkMax: 20,
} as const;

/** A video on one of the hosts editors may embed. */
export interface VideoReference {
  provider: 'youtube' | 'vimeo';
  id: string;
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{2,}$/;
const YOUTUBE_ID_PATTERN = /^[A-Za-z0-9_-]{6,20}$/;
const VIMEO_ID_PATTERN = /^[0-9]{3,12}$/;

/** Returns `problem` in the form Sanity's `rule.custom` expects: `true` when there is none. */
export function toValidationResult(problem: string | undefined): true | string {
  return problem ?? true;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value === '');
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Checks a person's phone number: digits with spaces, hyphens or brackets, a leading + allowed. */
export function checkPhone(phone: unknown): string | undefined {
  if (isBlank(phone)) return undefined;
  if (typeof phone !== 'string') return 'Telefonnummeret må være tekst, f.eks. «+47 22 33 44 55».';
  if (phone.trim() !== phone) return 'Fjern mellomrom før og etter telefonnummeret.';
  const digits = phone.replace(/[^0-9]/g, '').length;
  if (!PHONE_PATTERN.test(phone) || digits < 5 || digits > 15) {
    return 'Skriv telefonnummeret med sifre, mellomrom eller bindestrek, f.eks. «+47 22 33 44 55».';
  }
  return undefined;
}

/** Checks a link annotation's `href`: an absolute http, https, mailto or tel address. */
export function checkHref(href: unknown): string | undefined {
  if (isBlank(href)) return undefined;
  const allowed = LINK_SCHEMES.map((scheme) => `${scheme}:`).join(', ');
  if (typeof href !== 'string') return `Lenken må være tekst som starter med ${allowed}`;
  if (href.trim() !== href) return 'Fjern mellomrom før og etter lenken.';
  const url = parseUrl(href);
  if (!url) {
    return `«${href}» er ikke en hel adresse. Skriv den med ${allowed} foran, f.eks. https://eksempel.no. Bruk «Intern lenke» for sider på dette nettstedet.`;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (!(LINK_SCHEMES as readonly string[]).includes(scheme)) {
    return `Lenker kan bare starte med ${allowed} – ikke «${scheme}:».`;
  }
  if ((scheme === 'http' || scheme === 'https') && url.hostname === '') {
    return `«${href}» mangler et domenenavn, f.eks. https://eksempel.no.`;
  }
  if (scheme === 'mailto' && !EMAIL_PATTERN.test(decodeURIComponent(url.pathname))) {
    return `«${href}» mangler en gyldig e-postadresse, f.eks. mailto:navn@kommune.no.`;
  }
  if (scheme === 'tel' && !PHONE_PATTERN.test(decodeURIComponent(url.pathname))) {
    return `«${href}» mangler et gyldig telefonnummer, f.eks. tel:+4712345678.`;
  }
  return undefined;
}

/** Reads the provider and video id from a YouTube or Vimeo address, or undefined for any other. */
export function parseVideoUrl(value: string): VideoReference | undefined {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const host = url.hostname.toLowerCase();
  if (!(VIDEO_HOSTS as readonly string[]).includes(host)) return undefined;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (host.endsWith('vimeo.com')) {
    const id = segments[0] === 'video' ? segments[1] : segments[0];
    return id !== undefined && VIMEO_ID_PATTERN.test(id) ? { provider: 'vimeo', id } : undefined;
  }
  let id: string | undefined;
  if (host === 'youtu.be') id = segments[0];
  else if (segments[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live') {
    id = segments[1];
  }
  return id !== undefined && YOUTUBE_ID_PATTERN.test(id) ? { provider: 'youtube', id } : undefined;
}

/** Checks a video embed's `url`: it must point at one video on YouTube or Vimeo. */
export function checkVideoUrl(url: unknown): string | undefined {
  if (isBlank(url)) return undefined;
  if (typeof url !== 'string' || parseVideoUrl(url) === undefined) {
    return 'Lim inn adressen til én video på YouTube (youtube.com/watch?v=…, youtu.be/…) eller Vimeo (vimeo.com/…). Andre nettsteder kan ikke bygges inn.';
  }
  return undefined;
}

/** Checks a list of UN sustainable development goals: whole numbers 1–17, each at most once. */
export function checkSdgs(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const max = SDGS.length;
  if (!Array.isArray(value)) return `Bærekraftsmålene må være en liste med tall fra 1 til ${max}.`;
  const invalid = value.filter(
    (goal) => typeof goal !== 'number' || !Number.isInteger(goal) || goal < 1 || goal > max,
  );
  if (invalid.length > 0) {
    return `Bærekraftsmål må være hele tall fra 1 til ${max} (fikk ${invalid.map((goal) => JSON.stringify(goal)).join(', ')}).`;
  }
  const repeated = [...new Set(value.filter((goal, index) => value.indexOf(goal) !== index))];
  if (repeated.length > 0) {
    return `Hvert bærekraftsmål kan bare velges én gang (${repeated.join(', ')} står flere ganger).`;
  }
  return undefined;
}

/** Whether an image field holds an image: `asset._ref` in the Content Lake, `_sanityAsset` in an export. */
export function hasImageAsset(image: unknown): boolean {
  if (typeof image !== 'object' || image === null) return false;
  const { asset, _sanityAsset: exported } = image as { asset?: unknown; _sanityAsset?: unknown };
  const ref =
    typeof asset === 'object' && asset !== null ? (asset as { _ref?: unknown })._ref : undefined;
  return (
    (typeof ref === 'string' && ref !== '') || (typeof exported === 'string' && exported !== '')
  );
}

/** Checks an image's alternative text: something that says what the image shows. */
export function checkAlt(alt: unknown): string | undefined {
  if (typeof alt !== 'string' || alt.trim() === '') {
    return 'Skriv en alternativ tekst som forteller hva bildet viser, for dem som ikke ser det.';
  }
  return undefined;
}

/** Checks that an image that is set has alternative text; pass the whole image object. */
export function checkImageAlt(image: unknown): string | undefined {
  if (!hasImageAsset(image)) return undefined;
  return checkAlt((image as { alt?: unknown }).alt);
}

function getSlugValue(slug: unknown): string | undefined {
  if (typeof slug === 'string') return slug;
  if (typeof slug === 'object' && slug !== null) {
    const current = (slug as { current?: unknown }).current;
    return typeof current === 'string' ? current : undefined;
  }
  return undefined;
}

/** Checks a slug's form: lower-case a–z, digits and single hyphens, so URLs stay readable. */
export function checkSlug(slug: unknown): string | undefined {
  const value = getSlugValue(slug);
  if (value === undefined || value === '') return undefined;
  if (value.length > LIMITS.slugMax) {
    return `Adressen er for lang (${value.length} tegn; høyst ${LIMITS.slugMax}).`;
  }
  if (!SLUG_PATTERN.test(value)) {
    return `«${value}» kan ikke brukes i en adresse. Bruk små bokstaver a–z, tall og bindestrek (æ, ø, å blir ae, o, a) – trykk «Generer».`;
  }
  return undefined;
}

function getFirstSegment(path: string): string {
  return path.split('/').find((segment) => segment !== '') ?? '';
}

/**
 * First URL segments the site itself uses; a page (which lives at `/<slug>/`) may not take
 * one, or it would collide with a list, an archive, a feed, open data, the search bundle,
 * Astro's assets (`_astro`) or the not-found page. The Studio and the build both read this list.
 */
export const RESERVED_PAGE_SLUGS: readonly string[] = [
  ...new Set(
    [
      ...Object.values(TYPE_SEGMENTS),
      ...Object.values(ROUTES).map(getFirstSegment),
      getFirstSegment(getArchivePath(2000)),
      getFirstSegment(getPrizePath(2000)),
      'side',
      '404',
      // Written after Astro's build: Pagefind's bundle and Astro's own assets.
      'pagefind',
      '_astro',
    ].filter((segment) => segment !== ''),
  ),
];

/** Checks that a page's slug doesn't collide with one of the site's own top-level addresses. */
export function checkPageSlug(slug: unknown): string | undefined {
  const value = getSlugValue(slug);
  if (value === undefined || !RESERVED_PAGE_SLUGS.includes(value.toLowerCase())) return undefined;
  return `/${value}/ er allerede i bruk av nettstedet. Velg en annen adresse for siden.`;
}

/** Checks that an end date (YYYY-MM-DD) does not come before the start date. */
export function checkDateOrder(start: unknown, end: unknown): string | undefined {
  if (typeof start !== 'string' || typeof end !== 'string' || start === '' || end === '') {
    return undefined;
  }
  return end < start ? `Sluttdatoen (${end}) er før startdatoen (${start}).` : undefined;
}

/**
 * Checks the prize's nomination window (`{ opens, closes }`, date-times): both or neither,
 * and `closes` after `opens`. The Studio and the build's checker share it.
 */
export function checkNominationWindow(window: unknown): string | undefined {
  if (isBlank(window) || typeof window !== 'object' || window === null) return undefined;
  const { opens, closes } = window as { opens?: unknown; closes?: unknown };
  if (isBlank(opens) && isBlank(closes)) return undefined;
  if (isBlank(opens)) return 'Velg når nominasjonsperioden åpner.';
  if (isBlank(closes)) return 'Velg når nominasjonsperioden stenger.';
  const problem = checkDateTime(opens) ?? checkDateTime(closes);
  if (problem) return problem;
  if (Date.parse(String(closes)) <= Date.parse(String(opens))) {
    return `Nominasjonsperioden må stenge etter at den åpner (åpner ${String(opens)}, stenger ${String(closes)}).`;
  }
  return undefined;
}

/** Checks an award category: one of the prize's categories, or a short free-text name. */
export function checkAwardCategory(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string' || value.trim() === '') return 'Velg eller skriv en kategori.';
  if (value.trim() !== value) return 'Fjern mellomrom før og etter kategorien.';
  if (value.length > LIMITS.awardCategoryMax) {
    return `Kategorien er for lang (${value.length} tegn; høyst ${LIMITS.awardCategoryMax}).`;
  }
  return undefined;
}

/** Suggests the prize category an editor meant when they typed its title instead of choosing it. */
export function suggestAwardCategory(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const typed = value.trim().toLocaleLowerCase('nb');
  const match = AWARD_CATEGORIES.find(
    (category) => category.title.toLocaleLowerCase('nb') === typed && category.value !== value,
  );
  return match
    ? `«${value}» er en fast kategori: velg «${match.title}» i listen, så blir prisen listet riktig.`
    : undefined;
}

/** Returns a document's published id: without the `drafts.` or `versions.<release>.` prefix. */
export function getPublishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length);
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.');
  return id;
}

/** Checks that a list of references doesn't point back at the document it sits in. */
export function checkNoSelfReference(
  references: unknown,
  documentId: string | undefined,
): string | undefined {
  if (!Array.isArray(references) || documentId === undefined) return undefined;
  const self = getPublishedId(documentId);
  const pointsHome = references.some(
    (reference: unknown) =>
      typeof reference === 'object' &&
      reference !== null &&
      (reference as { _ref?: unknown })._ref === self,
  );
  return pointsHome ? 'Et dokument kan ikke vise til seg selv som relatert innhold.' : undefined;
}

/** Checks a title's length: at most `LIMITS.titleMax` characters (presence is `required`). */
export function checkTitle(title: unknown): string | undefined {
  if (typeof title !== 'string' || title.length <= LIMITS.titleMax) return undefined;
  return `Tittelen kan ha høyst ${LIMITS.titleMax} tegn (har ${title.length}).`;
}

/** Checks an excerpt's length: at most `LIMITS.excerptMax` characters. */
export function checkExcerpt(excerpt: unknown): string | undefined {
  if (typeof excerpt !== 'string' || excerpt.length <= LIMITS.excerptMax) return undefined;
  return `Ingressen kan ha høyst ${LIMITS.excerptMax} tegn (har ${excerpt.length}).`;
}

/** Whether a string is a date or date-time that starts YYYY-MM-DD and parses. */
export function isValidDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Checks a publication time: a date and time (ISO 8601) that parses. */
export function checkDateTime(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string' || !isValidDate(value)) {
    return `«${String(value)}» er ikke et tidspunkt. Velg dato og klokkeslett i kalenderen.`;
  }
  return undefined;
}

/** Checks a value against a fixed list of `{ value }` options. */
function checkOption(
  value: unknown,
  options: readonly { value: string; title: string }[],
  what: string,
): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'string' && options.some((option) => option.value === value)) {
    return undefined;
  }
  const allowed = options.map((option) => `«${option.title}» (${option.value})`).join(', ');
  return `«${String(value)}» er ikke ${what}. Velg en av ${allowed}.`;
}

/** Checks a status: one of `STATUSES`. */
export function checkStatus(status: unknown): string | undefined {
  return checkOption(status, STATUSES, 'en status');
}

/** Checks a language code: one of `LANGUAGES`. */
export function checkLanguage(language: unknown): string | undefined {
  return checkOption(language, LANGUAGES, 'et språk nettstedet har');
}

/** The weights of Enhetsregisteret's modulus 11 check on the first eight digits. */
const ORGANIZATION_NUMBER_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Checks an organisation number: nine digits (spaces allowed, as it is often written)
 * whose last digit is the modulus 11 check digit Enhetsregisteret gives every number.
 */
export function checkOrganizationNumber(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  const digits = typeof value === 'string' ? value.replace(/\s/g, '') : '';
  if (!/^\d{9}$/.test(digits)) {
    return `«${String(value)}» er ikke et organisasjonsnummer. Skriv de ni sifrene fra Enhetsregisteret.`;
  }
  const sum = ORGANIZATION_NUMBER_WEIGHTS.reduce(
    (total, weight, index) => total + weight * Number(digits[index]),
    0,
  );
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  if (check === 10 || Number(digits[8]) !== expected) {
    return `«${String(value)}» er ikke et gyldig organisasjonsnummer (kontrollsifferet stemmer ikke). Sjekk nummeret i Enhetsregisteret.`;
  }
  return undefined;
}

/**
 * Checks the address of a site in the network: an absolute https or http address with no
 * user name, password, query or fragment (the feed and search index are found under it).
 */
export function checkNetworkUrl(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  const url = typeof value === 'string' ? parseUrl(value.trim()) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return `«${String(value)}» er ikke en nettadresse. Skriv hele adressen, med https://.`;
  }
  if (url.username || url.password || url.search || url.hash) {
    return `«${String(value)}» skal være adressen til forsiden, uten brukernavn, ? eller #.`;
  }
  return undefined;
}

/** An organisation number as the catalogue writes it: the nine digits, no spaces. */
export function toOrganizationNumber(value: string): string {
  return value.replace(/\s/g, '');
}

/**
 * The fields a document cannot be published without, by type (beyond these, a case needs
 * its required sections, `CASE_SECTIONS`). The Studio marks them `required()`; the build
 * leaves a document out when one is missing. The rule-parity test holds the two together.
 */
export const REQUIRED_FIELDS = {
  post: ['title', 'slug', 'publishedAt', 'body'],
  projectStory: ['title', 'slug', 'publishedAt', 'status'],
  caseStudy: ['title', 'slug', 'publishedAt', 'status'],
  person: ['name', 'slug'],
  topic: ['title', 'slug'],
  serviceArea: ['title', 'slug'],
  page: ['title', 'slug'],
} as const satisfies Record<string, readonly string[]>;
