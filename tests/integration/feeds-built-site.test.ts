/**
 * Every feed, the OPML file and the open data in the built embedded site, checked against
 * the dataset itself: counts, order, membership, escaping, enclosures, drafts and
 * scheduled documents. Expectations are computed from `content/data.ndjson` here, not
 * from the site's own code, so a bug in the loader or the feed code shows up.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CASE_SECTIONS } from '../../content-schemas/case-sections.ts';
import { getDocumentPath, TYPE_SEGMENTS } from '../../content-schemas/routes.ts';
import { ROOT } from '../helpers/build-site.ts';
import { parseCsv } from '../helpers/csv.ts';
import { parseTurtle, validateCatalogue } from '../helpers/dcat.ts';

const SITE = 'https://tanketanken.example';
const DATASET = path.join(ROOT, 'content', 'data.ndjson');
const CONTENT_TYPES = ['post', 'projectStory', 'caseStudy'] as const;
type ContentType = (typeof CONTENT_TYPES)[number];

type Raw = Record<string, unknown>;
interface Ref {
  _ref: string;
}
interface RawArticle {
  _id: string;
  _type: ContentType;
  _updatedAt: string;
  title: string;
  slug: { current: string };
  excerpt?: string;
  publishedAt: string;
  authors?: Ref[];
  topics?: Ref[];
  serviceAreas?: Ref[];
  mainImage?: Raw;
}
interface Expected {
  doc: RawArticle;
  url: string;
}

let siteDir: string;
let raw: Raw[];
let byId: Map<string, Raw>;
let published: Expected[];
let feedFiles: string[];

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['item', 'category', 'dc:creator', 'outline'].includes(name),
});
const rss = new Parser();
const html = new HtmlValidate({
  root: true,
  rules: {
    'close-order': 'error',
    'close-attr': 'error',
    'element-name': 'error',
    'no-dup-attr': 'error',
    'no-dup-id': 'error',
    'no-raw-characters': 'error',
    'unrecognized-char-ref': 'error',
    'attr-quotes': ['error', { style: 'double' }],
  },
});

const isPublishedId = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.');
const urlOf = (type: ContentType | 'topic' | 'serviceArea', slug: string) =>
  new URL(getDocumentPath(type, slug), SITE).href;

/** Ids the build said it left out (the loader's); a document whose page renders is in the feeds. */
function readLeftOut(output: string): Set<string> {
  const ids = new Set<string>();
  for (const match of output.matchAll(
    /(?:post|projectStory|caseStudy) "([^"]+)" · [^\n]*\(left out\)/g,
  )) {
    ids.add(match[1] ?? '');
  }
  return ids;
}

function compareNewest(a: Expected, b: Expected): number {
  const difference = Date.parse(b.doc.publishedAt) - Date.parse(a.doc.publishedAt);
  return difference !== 0 ? difference : a.doc._id < b.doc._id ? -1 : 1;
}

async function listFiles(dir: string, name: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The dist file behind an absolute site URL. */
function toDistFile(url: string): string {
  const { origin, pathname } = new URL(url);
  expect(origin).toBe(SITE);
  const decoded = decodeURIComponent(pathname);
  return path.join(siteDir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
}

/** What a feed file should carry, from its path. */
function expectedFor(feedPath: string): Expected[] {
  const termSlug = (ref: Ref) => {
    const term = byId.get(ref._ref);
    return term ? String((term['slug'] as { current: string }).current) : undefined;
  };
  let filter: (doc: RawArticle) => boolean;
  const topic = /^\/tema\/([^/]+)\/rss\.xml$/.exec(feedPath);
  const area = /^\/tjenesteomrader\/([^/]+)\/rss\.xml$/.exec(feedPath);
  const type = CONTENT_TYPES.find(
    (candidate) => feedPath === `/${TYPE_SEGMENTS[candidate]}/rss.xml`,
  );
  if (feedPath === '/rss.xml') filter = () => true;
  else if (type) filter = (doc) => doc._type === type;
  else if (topic) filter = (doc) => (doc.topics ?? []).some((ref) => termSlug(ref) === topic[1]);
  else if (area)
    filter = (doc) => (doc.serviceAreas ?? []).some((ref) => termSlug(ref) === area[1]);
  else throw new Error(`${feedPath} is not a feed the architecture lists`);
  return published
    .filter((entry) => filter(entry.doc))
    .sort(compareNewest)
    .slice(0, 50);
}

beforeAll(async () => {
  siteDir = inject('siteDir');
  const leftOut = readLeftOut(inject('buildOutput'));
  const text = await fs.readFile(DATASET, 'utf8');
  raw = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Raw);
  byId = new Map(
    raw.filter((doc) => isPublishedId(String(doc['_id']))).map((doc) => [String(doc['_id']), doc]),
  );
  const now = Date.now();
  published = raw
    .filter(
      (doc): doc is Raw & RawArticle =>
        CONTENT_TYPES.includes(doc['_type'] as ContentType) &&
        isPublishedId(String(doc['_id'])) &&
        typeof doc['publishedAt'] === 'string' &&
        Date.parse(doc['publishedAt']) <= now &&
        !leftOut.has(String(doc['_id'])),
    )
    .map((doc) => ({ doc, url: urlOf(doc._type, doc.slug.current) }));
  feedFiles = await listFiles(siteDir, 'rss.xml');
});

describe('the embedded dataset', () => {
  it('has drafts and enough published documents to test against', () => {
    expect(published.length).toBeGreaterThanOrEqual(20);
    expect(raw.some((doc) => !isPublishedId(String(doc['_id'])))).toBe(true);
  });
});

describe('every feed in dist/', () => {
  it('includes the site feed, one per content type, topic and service area', () => {
    const paths = feedFiles.map((file) => `/${path.relative(siteDir, file)}`).sort();
    const topics = [...byId.values()].filter((doc) => doc['_type'] === 'topic');
    const areas = [...byId.values()].filter((doc) => doc['_type'] === 'serviceArea');
    const expected = [
      '/rss.xml',
      ...CONTENT_TYPES.map((type) => `/${TYPE_SEGMENTS[type]}/rss.xml`),
      ...topics.map((doc) => `/tema/${(doc['slug'] as { current: string }).current}/rss.xml`),
      ...areas.map(
        (doc) => `/tjenesteomrader/${(doc['slug'] as { current: string }).current}/rss.xml`,
      ),
    ].sort();
    expect(paths).toEqual(expected);
  });

  it('is well-formed XML, parses as RSS 2.0, and matches the dataset item by item', async () => {
    for (const file of feedFiles) {
      const feedPath = `/${path.relative(siteDir, file)}`;
      const text = await fs.readFile(file, 'utf8');
      const valid = XMLValidator.validate(text);
      expect(valid, `${feedPath}: ${JSON.stringify(valid)}`).toBe(true);
      const parsed = await rss.parseString(text);
      const tree = xml.parse(text) as { rss: { '@_version': string; channel: Raw } };
      expect(tree.rss['@_version']).toBe('2.0');
      const channel = tree.rss.channel;
      const items = (channel['item'] ?? []) as Raw[];
      const expected = expectedFor(feedPath);

      // Channel.
      expect(parsed.title, feedPath).toBeTruthy();
      expect(channel['description'], feedPath).toBeTruthy();
      expect(channel['language']).toBe('nb-NO');
      expect(String(channel['link'])).toMatch(new RegExp(`^${SITE}/`));
      const self = channel['atom:link'] as Raw;
      expect(self['@_rel']).toBe('self');
      expect(self['@_href']).toBe(`${SITE}${feedPath}`);
      const image = channel['image'] as Raw | undefined;
      expect(image, `${feedPath} has a channel image`).toBeDefined();
      await expect(fs.stat(toDistFile(String(image?.['url'])))).resolves.toBeTruthy();
      if (expected.length > 0) {
        const newest = Math.max(
          ...expected.flatMap(({ doc }) => [
            Date.parse(doc._updatedAt),
            Date.parse(doc.publishedAt),
          ]),
        );
        expect(channel['lastBuildDate']).toBe(new Date(newest).toUTCString());
      }

      // Items: the latest min(50, published) in scope, newest first.
      expect(
        parsed.items.map((item) => item.guid),
        feedPath,
      ).toEqual(expected.map((entry) => entry.url));
      expect(items).toHaveLength(Math.min(50, expected.length));
      for (const [index, item] of items.entries()) {
        const { doc, url } = expected[index] ?? { doc: undefined, url: '' };
        if (!doc) throw new Error(`${feedPath}: item ${index} has no expected document`);
        const where = `${feedPath} item ${doc._id}`;
        expect(item['title'], where).toBe(doc.title);
        expect(item['link'], where).toBe(url);
        expect((item['guid'] as Raw)['@_isPermaLink'], where).toBe('true');
        expect(item['pubDate'], where).toBe(new Date(doc.publishedAt).toUTCString());
        if (doc.excerpt) expect(item['description'], where).toBe(doc.excerpt);
        else expect(String(item['description']).length, where).toBeGreaterThan(0);

        const creators = (item['dc:creator'] ?? []) as string[];
        const authors = (doc.authors ?? [])
          .map((ref) => byId.get(ref._ref)?.['name'])
          .filter((name): name is string => typeof name === 'string');
        expect(creators, where).toEqual(authors);

        const categories = ((item['category'] ?? []) as Raw[]).map((category) => ({
          name: category['#text'],
          domain: category['@_domain'],
        }));
        const terms = [
          ...(doc.topics ?? []).map((ref) => ['topic', ref] as const),
          ...(doc.serviceAreas ?? []).map((ref) => ['serviceArea', ref] as const),
        ].flatMap(([kind, ref]) => {
          const term = byId.get(ref._ref);
          if (!term) return [];
          const slug = (term['slug'] as { current: string }).current;
          return [{ name: term['title'], domain: urlOf(kind, slug) }];
        });
        expect(categories, where).toEqual(terms);

        const enclosure = item['enclosure'] as Raw | undefined;
        expect(enclosure !== undefined, `${where} has an enclosure iff it has a main image`).toBe(
          doc.mainImage !== undefined,
        );
        if (enclosure) {
          const stat = await fs.stat(toDistFile(String(enclosure['@_url'])));
          expect(Number(enclosure['@_length']), where).toBe(stat.size);
          expect(String(enclosure['@_type']), where).toMatch(/^image\/(jpeg|png|webp|gif|avif)$/);
        }

        const content = String(item['content:encoded']);
        expect(content.length, where).toBeGreaterThan(0);
        const report = await html.validateString(content);
        expect(
          report.results.flatMap((result) => result.messages.map((message) => message.message)),
          where,
        ).toEqual([]);
        for (const match of content.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
          expect(match[1], `${where}: every URL in content:encoded is absolute`).toMatch(
            /^(https?:|mailto:|tel:|#)/,
          );
        }
        if (doc._type === 'caseStudy') {
          const sections = CASE_SECTIONS.filter((section) => {
            const value = (doc as unknown as Raw)[section.field];
            return Array.isArray(value) ? value.length > 0 : Boolean(value);
          });
          for (const section of sections) {
            expect(content, `${where} has its ${section.field} section`).toContain(
              `<h2 id="${section.headingId}">${section.heading}</h2>`,
            );
          }
        }
      }
    }
  });

  it('never carries a draft or a scheduled document', async () => {
    const now = Date.now();
    const hidden = raw.filter(
      (doc) =>
        CONTENT_TYPES.includes(doc['_type'] as ContentType) &&
        (!isPublishedId(String(doc['_id'])) || Date.parse(String(doc['publishedAt'])) > now),
    );
    const shownIds = new Set(published.map((entry) => entry.doc._id));
    const shownUrls = new Set(published.map((entry) => entry.url));
    const forbidden = hidden
      .filter((doc) => !shownIds.has(String(doc['_id']).replace(/^(drafts|versions\.[^.]+)\./, '')))
      .map((doc) =>
        urlOf(doc['_type'] as ContentType, (doc['slug'] as { current: string }).current),
      )
      .filter((url) => !shownUrls.has(url));
    const all = (await Promise.all(feedFiles.map((file) => fs.readFile(file, 'utf8')))).join('\n');
    for (const url of forbidden)
      expect(all, url).not.toContain(`<guid isPermaLink="true">${url}</guid>`);
    for (const doc of hidden) {
      if (
        typeof doc['title'] === 'string' &&
        !published.some((entry) => entry.doc.title === doc['title'])
      ) {
        expect(all).not.toContain(`<title>${doc['title']}</title>`);
      }
    }
  });
});

describe('feeds.opml', () => {
  it('is OPML 2.0 listing every feed, each of which exists in dist/', async () => {
    const text = await fs.readFile(path.join(siteDir, 'feeds.opml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const tree = xml.parse(text) as { opml: { '@_version': string; head: Raw; body: Raw } };
    expect(tree.opml['@_version']).toBe('2.0');
    expect(tree.opml.head['title']).toBeTruthy();
    const feeds = ((tree.opml.body['outline'] ?? []) as Raw[]).flatMap(
      (group) => (group['outline'] ?? []) as Raw[],
    );
    for (const feed of feeds) {
      expect(feed['@_type']).toBe('rss');
      expect(feed['@_text']).toBeTruthy();
      await expect(
        fs.stat(toDistFile(String(feed['@_xmlUrl']))),
        String(feed['@_xmlUrl']),
      ).resolves.toBeTruthy();
      expect(String(feed['@_htmlUrl'])).toMatch(new RegExp(`^${SITE}/`));
    }
    const listed = feeds.map((feed) => new URL(String(feed['@_xmlUrl'])).pathname).sort();
    expect(listed).toEqual(feedFiles.map((file) => `/${path.relative(siteDir, file)}`).sort());
  });
});

describe('open data', () => {
  const cases = () => published.filter((entry) => entry.doc._type === 'caseStudy');

  it('katalog.ttl describes the case library in DCAT-AP-NO 2, as the official shapes require', async () => {
    const turtle = await fs.readFile(path.join(siteDir, 'data', 'katalog.ttl'), 'utf8');
    expect(await validateCatalogue(turtle)).toEqual([]);
    const store = parseTurtle(turtle);
    const settings = byId.get('siteSettings') ?? {};
    const publisher = `https://data.brreg.no/enhetsregisteret/api/enheter/${String(settings['organizationNumber'])}`;
    expect(store.getObjects(publisher, 'http://xmlns.com/foaf/0.1/name', null)[0]?.value).toBe(
      settings['organization'],
    );
    const downloads = store
      .getObjects(null, 'http://www.w3.org/ns/dcat#downloadURL', null)
      .map((term) => new URL(term.value).pathname)
      .sort();
    expect(downloads).toEqual(['/data/caser.csv', '/data/caser.json']);
    for (const download of downloads) {
      await expect(fs.stat(path.join(siteDir, download))).resolves.toBeTruthy();
    }
  });

  it('caser.json lists every published case with facts, sections and the licence', async () => {
    const data = JSON.parse(
      await fs.readFile(path.join(siteDir, 'data', 'caser.json'), 'utf8'),
    ) as {
      license: { name: string; url: string };
      count: number;
      cases: Raw[];
    };
    const settings = byId.get('siteSettings');
    const license = (settings?.['license'] ?? {}) as { name?: string; url?: string };
    expect(data.license.name).toBe(license.name ?? 'CC BY 4.0');
    expect(data.license.url).toMatch(/^https:\/\//);
    const expected = [...cases()].sort(compareNewest);
    expect(data.count).toBe(expected.length);
    expect(data.cases.map((record) => record['url'])).toEqual(expected.map((entry) => entry.url));
    for (const [index, record] of data.cases.entries()) {
      const doc = expected[index]?.doc as unknown as Raw;
      expect(record['id']).toBe(doc['_id']);
      expect(record['title']).toBe(doc['title']);
      expect(record['status']).toBe(doc['status']);
      expect((record['sdgs'] as { goal: number }[]).map((sdg) => sdg.goal)).toEqual(
        (doc['sdgs'] ?? []) as number[],
      );
      expect((record['awards'] as Raw[]).map((award) => award['year'])).toEqual(
        ((doc['awards'] ?? []) as Raw[]).map((award) => award['year']),
      );
      for (const field of ['problem', 'solution']) {
        const firstText = ((doc[field] ?? []) as Raw[])
          .filter((block) => block['_type'] === 'block')
          .flatMap((block) => (block['children'] as Raw[]).map((child) => String(child['text'])))
          .join('')
          .slice(0, 20);
        expect(String(record[field]), `${String(doc['_id'])} ${field}`).toContain(firstText);
        expect(String(record[field])).not.toMatch(/<[a-z]/);
      }
      expect(record['targetGroup']).toBe(doc['targetGroup'] ?? '');
      expect(record['reuse']).toBe(doc['reuse'] ?? '');
    }
  });

  it('caser.csv is RFC 4180 with a BOM and the same cases as the JSON', async () => {
    const bytes = await fs.readFile(path.join(siteDir, 'data', 'caser.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    const data = JSON.parse(
      await fs.readFile(path.join(siteDir, 'data', 'caser.json'), 'utf8'),
    ) as {
      cases: Raw[];
      license: { name: string };
    };
    const [header = [], ...body] = rows;
    expect(body).toHaveLength(data.cases.length);
    for (const row of body) expect(row).toHaveLength(header.length);
    const column = (name: string) => header.indexOf(name);
    for (const [index, record] of data.cases.entries()) {
      const row = body[index] ?? [];
      for (const name of [
        'id',
        'title',
        'url',
        'excerpt',
        ...CASE_SECTIONS.map((section) => section.field),
      ]) {
        // A cell a spreadsheet would run as a formula carries an apostrophe in front.
        const value = record[name];
        const text = typeof value === 'string' ? value : '';
        const cell = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
        expect(row[column(name)], `${String(record['id'])} ${name}`).toBe(cell);
      }
      expect(row[column('license')]).toContain(data.license.name);
    }
  });
});
