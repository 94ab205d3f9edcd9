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

/**
 * The URL schemes each kind of URL field allows, one list per kind: links in the text
 * (`link`), the settings' feedback address (`feedback`, as its Studio field allows), the
 * licence text (`license`) and images (`image`). The Studio and the build read these.
 */
export const URL_SCHEMES = {
  link: LINK_SCHEMES,
  feedback: ['https', 'http', 'mailto'],
  license: ['https', 'http'],
  image: ['https', 'http'],
} as const satisfies Record<string, readonly string[]>;

/** A kind of URL field, with its own allowed schemes (`URL_SCHEMES`). */
export type UrlKind = keyof typeof URL_SCHEMES;

/**
 * An e-mail address as a `mailto:` link may carry it: no spaces, one `@`, a dotted domain
 * and none of `?`, `&`, `#`, `%`, `/` or `:`, which would add headers (`?bcc=`) or change the link.
 */
const EMAIL_ADDRESS_PATTERN =
  /^[A-Za-z0-9!$'*+=^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Checks an e-mail address field (a person's, the site's contact): one plain address. */
export function checkEmail(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string' || !EMAIL_ADDRESS_PATTERN.test(value)) {
    return `«${String(value)}» er ikke én e-postadresse. Skriv bare adressen, f.eks. navn@kommune.no.`;
  }
  return undefined;
}

/**
 * Checks a URL against the schemes its kind of field allows (`URL_SCHEMES`). The scheme is
 * read as a browser reads it (WHATWG URL parsing: case, leading spaces and control
 * characters, tabs and line breaks inside ignored), so `  JavaScript:` is refused as well.
 */
export function checkUrl(value: unknown, kind: UrlKind): string | undefined {
  if (isBlank(value)) return undefined;
  const schemes: readonly string[] = URL_SCHEMES[kind];
  const allowed = schemes.map((scheme) => `${scheme}:`).join(', ');
  if (typeof value !== 'string') return `Lenken må være tekst som starter med ${allowed}`;
  if (value.trim() !== value) return 'Fjern mellomrom før og etter lenken.';
  // A browser skips control characters in a URL; the link must be read as it is written.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for.
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return 'Lenken har usynlige kontrolltegn (som tabulator eller linjeskift). Skriv den inn på nytt.';
  }
  const url = parseUrl(value);
  if (!url) {
    return `«${value}» er ikke en hel adresse. Skriv den med ${allowed} foran, f.eks. https://eksempel.no. Bruk «Intern lenke» for sider på dette nettstedet.`;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (!schemes.includes(scheme)) {
    return `Lenker kan bare starte med ${allowed} – ikke «${scheme}:».`;
  }
  if ((scheme === 'http' || scheme === 'https') && url.hostname === '') {
    return `«${value}» mangler et domenenavn, f.eks. https://eksempel.no.`;
  }
  if (scheme === 'mailto' && !EMAIL_PATTERN.test(decodeURIComponent(url.pathname))) {
    return `«${value}» mangler en gyldig e-postadresse, f.eks. mailto:navn@kommune.no.`;
  }
  if (scheme === 'tel' && !PHONE_PATTERN.test(decodeURIComponent(url.pathname))) {
    return `«${value}» mangler et gyldig telefonnummer, f.eks. tel:+4712345678.`;
  }
  return undefined;
}

/** Checks a link annotation's `href`: an absolute http, https, mailto or tel address. */
export function checkHref(href: unknown): string | undefined {
  return checkUrl(href, 'link');
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

/**
 * Image formats the site publishes from content: raster only. An SVG can carry scripts,
 * and the site would serve it from its own origin, so SVG comes only from the project's files.
 */
export const RASTER_IMAGE_FORMATS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif'] as const;

/** The largest side, in pixels, an image from content may claim (Sanity's own limit is far below). */
const IMAGE_SIDE_MAX = 100_000;

/** Checks an image file's format (its extension) and size: a raster image of at least 1×1 pixel. */
export function checkImageFile(format: string, width: number, height: number): string | undefined {
  if (!(RASTER_IMAGE_FORMATS as readonly string[]).includes(format.toLowerCase())) {
    return `«.${format}» kan ikke brukes: last opp bildet som ${RASTER_IMAGE_FORMATS.join(', ')}.`;
  }
  const sides = [width, height];
  if (!sides.every((side) => Number.isInteger(side) && side >= 1 && side <= IMAGE_SIDE_MAX)) {
    return `Bildet er ${width}×${height} piksler; last det opp på nytt.`;
  }
  return undefined;
}

/**
 * What Portable Text may hold, as the Studio's `blockContent` defines it
 * (`block-content.ts`; the rule-parity test holds the two together): the block types,
 * styles, list types and decorators the site renders. Anything else is dropped.
 */
export const PORTABLE_TEXT_RULES = {
  blockTypes: ['block', 'image', 'callout', 'factBox', 'pullQuote', 'videoEmbed'],
  styles: ['normal', 'h2', 'h3', 'h4', 'blockquote'],
  lists: ['bullet', 'number'],
  decorators: ['strong', 'em', 'code', 'strike-through'],
  annotations: ['link', 'internalLink'],
  /** The deepest list nesting the site renders; deeper items are shown at this level. */
  listLevelMax: 6,
} as const;

/** Object.prototype's own names and `prototype`: never a safe key to look up or assign. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** Whether a `_key` is safe to key an object by: short word characters, no prototype name. */
export function isSafeKey(key: unknown): key is string {
  return typeof key === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(key) && !PROTOTYPE_NAMES.has(key);
}

/** Reads an own property of a plain object, never one inherited from its prototype. */
function getOwn(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** A value as a warning shows it: text and numbers as they are, anything else by its type. */
function showValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/** Whether `list` holds `value` as one of its strings. */
function isOneOf(list: readonly string[], value: unknown): value is string {
  return typeof value === 'string' && list.includes(value);
}

/** Fields a non-text block keeps, by type, each with the kind of value it must have. */
const BLOCK_FIELDS: Readonly<
  Record<string, Readonly<Record<string, 'string' | 'strings' | 'any'>>>
> = {
  image: {
    asset: 'any',
    _sanityAsset: 'string',
    alt: 'string',
    caption: 'string',
    credit: 'string',
    src: 'any',
    kind: 'string',
    width: 'any',
    height: 'any',
  },
  callout: { tone: 'string', text: 'string' },
  factBox: { title: 'string', items: 'strings' },
  pullQuote: { text: 'string', attribution: 'string' },
  videoEmbed: { url: 'string', title: 'string' },
};

/** The most blocks, spans in a block or items in a fact box the site renders of one field. */
const PORTABLE_TEXT_LIST_MAX = 100_000;

/** A span of text with only the marks its block defines (decorators or mark definitions). */
function cleanSpan(
  child: unknown,
  markKeys: ReadonlySet<string>,
  where: string,
  report: (path: string, reason: string) => void,
): Record<string, unknown> | undefined {
  if (getOwn(child, '_type') !== 'span' || typeof getOwn(child, 'text') !== 'string') {
    report(where, 'is not a span of text; left out');
    return undefined;
  }
  const marks = getOwn(child, 'marks');
  const given = Array.isArray(marks) ? marks : [];
  const kept = given.filter(
    (mark): mark is string =>
      isOneOf(PORTABLE_TEXT_RULES.decorators, mark) ||
      (typeof mark === 'string' && markKeys.has(mark)),
  );
  if (kept.length !== given.length)
    report(`${where}.marks`, 'has unknown marks; they are left out');
  const key = getOwn(child, '_key');
  return {
    _type: 'span',
    ...(isSafeKey(key) ? { _key: key } : {}),
    text: getOwn(child, 'text'),
    marks: kept,
  };
}

/** A text block with known style, list and marks only, its list level within the cap. */
function cleanTextBlock(
  block: unknown,
  key: string,
  where: string,
  report: (path: string, reason: string) => void,
): Record<string, unknown> {
  const style = getOwn(block, 'style') ?? 'normal';
  if (!isOneOf(PORTABLE_TEXT_RULES.styles, style))
    report(
      `${where}.style`,
      `«${showValue(style)}» is not a style the site has; shown as normal text`,
    );
  const markDefs: Record<string, unknown>[] = [];
  const defs = getOwn(block, 'markDefs');
  for (const [index, def] of (Array.isArray(defs) ? defs : []).entries()) {
    const type = getOwn(def, '_type');
    const defKey = getOwn(def, '_key');
    if (!isOneOf(PORTABLE_TEXT_RULES.annotations, type) || !isSafeKey(defKey)) {
      report(
        `${where}.markDefs[${index}]`,
        'is not a link with a key; its text is kept without it',
      );
      continue;
    }
    const href = getOwn(def, 'href');
    const ref = getOwn(getOwn(def, 'reference'), '_ref');
    markDefs.push({
      _type: type,
      _key: defKey,
      ...(typeof href === 'string' ? { href } : {}),
      ...(typeof ref === 'string' ? { reference: { _ref: ref } } : {}),
    });
  }
  const markKeys = new Set(markDefs.map((def) => def['_key'] as string));
  const given = getOwn(block, 'children');
  const children = (Array.isArray(given) ? given.slice(0, PORTABLE_TEXT_LIST_MAX) : []).flatMap(
    (child, index) => cleanSpan(child, markKeys, `${where}.children[${index}]`, report) ?? [],
  );
  const cleaned: Record<string, unknown> = {
    _type: 'block',
    _key: key,
    style: isOneOf(PORTABLE_TEXT_RULES.styles, style) ? style : 'normal',
    markDefs,
    children,
  };
  const listItem = getOwn(block, 'listItem');
  if (listItem === undefined) return cleaned;
  if (!isOneOf(PORTABLE_TEXT_RULES.lists, listItem)) {
    report(
      `${where}.listItem`,
      `«${showValue(listItem)}» is not a list type the site has; shown as a paragraph`,
    );
    return cleaned;
  }
  const level = getOwn(block, 'level') ?? 1;
  const max = PORTABLE_TEXT_RULES.listLevelMax;
  const shown =
    typeof level === 'number' && Number.isFinite(level)
      ? Math.min(Math.max(Math.trunc(level), 1), max)
      : 1;
  if (shown !== level) {
    report(
      `${where}.level`,
      `${showValue(level)} is not a list level from 1 to ${max}; shown at ${shown}`,
    );
  }
  return { ...cleaned, listItem, level: shown };
}

/**
 * Cleans Portable Text to what the site renders (`PORTABLE_TEXT_RULES`): known block
 * types, styles, list types and marks only, looked up as own properties (so names such as
 * `constructor` or `__proto__` are plain unknowns), only the fields each type has, keys that
 * are safe to key an object by, list levels and lengths within their caps. Whatever is
 * dropped or changed is reported with its path (`[3].style`); the rest is kept. Linear in
 * the size of the value.
 */
export function cleanPortableText(
  value: unknown,
  report: (path: string, reason: string) => void,
): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report('', 'is not a list of blocks; left out');
    return [];
  }
  if (value.length > PORTABLE_TEXT_LIST_MAX) {
    report('', `has ${value.length} blocks; only the first ${PORTABLE_TEXT_LIST_MAX} are kept`);
  }
  const blocks: Record<string, unknown>[] = [];
  for (const [index, block] of value.slice(0, PORTABLE_TEXT_LIST_MAX).entries()) {
    const where = `[${index}]`;
    const type = getOwn(block, '_type');
    if (!isOneOf(PORTABLE_TEXT_RULES.blockTypes, type)) {
      report(where, `«${showValue(type)}» is not a block type the site has; left out`);
      continue;
    }
    const given = getOwn(block, '_key');
    const key = isSafeKey(given) ? given : `k${index}`;
    if (given !== undefined && key !== given)
      report(`${where}._key`, `is not a usable key; «${key}» is used instead`);
    if (type === 'block') {
      blocks.push(cleanTextBlock(block, key, where, report));
      continue;
    }
    const cleaned: Record<string, unknown> = { _type: type, _key: key };
    for (const [field, kind] of Object.entries(BLOCK_FIELDS[type] ?? {})) {
      const fieldValue = getOwn(block, field);
      if (fieldValue === undefined) continue;
      if (kind === 'any') cleaned[field] = fieldValue;
      else if (kind === 'string' && typeof fieldValue === 'string') cleaned[field] = fieldValue;
      else if (kind === 'strings' && Array.isArray(fieldValue)) {
        cleaned[field] = fieldValue
          .slice(0, PORTABLE_TEXT_LIST_MAX)
          .filter((item): item is string => typeof item === 'string');
      } else
        report(
          `${where}.${field}`,
          `is not ${kind === 'strings' ? 'a list of texts' : 'text'}; left out`,
        );
    }
    blocks.push(cleaned);
  }
  return blocks;
}
