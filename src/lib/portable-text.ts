/**
 * Portable Text → HTML for every block, style, list, mark and annotation of the content model (docs/content-model.md#portable-text).
 * Pure: images are resolved by a function the caller passes, and problems are returned
 * rather than logged, so pages, feeds and the search index render the same way.
 */
import { escapeHTML, toHTML, type PortableTextHtmlComponents } from '@portabletext/to-html';
import type { PortableTextBlock } from '@portabletext/types';
import { CALLOUT_TONES, LINK_SCHEMES } from '../../content-schemas/constants.ts';
import { cleanPortableText } from '../../content-schemas/validation.ts';
import { getVideoEmbed } from './video.ts';

/** A heading in the rendered text, for the table of contents. */
export interface Heading {
  id: string;
  text: string;
  level: 2 | 3 | 4;
}

/** An image block as the loader normalised it. */
export interface BlockImage {
  _key?: string;
  /** A CDN URL, or for local files whatever the caller's image pipeline made of the path. */
  src: unknown;
  kind: 'local' | 'cdn';
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
}

/** The attributes of an `<img>` for one image, as the caller's image pipeline made them. */
export interface ResolvedImage {
  src: string;
  width: number;
  height: number;
  srcset?: string;
  sizes?: string;
}

/** What rendering needs from outside. */
export interface RenderOptions {
  /** Turns a normalised image into URLs; undefined leaves the image out with a problem. */
  resolveImage: (image: BlockImage) => ResolvedImage | undefined;
  /** Heading ids already used on the page, so ids stay unique across sections. */
  usedIds?: Set<string>;
  /** Level of the first heading the text may use; case sections shift h2 → h3. */
  headingOffset?: 0 | 1;
}

/** Rendered HTML, its headings, and the problems met on the way (unknown types…). */
export interface RenderedText {
  html: string;
  headings: Heading[];
  problems: string[];
}

/** Turns heading text into an id: lower case, ASCII-friendly, Norwegian letters kept readable. */
export function slugifyHeading(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'seksjon';
}

/** Whether an external link's URL uses a scheme the content model allows (`LINK_SCHEMES`). */
export function isAllowedHref(href: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim());
  return (
    match !== null && (LINK_SCHEMES as readonly string[]).includes(match[1]?.toLowerCase() ?? '')
  );
}

function plainText(block: PortableTextBlock): string {
  return (block.children ?? [])
    .map((child) => (typeof child['text'] === 'string' ? child['text'] : ''))
    .join('');
}

const attr = (value: string) => escapeHTML(value);

/** Reads a string field of a block or mark value (typed `any` by the library). */
function readString(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, field)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[field];
  return typeof found === 'string' ? found : undefined;
}

/** Reads a list of strings from a block value. */
function readStrings(value: unknown, field: string): string[] {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, field)) return [];
  const found: unknown = (value as Record<string, unknown>)[field];
  return Array.isArray(found)
    ? found.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * The next number to try after each heading id base, per set of used ids: 20,000 headings
 * with one text would otherwise try 1, 2, … 20,000 numbers each (17 s, #22).
 */
const nextNumbers = new WeakMap<Set<string>, Map<string, number>>();

/** Takes the first id `base`, `base-2`, `base-3`… not in `usedIds`, in amortised constant time. */
function takeHeadingId(usedIds: Set<string>, base: string): string {
  let numbers = nextNumbers.get(usedIds);
  if (!numbers) {
    numbers = new Map();
    nextNumbers.set(usedIds, numbers);
  }
  let id = base;
  // The ids taken only grow, so numbers below the last one taken for `base` stay taken.
  let n = numbers.get(base) ?? 2;
  if (usedIds.has(id)) {
    while (usedIds.has(`${base}-${n}`)) n += 1;
    id = `${base}-${n}`;
    n += 1;
  }
  numbers.set(base, n);
  usedIds.add(id);
  return id;
}

const TONE_LABELS: Record<string, string> = Object.fromEntries(
  CALLOUT_TONES.map((tone) => [tone.value, tone.title]),
);

/** Renders Portable Text to HTML. */
export function renderPortableText(
  blocks: readonly unknown[],
  options: RenderOptions,
): RenderedText {
  const headings: Heading[] = [];
  const problems: string[] = [];
  const usedIds = options.usedIds ?? new Set<string>();
  const offset = options.headingOffset ?? 0;

  const heading =
    (level: 2 | 3 | 4) =>
    ({ children, value }: { children?: string | undefined; value: PortableTextBlock }) => {
      const text = plainText(value);
      const id = takeHeadingId(usedIds, slugifyHeading(text));
      const shown = Math.min(level + offset, 6);
      headings.push({ id, text, level });
      return `<h${shown} id="${attr(id)}">${children ?? ''}</h${shown}>`;
    };

  const components: Partial<PortableTextHtmlComponents> = {
    block: {
      normal: ({ children }) => (children ? `<p>${children}</p>` : ''),
      h2: heading(2),
      h3: heading(3),
      h4: heading(4),
      blockquote: ({ children }) => `<blockquote><p>${children ?? ''}</p></blockquote>`,
    },
    marks: {
      strong: ({ children }) => `<strong>${children}</strong>`,
      em: ({ children }) => `<em>${children}</em>`,
      code: ({ children }) => `<code>${children}</code>`,
      'strike-through': ({ children }) => `<s>${children}</s>`,
      link: ({ children, value }) => {
        const href = readString(value, 'href') ?? '';
        if (!isAllowedHref(href)) {
          problems.push(`link "${href}" is not http, https, mailto or tel; shown as text`);
          return children;
        }
        const external = /^https?:/i.test(href);
        return `<a href="${attr(href)}"${external ? ' rel="external noopener"' : ''}>${children}</a>`;
      },
      internalLink: ({ children, value }) => {
        // The normaliser made it a path on this site; anything else is not an internal link.
        const href = readString(value, 'href');
        return href && /^\/(?!\/)/.test(href)
          ? `<a href="${attr(href)}">${children}</a>`
          : children;
      },
    },
    types: {
      image: ({ value }) => {
        const image = value as BlockImage;
        const resolved = options.resolveImage(image);
        if (!resolved) {
          problems.push(`image "${image._key ?? image.alt}" could not be resolved; left out`);
          return '';
        }
        const caption = [image.caption, image.credit ? `Foto: ${image.credit}` : undefined]
          .filter(Boolean)
          .map((part) => escapeHTML(part ?? ''))
          .join(' · ');
        return (
          `<figure class="pt-figure"><img src="${attr(resolved.src)}" alt="${attr(image.alt)}" ` +
          `width="${resolved.width}" height="${resolved.height}" loading="lazy" decoding="async"` +
          (resolved.srcset ? ` srcset="${attr(resolved.srcset)}"` : '') +
          (resolved.sizes ? ` sizes="${attr(resolved.sizes)}"` : '') +
          `>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
        );
      },
      callout: ({ value }) => {
        const given = readString(value, 'tone') ?? 'info';
        const tone = Object.hasOwn(TONE_LABELS, given) ? given : 'info';
        const text = readString(value, 'text') ?? '';
        return (
          `<aside class="callout callout--${tone}" aria-label="${attr(TONE_LABELS[tone] ?? 'Informasjon')}">` +
          `<p class="callout__label">${escapeHTML(TONE_LABELS[tone] ?? 'Informasjon')}</p>` +
          `<p>${escapeHTML(text)}</p></aside>`
        );
      },
      factBox: ({ value }) => {
        const title = readString(value, 'title') ?? 'Fakta';
        const items = readStrings(value, 'items');
        return (
          `<aside class="fact-box" aria-label="${attr(title)}"><p class="fact-box__title">${escapeHTML(title)}</p>` +
          `<ul>${items.map((item) => `<li>${escapeHTML(item)}</li>`).join('')}</ul></aside>`
        );
      },
      pullQuote: ({ value }) => {
        const text = readString(value, 'text') ?? '';
        const by = readString(value, 'attribution') ?? '';
        return (
          `<figure class="pull-quote"><blockquote><p>${escapeHTML(text)}</p></blockquote>` +
          (by ? `<figcaption>${escapeHTML(by)}</figcaption>` : '') +
          `</figure>`
        );
      },
      videoEmbed: ({ value }) => {
        const url = readString(value, 'url') ?? '';
        const video = getVideoEmbed(url);
        const title = readString(value, 'title') ?? '';
        if (!video || !title) {
          problems.push(`video "${url}" is not a YouTube or Vimeo URL with a title; left out`);
          return '';
        }
        // A link, not an iframe: no third-party script or cookie until the reader chooses.
        return (
          `<p class="video-link"><a href="${attr(video.watchUrl)}" rel="external noopener">` +
          `Se videoen «${escapeHTML(title)}» på ${video.provider}</a></p>`
        );
      },
    },
  };

  // The library's fallbacks write a hidden <div> naming the type into the page; unknown
  // types are left out instead (the problem reaches the build log), unknown marks keep text.
  components.unknownType = () => '';
  components.unknownMark = ({ children }) => children;
  components.unknownBlockStyle = ({ children }) => (children ? `<p>${children}</p>` : '');
  // Only what the content model has reaches the library, which looks names up in plain
  // objects: `hasOwnProperty` as a type would throw, `constructor` print `[object Object]`.
  const clean = cleanPortableText(blocks, (where, reason) => problems.push(`${where}: ${reason}`));
  const html = toHTML(clean as unknown as PortableTextBlock[], {
    components,
    onMissingComponent: (message, { nodeType, type }) => {
      problems.push(`unknown ${nodeType} "${type}" skipped (${message})`);
    },
  });
  return { html, headings, problems };
}

/** Splits plain text into its paragraphs (separated by blank lines), trimmed, empty ones left out. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** Counts the words of Portable Text, for reading time and benchmarks. */
export function countWords(blocks: readonly unknown[]): number {
  let words = 0;
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const value = block as { _type?: unknown; children?: unknown; text?: unknown };
    const texts =
      value._type === 'block' && Array.isArray(value.children)
        ? value.children.map((child: { text?: unknown }) => child.text)
        : [value.text];
    for (const text of texts) {
      if (typeof text === 'string') words += text.split(/\s+/).filter(Boolean).length;
    }
  }
  return words;
}

/** Minutes it takes to read `words` words at 200 words a minute, at least one. */
export function getReadingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}
