/**
 * The embedded dataset (`content/`) is the first thing a fresh clone shows and the fixture
 * most tests stand on. This test holds it to the content model: counts, languages, every
 * status and Portable Text feature in use, references that resolve, image files that match
 * their names, keys on array items and a size limit. Nothing here skips: a missing file
 * or feature fails.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AWARD_CATEGORIES,
  AWARD_RESULTS,
  CALLOUT_TONES,
  LINK_SCHEMES,
  STATUSES,
  VIDEO_HOSTS,
} from '../../content-schemas/constants.ts';
import { LIMITS } from '../../content-schemas/validation.ts';

type Doc = Record<string, unknown> & { _id: string; _type: string };
type Obj = Record<string, unknown>;

const contentDir = join(import.meta.dirname, '..', '..', 'content');
/** The dataset's "today": published documents are dated before it, scheduled ones after. */
const DATASET_NOW = '2026-11-01T00:00:00.000Z';
const ARTICLE_TYPES = ['post', 'projectStory', 'caseStudy'];
const BLOCK_FIELDS = ['body', 'problem', 'solution', 'results', 'lessonsLearned'];
const SYSTEM_FIELDS = ['_id', '_type', '_createdAt', '_updatedAt', '_rev'];

const documents: Doc[] = readFileSync(join(contentDir, 'data.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Doc);

const isUnpublishedId = (id: string) => id.startsWith('drafts.') || id.startsWith('versions.');
const isScheduled = (doc: Doc) =>
  typeof doc['publishedAt'] === 'string' && doc['publishedAt'] >= DATASET_NOW;
const published = documents.filter((doc) => !isUnpublishedId(doc._id) && !isScheduled(doc));
const publishedById = new Map(published.map((doc) => [doc._id, doc]));
const ofType = (type: string) => published.filter((doc) => doc._type === type);
const articles = published.filter((doc) => ARTICLE_TYPES.includes(doc._type));
const initiatives = published.filter(
  (doc) => doc._type === 'projectStory' || doc._type === 'caseStudy',
);

const asObj = (value: unknown): Obj => (value && typeof value === 'object' ? (value as Obj) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every Portable Text block of a document, with the field it sits in. */
function blocksOf(doc: Doc): Obj[] {
  return BLOCK_FIELDS.flatMap((field) => asArray(doc[field]).map(asObj));
}
const allBlocks = documents.filter((doc) => !isUnpublishedId(doc._id)).flatMap(blocksOf);

/** Walks a value and calls `visit` with every object and the path to it. */
function walk(
  value: unknown,
  path: string,
  visit: (obj: Obj, path: string, inArray: boolean) => void,
  inArray = false,
) {
  if (Array.isArray(value))
    value.forEach((item, index) => walk(item, `${path}[${index}]`, visit, true));
  else if (value && typeof value === 'object') {
    visit(value as Obj, path, inArray);
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, visit);
  }
}

/** Reads width and height from a JPEG's SOF segment or a PNG's IHDR chunk. */
function readImageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function directorySize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? directorySize(path) : statSync(path).size);
  }, 0);
}

describe('content/data.ndjson: the export format', () => {
  it('has system fields on every document and unique ids', () => {
    for (const doc of documents) {
      for (const field of SYSTEM_FIELDS)
        expect(doc[field], `${doc._id} ${field}`).toBeTypeOf('string');
      expect(doc['_createdAt'] as string, `${doc._id} _createdAt`).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      );
      expect(doc['_updatedAt'] as string, `${doc._id} _updatedAt`).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      );
      expect(
        (doc['_updatedAt'] as string) >= (doc['_createdAt'] as string),
        `${doc._id} updated before created`,
      ).toBe(true);
    }
    expect(new Set(documents.map((doc) => doc._id)).size).toBe(documents.length);
  });

  it('gives every object in an array a _key, unique within its array', () => {
    const missing: string[] = [];
    for (const doc of documents) {
      walk(doc, doc._id, (obj, path, inArray) => {
        if (inArray && typeof obj['_key'] !== 'string') missing.push(path);
        for (const [key, value] of Object.entries(obj)) {
          if (!Array.isArray(value)) continue;
          const keys = value.map((item) => asObj(item)['_key']).filter((k) => k !== undefined);
          expect(new Set(keys).size, `${path}.${key} has duplicate _keys`).toBe(keys.length);
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('writes references, slugs and images in Sanity export form', () => {
    for (const doc of documents) {
      walk(doc, doc._id, (obj, path) => {
        if ('_ref' in obj) {
          expect(obj['_type'], path).toBe('reference');
          expect(obj['_ref'], path).toBeTypeOf('string');
        }
        if (obj['_type'] === 'slug')
          expect(obj['current'], path).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        if (obj['_type'] === 'image') {
          expect(obj['_sanityAsset'], path).toMatch(
            /^image@file:\/\/\.\/images\/[0-9a-f]{40}-\d+x\d+\.(jpg|png)$/,
          );
          expect(asText(obj['alt']).trim(), `${path} alt`).not.toBe('');
        }
      });
    }
  });
});

describe('content/: counts and languages', () => {
  it('has enough of every document type', () => {
    expect(ofType('post').length).toBeGreaterThanOrEqual(20);
    expect(ofType('projectStory').length).toBeGreaterThanOrEqual(8);
    expect(ofType('caseStudy').length).toBeGreaterThanOrEqual(12);
    expect(ofType('person').length).toBeGreaterThanOrEqual(8);
    expect(ofType('topic').length).toBeGreaterThanOrEqual(8);
    expect(ofType('serviceArea').length).toBeGreaterThanOrEqual(6);
  });

  it('has the about page, the accessibility statement and the site settings', () => {
    const slugs = ofType('page').map((page) => asObj(page['slug'])['current']);
    expect(slugs).toEqual(expect.arrayContaining(['om', 'tilgjengelighet']));
    const settings = publishedById.get('siteSettings');
    expect(settings?._type).toBe('siteSettings');
    expect(settings?.['title']).toBe('Tanketanken');
    expect(settings?.['organization']).toBe('Bærum kommune');
    expect(settings?.['description']).toBeTypeOf('string');
    expect(settings?.['contactEmail']).toMatch(/@/);
    expect(settings?.['feedbackUrl']).toMatch(/^(https:|mailto:)/);
    expect(settings?.['license']).toEqual({
      name: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.no',
    });
    const statementId = asObj(settings?.['accessibilityStatement'])['_ref'];
    const statement = publishedById.get(String(statementId));
    expect(asObj(statement?.['slug'])['current']).toBe('tilgjengelighet');
    const hrefs = blocksOf(statement as Doc).flatMap((block) =>
      asArray(block['markDefs']).map((def) => asText(asObj(def)['href'])),
    );
    expect(hrefs.some((href) => href.startsWith('mailto:'))).toBe(true);
    expect(hrefs.some((href) => /uustatus\.no|uutilsynet\.no/.test(href))).toBe(true);
  });

  it('is mostly in bokmål, with nynorsk and English documents', () => {
    const languages = published.filter((doc) => 'language' in doc).map((doc) => doc['language']);
    for (const language of languages) expect(['nb', 'nn', 'en']).toContain(language);
    const count = (code: string) => languages.filter((language) => language === code).length;
    expect(count('nn')).toBeGreaterThanOrEqual(3);
    expect(count('en')).toBeGreaterThanOrEqual(2);
    expect(count('nb')).toBeGreaterThan(languages.length / 2);
  });

  it('keeps one draft and one scheduled post, and dates everything else in the past', () => {
    const drafts = documents.filter((doc) => isUnpublishedId(doc._id));
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const draft of drafts) {
      const original = publishedById.get(draft._id.replace(/^drafts\./, ''));
      expect(original, `${draft._id} drafts a published document`).toBeDefined();
      expect(draft['title']).not.toBe(original?.['title']);
    }
    const scheduled = documents.filter((doc) => !isUnpublishedId(doc._id) && isScheduled(doc));
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    for (const doc of articles) {
      expect(doc['publishedAt'] as string, doc._id).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect((doc['publishedAt'] as string) >= '2015-01-01', doc._id).toBe(true);
    }
  });
});

describe('content/: what every document needs', () => {
  it('gives every article a title, slug, excerpt, authors, topics and service areas', () => {
    for (const doc of articles) {
      const title = asText(doc['title']);
      const excerpt = asText(doc['excerpt']);
      expect(title.length, `${doc._id} title`).toBeGreaterThan(0);
      expect(title.length, `${doc._id} title`).toBeLessThanOrEqual(LIMITS.titleSoft);
      expect(excerpt.length, `${doc._id} excerpt`).toBeGreaterThan(0);
      expect(excerpt.length, `${doc._id} excerpt`).toBeLessThanOrEqual(LIMITS.excerptSoft);
      for (const field of ['authors', 'topics', 'serviceAreas']) {
        expect(asArray(doc[field]).length, `${doc._id} ${field}`).toBeGreaterThan(0);
      }
    }
    for (const post of ofType('post')) {
      const words = asArray(post['body'])
        .map(asObj)
        .flatMap((block) => asArray(block['children']).map((span) => asText(asObj(span)['text'])))
        .join(' ')
        .split(/\s+/)
        .filter((word) => word !== '').length;
      expect(words, `${post._id} body words`).toBeGreaterThanOrEqual(200);
      expect(words, `${post._id} body words`).toBeLessThanOrEqual(600);
    }
  });

  it('gives most articles a main image', () => {
    const withImage = articles.filter((doc) => asObj(doc['mainImage'])['_sanityAsset']);
    expect(withImage.length / articles.length).toBeGreaterThanOrEqual(0.8);
  });

  it('uses unique slugs within each type', () => {
    const seen = new Map<string, string>();
    for (const doc of published) {
      const slug = asObj(doc['slug'])['current'];
      if (typeof slug !== 'string') continue;
      const key = `${doc._type}/${slug}`;
      expect(seen.get(key), `${doc._id} and ${seen.get(key)} share ${key}`).toBeUndefined();
      seen.set(key, doc._id);
    }
  });

  it('describes people with role, unit, bio and an example e-mail address', () => {
    for (const person of ofType('person')) {
      for (const field of ['name', 'role', 'unit', 'bio'])
        expect(person[field], `${person._id} ${field}`).toBeTypeOf('string');
      expect(person['email'], person._id).toMatch(/^[a-z.]+@tanketanken\.example$/);
    }
  });

  it('uses every status on a project or case, and gives projects a timeline', () => {
    const statuses = new Set(initiatives.map((doc) => doc['status']));
    for (const { value } of STATUSES) expect(statuses, `status ${value}`).toContain(value);
    for (const project of ofType('projectStory')) {
      const updates = asArray(project['updates']).map(asObj);
      expect(updates.length, project._id).toBeGreaterThanOrEqual(2);
      expect(updates.length, project._id).toBeLessThanOrEqual(5);
      for (const update of updates) {
        expect(update['date'], project._id).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(update['title'], project._id).toBeTypeOf('string');
      }
      expect(project['contact'], project._id).toBeDefined();
      const start = asText(project['startDate']);
      const end = asText(project['endDate']);
      if (start !== '' && end !== '')
        expect(end >= start, `${project._id} ends before it starts`).toBe(true);
    }
  });

  it('fills every section of every case, with SDGs', () => {
    for (const study of ofType('caseStudy')) {
      for (const field of ['problem', 'solution', 'results', 'lessonsLearned']) {
        expect(asArray(study[field]).length, `${study._id} ${field}`).toBeGreaterThan(0);
      }
      for (const field of ['targetGroup', 'reuse', 'costs', 'municipality']) {
        expect(asText(study[field]).length, `${study._id} ${field}`).toBeGreaterThan(0);
      }
      const sdgs = asArray(study['sdgs']);
      expect(sdgs.length, `${study._id} sdgs`).toBeGreaterThan(0);
      for (const goal of sdgs)
        expect(Number.isInteger(goal) && (goal as number) >= 1 && (goal as number) <= 17).toBe(
          true,
        );
    }
  });

  it('awards cases across years, categories and results, including an honest failure', () => {
    const awards = ofType('caseStudy').flatMap((study) =>
      asArray(study['awards']).map((award): Obj => ({ ...asObj(award), status: study['status'] })),
    );
    const years = new Set(awards.map((award) => award['year']));
    expect(years.size).toBeGreaterThanOrEqual(5);
    for (const year of years) expect(Number(year) >= 2016 && Number(year) <= 2025).toBe(true);
    for (const { value } of AWARD_CATEGORIES)
      expect(awards.map((a) => a['category'])).toContain(value);
    for (const { value } of AWARD_RESULTS) expect(awards.map((a) => a['result'])).toContain(value);
    expect(
      awards.some(
        (a) =>
          a['year'] === 2016 && a['category'] === 'arets-innovasjon' && a['result'] === 'winner',
      ),
    ).toBe(true);
    expect(awards.some((a) => a['category'] === 'beste-feil' && a['status'] === 'ended')).toBe(
      true,
    );
  });
});

describe('content/: Portable Text coverage', () => {
  const markDefs = allBlocks.flatMap((block) => asArray(block['markDefs']).map(asObj));
  const spans = allBlocks.flatMap((block) => asArray(block['children']).map(asObj));

  it('uses every style and list type', () => {
    const styles = new Set(allBlocks.filter((b) => b['_type'] === 'block').map((b) => b['style']));
    for (const style of ['normal', 'h2', 'h3', 'h4', 'blockquote'])
      expect(styles, style).toContain(style);
    const lists = new Set(allBlocks.map((b) => b['listItem']).filter(Boolean));
    expect([...lists].sort()).toEqual(['bullet', 'number']);
  });

  it('uses every decorator, and every mark points at a decorator or a markDef in its block', () => {
    const decorators = ['strong', 'em', 'code', 'strike-through'];
    const used = new Set(spans.flatMap((span) => asArray(span['marks'])));
    for (const decorator of decorators) expect(used, decorator).toContain(decorator);
    for (const block of allBlocks.filter((b) => b['_type'] === 'block')) {
      const keys = asArray(block['markDefs']).map((def) => asObj(def)['_key']);
      for (const span of asArray(block['children']).map(asObj)) {
        expect(span['_type']).toBe('span');
        for (const mark of asArray(span['marks'])) expect([...decorators, ...keys]).toContain(mark);
      }
    }
  });

  it('uses links with allowed schemes and internal links', () => {
    const links = markDefs.filter((def) => def['_type'] === 'link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const scheme = asText(link['href']).split(':')[0] ?? '';
      expect(LINK_SCHEMES as readonly string[]).toContain(scheme);
    }
    const internal = markDefs.filter((def) => def['_type'] === 'internalLink');
    expect(internal.length).toBeGreaterThan(0);
    for (const def of internal) expect(asObj(def['reference'])['_type']).toBe('reference');
  });

  it('uses images with alt and caption, callouts in every tone, fact boxes, pull quotes and videos', () => {
    const images = allBlocks.filter((b) => b['_type'] === 'image');
    expect(images.some((b) => b['alt'] && b['caption'])).toBe(true);
    const tones = new Set(allBlocks.filter((b) => b['_type'] === 'callout').map((b) => b['tone']));
    for (const { value } of CALLOUT_TONES) expect(tones, `callout ${value}`).toContain(value);
    for (const callout of allBlocks.filter((b) => b['_type'] === 'callout'))
      expect(callout['text']).toBeTypeOf('string');
    const factBoxes = allBlocks.filter((b) => b['_type'] === 'factBox');
    expect(factBoxes.length).toBeGreaterThan(0);
    for (const box of factBoxes) {
      expect(box['title']).toBeTypeOf('string');
      expect(asArray(box['items']).length).toBeGreaterThan(0);
    }
    const quotes = allBlocks.filter((b) => b['_type'] === 'pullQuote');
    expect(quotes.some((q) => q['text'] && q['attribution'])).toBe(true);
    const videos = allBlocks.filter((b) => b['_type'] === 'videoEmbed');
    expect(videos.length).toBeGreaterThan(0);
    for (const video of videos) {
      expect(VIDEO_HOSTS as readonly string[]).toContain(new URL(asText(video['url'])).hostname);
      expect(asText(video['title'])).not.toBe('');
    }
  });
});

describe('content/: references and files', () => {
  const allowed: Record<string, string[]> = {
    authors: ['person'],
    topics: ['topic'],
    serviceAreas: ['serviceArea'],
    contact: ['person'],
    related: ARTICLE_TYPES,
    reference: [...ARTICLE_TYPES, 'page', 'topic'],
    accessibilityStatement: ['page'],
  };

  it('resolves every reference to a published document of the right type', () => {
    const problems: string[] = [];
    for (const doc of documents) {
      walk(doc, doc._id, (obj, path) => {
        if (typeof obj['_ref'] !== 'string') return;
        const target = publishedById.get(obj['_ref']);
        if (!target) {
          problems.push(`${path} → ${obj['_ref']} is not a published document`);
          return;
        }
        const field =
          path
            .replace(/\[\d+\]$/, '')
            .split('.')
            .at(-1) ?? '';
        const types = allowed[field];
        if (!types) problems.push(`${path}: unexpected reference field ${field}`);
        else if (!types.includes(target._type))
          problems.push(`${path} → ${target._type} not allowed`);
        if (target._id === doc._id.replace(/^drafts\./, ''))
          problems.push(`${path} points at itself`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('has an image file with the right SHA-1 and size for every asset', () => {
    const assets = new Set<string>();
    for (const doc of documents) {
      walk(doc, doc._id, (obj) => {
        if (typeof obj['_sanityAsset'] === 'string') assets.add(obj['_sanityAsset']);
      });
    }
    expect(assets.size).toBeGreaterThanOrEqual(10);
    for (const asset of assets) {
      const match = /^image@file:\/\/\.\/images\/(([0-9a-f]{40})-(\d+)x(\d+)\.(jpg|png))$/.exec(
        asset,
      );
      expect(match, asset).not.toBeNull();
      const [, file = '', sha1, width, height] = match ?? [];
      const bytes = readFileSync(join(contentDir, 'images', file));
      expect(createHash('sha1').update(bytes).digest('hex'), file).toBe(sha1);
      expect(readImageSize(bytes), file).toEqual({ width: Number(width), height: Number(height) });
    }
  });

  it('keeps content/ under 15 MB', () => {
    expect(directorySize(contentDir)).toBeLessThan(15 * 1024 * 1024);
  });
});
