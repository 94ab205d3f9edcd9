/**
 * Property-based test of the content boundary (issue #22): fast-check throws generated
 * documents at the pipeline — arbitrary Portable Text, prototype-named keys and types,
 * control characters, huge and deep values, every shape of URL — and the build's pure
 * steps run on what comes out: query (groq-js) → check → normalise → store (blocks files'
 * text) → render (Portable Text, feed items) → open data. Whatever the input, no step
 * throws (two documents with one slug may stop the build, as they should), and no output
 * carries an unsafe URL, an element or attribute that runs script, an SVG image or a CSV
 * cell a spreadsheet would run.
 *
 * CI runs a fixed seed and a few hundred cases; `npm run test:property` runs many more
 * with a new seed (printed on failure, to replay with `--mode property` and the seed).
 */
import { Parser } from 'htmlparser2';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { checkEmail, checkUrl } from '../../content-schemas/validation.ts';
import { loadSiteContent } from '../../src/sanity/content.ts';
import type { SiteContent } from '../../src/sanity/normalise/site-content.ts';
import { DuplicateSlugError } from '../../src/sanity/problems.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { prepareBlocks } from '../../src/sanity/store/blocks-file.ts';
import { renderPortableText, type BlockImage } from '../../src/lib/portable-text.ts';
import { toFeedItem, writeRss, type FeedItem } from '../../src/lib/feed.ts';
import { buildOpenDataSet, writeOpenDataCsv, writeOpenDataJson } from '../../src/lib/open-data.ts';
import { parseCsv } from '../helpers/csv.ts';

const SITE = 'https://innovasjon.kommune.example';
const NOW = new Date('2025-06-01T00:00:00Z');
/** `vitest --mode property` (npm run test:property) is the long run. */
const LONG = import.meta.env.MODE === 'property';
const RUNS = LONG ? 20_000 : 300;
/** A fixed seed in CI, so a failure there fails again on replay; a new one for long runs. */
const SEED = LONG ? Date.now() : 22;

const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'valueOf',
  'toString',
  'isPrototypeOf',
  '__defineGetter__',
];

/**
 * A record as JSON.parse makes one: fast-check may otherwise give it a null prototype,
 * which no export or Content Lake response has.
 */
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

/** Names: the content model's own, prototype names, and anything else. */
const nameOf = (known: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
  );

/** Text with control characters, markup and every code point. */
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\u0000\u0001\u001f\u007f\u2028\u2029',
    '=HYPERLINK("https://evil.example")',
    '- punkt',
    '@SUM(A1)',
    'data-pagefind-body',
    ']]><!--',
  ),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => 'æ'.repeat(length)),
);

/** Every shape of URL: good ones, hostile ones, mixed case, leading spaces and controls. */
const urlArb = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' \u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/',
    '/innlegg/x/',
    'mailto:ola@kommune.no?bcc=alle@kommune.no',
    'tel:+4712345678',
    'https://www.youtube.com/live/M7lc1UVf-VE',
    'https://vimeo.com/123',
    'file:///etc/passwd',
  ),
  fc
    .tuple(
      fc.constantFrom('', ' ', '\t', '\u0000', '\u0001', '\n', '\u00a0'),
      fc.constantFrom(
        'javascript',
        'JAVASCRIPT',
        'data',
        'vbscript',
        'http',
        'https',
        'mailto',
        'tel',
        'blob',
      ),
      fc.constantFrom(':', '://', ':/'),
      fc.string({ maxLength: 20 }),
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** A value nested `depth` levels deep, as an edited export might hold one. */
const deepArb = fc.integer({ min: 500, max: 20_000 }).map((depth) => {
  let value: unknown = 'bunn';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { x: value };
  // fast-check prints a failing case by recursion; this value it names instead.
  return { x: value, [fc.toStringMethod]: () => `«${depth} levels deep»` };
});

const keyArb = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 10 }));

const imageAssetArb = fc
  .tuple(
    fc.constantFrom('a'.repeat(40), 'b1'.repeat(20)),
    fc.constantFrom('0x0', '1x1', '640x360', '100000x1', '1x100001'),
    fc.constantFrom('png', 'jpg', 'svg', 'SVG', 'webp', 'html', 'svgz'),
  )
  .map(([sha, size, format]) => `image@file://./images/${sha}-${size}.${format}`);

const spanArb = fc.record(
  {
    _type: nameOf(['span']),
    _key: keyArb,
    text: fc.oneof(textArb, fc.anything({ maxDepth: 1 })),
    marks: fc.array(nameOf(['strong', 'em', 'code', 'strike-through', 'k1', 'k2']), {
      maxLength: 3,
    }),
  },
  { requiredKeys: ['_type', 'text'], noNullPrototype: true },
);

const markDefArb = record({
  _type: nameOf(['link', 'internalLink']),
  _key: fc.constantFrom('k1', 'k2', '__proto__', 'constructor'),
  href: urlArb,
  reference: record({ _ref: fc.constantFrom('post-0', 'post-1', 'ingen', '__proto__') }),
});

const textBlockArb = fc.record(
  {
    _type: fc.constant('block'),
    _key: keyArb,
    style: nameOf(['normal', 'h2', 'h3', 'h4', 'blockquote']),
    listItem: nameOf(['bullet', 'number']),
    level: fc.oneof(
      fc.integer({ min: -3, max: 12 }),
      fc.constantFrom(1000, 1e7, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity),
      fc.string({ maxLength: 3 }),
    ),
    markDefs: fc.array(markDefArb, { maxLength: 3 }),
    children: fc.array(spanArb, { maxLength: 4 }),
    extra: fc.oneof(deepArb, fc.anything({ maxDepth: 3 })),
  },
  { requiredKeys: ['_type', 'children'], noNullPrototype: true },
);

const blockArb = fc.oneof(
  { weight: 6, arbitrary: textBlockArb },
  {
    weight: 1,
    arbitrary: record({
      _type: fc.constant('image'),
      _key: keyArb,
      _sanityAsset: imageAssetArb,
      alt: textArb,
    }),
  },
  {
    weight: 1,
    arbitrary: record({
      _type: fc.constant('videoEmbed'),
      _key: keyArb,
      url: urlArb,
      title: textArb,
    }),
  },
  {
    weight: 1,
    arbitrary: record({
      _type: fc.constantFrom('callout', 'factBox', 'pullQuote'),
      _key: keyArb,
      tone: nameOf(['info', 'tip', 'warning']),
      text: textArb,
      title: textArb,
      items: fc.oneof(fc.array(textArb, { maxLength: 3 }), fc.anything({ maxDepth: 1 })),
      attribution: textArb,
    }),
  },
  {
    weight: 1,
    arbitrary: record({
      _type: nameOf(['map', 'table', 'script']),
      _key: keyArb,
      value: fc.anything({ maxDepth: 2 }),
    }),
  },
);

const bodyArb = fc.oneof(
  { weight: 8, arbitrary: fc.array(blockArb, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

const publishedAtArb = fc.oneof(
  fc.constantFrom('2024-05-01T08:00:00Z', '2030-01-01T00:00:00Z', 'neste tirsdag', ''),
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2026-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
);

const slugArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]{1,10}$/) },
  { weight: 1, arbitrary: fc.constantFrom('a/b', '..', 'robots.txt', 'Store', 'sok', '%2F', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

const imageFieldArb = record({
  _type: fc.constant('image'),
  _sanityAsset: imageAssetArb,
  alt: textArb,
});

/** One document of a type the site shows, with every field open to odd values. */
const documentArb = record({
  type: fc.constantFrom('post', 'caseStudy', 'projectStory', 'page', 'person', 'topic'),
  title: textArb,
  slug: slugArb,
  publishedAt: publishedAtArb,
  updatedAt: fc.oneof(fc.constant(undefined), fc.constantFrom('2024-06-01T00:00:00Z', 'x')),
  excerpt: textArb,
  language: nameOf(['nb', 'nn', 'en']),
  body: bodyArb,
  problem: bodyArb,
  solution: bodyArb,
  status: nameOf(['idea', 'pilot', 'operational', 'spreading', 'ended']),
  mainImage: imageFieldArb,
  email: fc.oneof(fc.emailAddress(), urlArb, textArb),
  partners: fc.array(textArb, { maxLength: 3 }),
  topics: fc.array(record({ _type: fc.constant('reference'), _ref: keyArb }), {
    maxLength: 2,
  }),
  proto: fc.anything({ maxDepth: 2 }),
  protoKey: fc.constantFrom(...PROTOTYPE_NAMES),
});

/** Documents with ids of their own, and the settings singleton with odd links. */
const datasetArb = record({
  documents: fc.array(documentArb, { minLength: 1, maxLength: 6 }),
  settings: record({
    feedbackUrl: urlArb,
    license: record({ name: textArb, url: urlArb }),
    contactEmail: fc.oneof(fc.emailAddress(), urlArb),
    title: textArb,
  }),
});

type Dataset = typeof datasetArb extends fc.Arbitrary<infer T> ? T : never;

/** The generated documents in export form, as `data.ndjson` would hold them. */
function toExport(dataset: Dataset): RawDocument[] {
  const docs = dataset.documents.map((fields, index): RawDocument => {
    const { type, slug, updatedAt, proto, protoKey, ...rest } = fields;
    const doc: Record<string, unknown> = {
      ...rest,
      _id: `${type}-${index}`,
      _type: type,
      _rev: 'r1',
      slug: { _type: 'slug', current: slug },
      name: rest.title,
    };
    // An own key named like a prototype property, as JSON.parse makes of one in an export.
    Object.defineProperty(doc, protoKey, {
      value: proto,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (updatedAt !== undefined) doc['_updatedAt'] = updatedAt;
    return doc as RawDocument;
  });
  const settings = { _id: 'siteSettings', _type: 'siteSettings', _rev: 'r1', ...dataset.settings };
  return [settings, ...docs];
}

/** Schemes a link in the output may have; anything else is unsafe. */
const SAFE_LINK = /^(?:https?:|mailto:|tel:|\/(?!\/)|#)/i;
/** Attributes that take a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster']);
/** Elements that run script or embed other documents. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'style',
  'base',
  'form',
  'meta',
  'link',
]);

/** What is unsafe in HTML from content, found by parsing it. */
function findUnsafeMarkup(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (ACTIVE_ELEMENTS.has(name)) found.push(`<${name}>`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute.startsWith('on')) found.push(`${name}[${attribute}]`);
        if (URL_ATTRIBUTES.has(attribute) && !SAFE_LINK.test(value)) {
          found.push(`${name}[${attribute}=${JSON.stringify(value.slice(0, 40))}]`);
        }
        if (attribute === 'srcset' && /(?:^|,)\s*(?!https?:|\/(?!\/))\S/i.test(value)) {
          found.push(`${name}[srcset=${JSON.stringify(value.slice(0, 40))}]`);
        }
      }
    },
  });
  parser.end(html);
  return found;
}

/** An image pipeline as Astro's: a local file becomes `/_astro/<name>`, a CDN URL stays. */
function resolveImage(image: BlockImage) {
  if (typeof image.src !== 'string') return undefined;
  const src = image.kind === 'local' ? `/_astro/${image.src.split('/').at(-1) ?? ''}` : image.src;
  return { src, width: image.width, height: image.height };
}

/** Runs every pure step of the build on `content`; returns what they wrote. */
function buildOutputs(content: SiteContent): {
  html: string[];
  items: FeedItem[];
  rss: string;
  csv: string;
  json: string;
} {
  const html: string[] = [];
  const items: FeedItem[] = [];
  for (const doc of [
    ...content.post,
    ...content.projectStory,
    ...content.caseStudy,
    ...content.page,
  ]) {
    // The store stage: each Portable Text field becomes a blocks file's text.
    const fields =
      doc.type === 'caseStudy'
        ? ['body', 'problem', 'solution', 'results', 'lessonsLearned']
        : ['body'];
    for (const field of fields) {
      const blocks = (doc as unknown as Record<string, unknown>)[field] ?? [];
      prepareBlocks('/tmp/blocks', doc.id, field, blocks);
      const rendered = renderPortableText(blocks as unknown[], { resolveImage });
      html.push(rendered.html);
      if (doc.type === 'page' || field !== 'body') continue;
      items.push(
        toFeedItem(
          { ...doc, html: rendered.html, problems: rendered.problems, enclosure: undefined },
          SITE,
        ),
      );
    }
    for (const image of 'mainImage' in doc && doc.mainImage ? [doc.mainImage] : []) {
      expect(image.src).not.toMatch(/\.svgz?$/i);
    }
  }
  const settings = content.siteSettings;
  html.push(
    `<a href="${settings.license.url}">l</a>` +
      (settings.feedbackUrl ? `<a href="${settings.feedbackUrl}">f</a>` : ''),
  );
  const rss = writeRss({
    title: settings.title,
    description: settings.description,
    link: SITE,
    selfUrl: `${SITE}/rss.xml`,
    language: 'nb-NO',
    items,
  });
  const data = buildOpenDataSet(content.caseStudy, {
    site: SITE,
    title: 'Innovasjonscaser',
    description: 'Åpne data',
    publisher: settings.organization,
    license: settings.license,
  });
  return { html, items, rss, csv: writeOpenDataCsv(data), json: writeOpenDataJson(data) };
}

describe('the content boundary holds for generated documents', () => {
  test(
    `no step throws and no output is unsafe (${RUNS} cases, seed ${SEED})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(datasetArb, async (dataset) => {
          let content: SiteContent;
          try {
            content = await loadSiteContent(createLocalEngine(toExport(dataset), 'property'), {
              now: NOW,
              cdn: undefined,
            });
          } catch (error) {
            // Two documents of one type with one slug stop the build, as they must.
            if (error instanceof DuplicateSlugError) return;
            throw error;
          }
          // The store serialises every entry: nothing too deep, nothing circular.
          JSON.stringify(content);
          for (const problem of content.problems) {
            expect(problem.id).not.toBe('');
            expect(problem.field).not.toBe('');
          }
          const settings = content.siteSettings;
          expect(checkUrl(settings.license.url, 'license')).toBeUndefined();
          expect(checkUrl(settings.feedbackUrl, 'feedback')).toBeUndefined();
          expect(checkEmail(settings.contactEmail)).toBeUndefined();
          for (const person of content.person) expect(checkEmail(person.email)).toBeUndefined();

          const outputs = buildOutputs(content);
          for (const html of outputs.html) expect(findUnsafeMarkup(html)).toEqual([]);
          // Feed items carry the same HTML, made absolute, escaped once more in well-formed XML.
          for (const item of outputs.items) {
            expect(findUnsafeMarkup(item.contentHtml)).toEqual([]);
            expect(item.link).toMatch(/^https:\/\/innovasjon\.kommune\.example\//);
          }
          const rss = new XMLParser().parse(outputs.rss) as { rss?: { channel?: unknown } };
          expect(rss.rss?.channel).toBeDefined();
          for (const row of parseCsv(outputs.csv.slice(1)).slice(1)) {
            for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
          JSON.parse(outputs.json);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
    LONG ? 3_600_000 : 60_000,
  );
});
