/**
 * Readers for the fields that several document types share: references, images, Portable
 * Text and the language. Each applies the rule `content-schemas/validation.ts` has for its
 * field (the Studio runs the same) and drops a field that breaks it with a warning, so that
 * one bad image or link never keeps a whole document off the site.
 */
import { LANGUAGES, type Language } from '../../../content-schemas/constants.ts';
import { getDocumentPath } from '../../../content-schemas/routes.ts';
import {
  checkAlt,
  checkHref,
  checkImageFile,
  checkLanguage,
  checkVideoUrl,
  cleanPortableText,
} from '../../../content-schemas/validation.ts';
import { asString, type Target } from '../check/check-documents.ts';
import type { ProblemRecorder } from '../problems.ts';
import { parseImageAsset, type CdnTarget } from './images.ts';
import type { Block, DocumentLink, ImageData } from './schemas.ts';

/** A plain object (not an array, not null). */
export type Raw = Record<string, unknown>;

/** Whether a value is a plain object. */
export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The strings of a list, or an empty list for anything else. */
export function asStrings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** The plain objects of a list, or an empty list for anything else. */
export function asRecords(value: unknown): Raw[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGES.map((language) => language.value));

/** Whether a string is one of the site's language codes. */
function isLanguage(value: string): value is Language {
  return KNOWN_LANGUAGES.has(value);
}

/** The field readers, bound to the documents links may point at and the image CDN. */
export interface FieldReader {
  /** A reference resolved to a published document, or undefined (with a warning). */
  toLink(check: ProblemRecorder, field: string, value: unknown): DocumentLink | undefined;
  /** A list of references; the ones that do not resolve are dropped (with a warning each). */
  toLinks(check: ProblemRecorder, field: string, value: unknown): DocumentLink[];
  /** An image with alt text; `fallbackAlt` stands in for a missing one where the Studio says so. */
  toImage(
    check: ProblemRecorder,
    field: string,
    value: unknown,
    fallbackAlt?: string,
  ): ImageData | undefined;
  /** Portable Text with internal links resolved and images normalised. */
  toBlocks(check: ProblemRecorder, field: string, value: unknown): Block[];
  /** The document's language; one the site does not have is shown as bokmål, with a warning. */
  toLanguage(check: ProblemRecorder, value: unknown): Language;
}

/** Creates the field readers for one load. */
export function createFieldReader(
  targets: ReadonlyMap<string, Target>,
  cdn: CdnTarget | undefined,
): FieldReader {
  const toLink: FieldReader['toLink'] = (check, field, value) => {
    if (!isRecord(value)) return undefined;
    const ref = asString(value['_ref']);
    if (!ref) {
      check.warn(field, 'is a reference without _ref');
      return undefined;
    }
    const target = targets.get(ref);
    if (!target) {
      check.warn(field, `refers to "${ref}", which is missing or not published`);
      return undefined;
    }
    return {
      id: ref,
      type: target.type,
      title: target.title,
      slug: target.slug,
      href: getDocumentPath(target.type, target.slug),
    };
  };

  const toLinks: FieldReader['toLinks'] = (check, field, value) =>
    asRecords(value).flatMap((item, index) => toLink(check, `${field}[${index}]`, item) ?? []);

  const toImage: FieldReader['toImage'] = (check, field, value, fallbackAlt) => {
    if (!isRecord(value)) return undefined;
    const asset = asString(value['asset']);
    if (!asset) return undefined;
    const parsed = parseImageAsset(asset, cdn);
    if (!parsed) {
      check.warn(field, `has an image asset "${asset}" in neither export nor Content Lake form`);
      return undefined;
    }
    const fileProblem = checkImageFile(parsed.format, parsed.width, parsed.height);
    if (fileProblem) {
      check.warn(field, fileProblem);
      return undefined;
    }
    const altProblem = fallbackAlt === undefined ? checkAlt(value['alt']) : undefined;
    if (altProblem) {
      check.warn(`${field}.alt`, altProblem);
      return undefined;
    }
    const alt = asString(value['alt']) ?? fallbackAlt ?? '';
    const caption = asString(value['caption']);
    const credit = asString(value['credit']);
    return {
      kind: parsed.kind,
      src: parsed.src,
      width: parsed.width,
      height: parsed.height,
      alt,
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
    };
  };

  /** A text block's mark definitions: links checked, internal links resolved. */
  const toMarkDefs = (check: ProblemRecorder, field: string, value: unknown): Raw[] =>
    asRecords(value).map((markDef) => {
      if (markDef['_type'] === 'link') {
        const hrefProblem = checkHref(markDef['href']);
        if (!hrefProblem) return markDef;
        // A link the Studio would refuse renders as plain text: keep the mark, drop the target.
        check.warn(field, hrefProblem);
        return { _type: 'link', _key: markDef['_key'] };
      }
      if (markDef['_type'] !== 'internalLink') return markDef;
      const link = toLink(check, field, markDef['reference']);
      // An unresolved internal link renders as plain text: keep the mark, drop the target.
      return {
        _type: 'internalLink',
        _key: markDef['_key'],
        ...(link ? { href: link.href } : {}),
      };
    });

  // Portable Text is first cleaned to what the site renders (unknown types, styles, lists,
  // marks and fields dropped, keys and list levels made safe), then links and images checked.
  const toBlocks: FieldReader['toBlocks'] = (check, field, value) =>
    cleanPortableText(value, (where, reason) => check.warn(`${field}${where}`, reason)).flatMap(
      (block, index): Block[] => {
        const type = block['_type'] as string;
        const key = block['_key'] as string;
        if (type === 'image') {
          const image = toImage(check, `${field}[${index}]`, block);
          return image ? [{ _type: 'image', _key: key, ...image }] : [];
        }
        if (type === 'videoEmbed') {
          const problem =
            checkVideoUrl(block['url']) ??
            (asString(block['title']) ? undefined : 'needs a title to be shown');
          if (problem) {
            check.warn(`${field}[${index}].url`, problem);
            return [];
          }
        }
        if (type !== 'block') return [{ ...block, _type: type }];
        const markDefs = toMarkDefs(check, `${field}[${index}].markDefs`, block['markDefs']);
        return [{ ...block, _type: 'block', markDefs }];
      },
    );

  const toLanguage: FieldReader['toLanguage'] = (check, value) => {
    const language = asString(value) ?? 'nb';
    const languageProblem = checkLanguage(language);
    if (languageProblem) check.warn('language', `${languageProblem} Vises som bokmål.`);
    return isLanguage(language) ? language : 'nb';
  };

  return { toLink, toLinks, toImage, toBlocks, toLanguage };
}
