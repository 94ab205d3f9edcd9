/**
 * One verdict per rule: each bad document below goes through the Studio's real validation
 * (Sanity's validation runner over the compiled schema, `studio/validate-documents.ts`) and
 * through the build's checker (`src/sanity/check/`), and both must refuse it on the same
 * field, or both accept it. A rule changed on one side only fails here.
 */
import { describe, expect, test } from 'vitest';
import { CASE_SECTIONS } from '../../content-schemas/case-sections.ts';
import { LIMITS, RESERVED_PAGE_SLUGS } from '../../content-schemas/validation.ts';
import { loadSiteContent } from '../../src/sanity/content.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import { validateDocuments, type LooseDocument } from '../../studio/validate-documents.ts';
import { block } from '../helpers/portable-text.ts';

const NOW = new Date('2025-01-01T00:00:00Z');

const system = (id: string, type: string) => ({
  _id: id,
  _type: type,
  _rev: `rev-${id}`,
  _createdAt: '2024-01-01T00:00:00Z',
  _updatedAt: '2024-01-01T00:00:00Z',
});

const slug = (current: string) => ({ _type: 'slug', current });
const image = (alt?: string) => ({
  _type: 'image',
  _sanityAsset: 'image@file://./images/abc-10x10.png',
  ...(alt === undefined ? {} : { alt }),
});

const person: LooseDocument = {
  ...system('person-kari', 'person'),
  name: 'Kari Nordmann',
  slug: slug('kari-nordmann'),
};
const topic: LooseDocument = {
  ...system('topic-a', 'topic'),
  title: 'Tema A',
  slug: slug('tema-a'),
};
const settings: LooseDocument = { ...system('siteSettings', 'siteSettings'), title: 'Tanketanken' };

/** Valid documents of each type the build publishes; each row breaks one of them. */
const VALID = {
  post: {
    ...system('post-1', 'post'),
    title: 'Velferdsteknologi i hjemmet',
    slug: slug('velferdsteknologi-i-hjemmet'),
    excerpt: 'Kort ingress.',
    publishedAt: '2024-03-12T09:00:00Z',
    language: 'nb',
    authors: [{ _key: 'a1', _type: 'reference', _ref: 'person-kari' }],
    topics: [{ _key: 't1', _type: 'reference', _ref: 'topic-a' }],
    mainImage: image('Trygghetsalarm på et kjøkkenbord'),
    body: [
      block('b1', 'Les mer', [{ _key: 'l1', _type: 'link', href: 'https://example.no/' }], ['l1']),
    ],
  },
  projectStory: {
    ...system('story-1', 'projectStory'),
    title: 'Sensorer i omsorgsboliger',
    slug: slug('sensorer-i-omsorgsboliger'),
    publishedAt: '2024-02-01T09:00:00Z',
    status: 'testing',
    body: [block('b1', 'Om prosjektet')],
    startDate: '2023-01-01',
    updates: [{ _key: 'u1', _type: 'update', date: '2024-01-15', title: 'Oppstart' }],
  },
  caseStudy: {
    ...system('case-1', 'caseStudy'),
    title: 'Digitalt tilsyn',
    slug: slug('digitalt-tilsyn'),
    publishedAt: '2023-05-01T09:00:00Z',
    status: 'operational',
    ...Object.fromEntries(
      CASE_SECTIONS.map((section) => [
        section.field,
        section.kind === 'blocks' ? [block(`${section.field}1`, section.heading)] : section.heading,
      ]),
    ),
    sdgs: [3, 10],
  },
  page: {
    ...system('page-1', 'page'),
    title: 'Om oss',
    slug: slug('om-oss'),
    body: [block('b1', 'Hvem vi er')],
  },
  person: { ...system('person-ola', 'person'), name: 'Ola Nordmann', slug: slug('ola-nordmann') },
  topic: { ...system('topic-b', 'topic'), title: 'Tema B', slug: slug('tema-b') },
} satisfies Record<string, LooseDocument>;

type ValidType = keyof typeof VALID;

/** A row: which valid document, what to change (undefined removes), the field both must refuse. */
interface Row {
  name: string;
  type: ValidType;
  change: Record<string, unknown>;
  /** The top-level field refused, or undefined when both must accept the document. */
  refused: string | undefined;
}

const link = (href: string) => [
  block('b1', 'Klikk', [{ _key: 'l1', _type: 'link', href }], ['l1']),
];

const ROWS: Row[] = [
  ...Object.keys(VALID).map((type): Row => ({
    name: `a valid ${type}`,
    type: type as ValidType,
    change: {},
    refused: undefined,
  })),
  {
    name: 'title too long',
    type: 'post',
    change: { title: 'x'.repeat(LIMITS.titleMax + 1) },
    refused: 'title',
  },
  {
    name: 'title at the limit',
    type: 'post',
    change: { title: 'x'.repeat(LIMITS.titleMax) },
    refused: undefined,
  },
  { name: 'missing title', type: 'post', change: { title: undefined }, refused: 'title' },
  { name: 'missing page title', type: 'page', change: { title: undefined }, refused: 'title' },
  { name: 'missing name', type: 'person', change: { name: undefined }, refused: 'name' },
  { name: 'phone with letters', type: 'person', change: { phone: 'ring 22 33' }, refused: 'phone' },
  { name: 'phone too short', type: 'person', change: { phone: '112' }, refused: 'phone' },
  {
    name: 'phone with spaces around',
    type: 'person',
    change: { phone: ' 22334455' },
    refused: 'phone',
  },
  {
    name: 'a phone number in international form',
    type: 'person',
    change: { phone: '+47 22 33 44 55' },
    refused: undefined,
  },
  { name: 'missing slug', type: 'post', change: { slug: undefined }, refused: 'slug' },
  { name: 'missing topic slug', type: 'topic', change: { slug: undefined }, refused: 'slug' },
  {
    name: 'bad slug (upper case)',
    type: 'post',
    change: { slug: slug('Velferd') },
    refused: 'slug',
  },
  {
    name: 'bad slug (space)',
    type: 'projectStory',
    change: { slug: slug('to ord') },
    refused: 'slug',
  },
  {
    name: 'slug too long',
    type: 'post',
    change: { slug: slug('a'.repeat(LIMITS.slugMax + 1)) },
    refused: 'slug',
  },
  ...RESERVED_PAGE_SLUGS.map((reserved): Row => ({
    name: `reserved page slug "${reserved}"`,
    type: 'page',
    change: { slug: slug(reserved) },
    refused: 'slug',
  })),
  {
    name: 'a post may use a page-reserved slug',
    type: 'post',
    change: { slug: slug('side') },
    refused: undefined,
  },
  {
    name: 'missing publishedAt',
    type: 'post',
    change: { publishedAt: undefined },
    refused: 'publishedAt',
  },
  {
    name: 'bad publishedAt',
    type: 'caseStudy',
    change: { publishedAt: 'i går' },
    refused: 'publishedAt',
  },
  {
    name: 'excerpt too long',
    type: 'post',
    change: { excerpt: 'y'.repeat(LIMITS.excerptMax + 1) },
    refused: 'excerpt',
  },
  {
    name: 'excerpt at the limit',
    type: 'post',
    change: { excerpt: 'y'.repeat(LIMITS.excerptMax) },
    refused: undefined,
  },
  { name: 'missing post body', type: 'post', change: { body: undefined }, refused: 'body' },
  { name: 'empty post body', type: 'post', change: { body: [] }, refused: 'body' },
  ...CASE_SECTIONS.map((section): Row => ({
    name: `missing case section ${section.field}`,
    type: 'caseStudy',
    change: { [section.field]: undefined },
    refused: section.required ? section.field : undefined,
  })),
  ...CASE_SECTIONS.filter((section) => section.kind === 'blocks').map((section): Row => ({
    name: `empty case section ${section.field}`,
    type: 'caseStudy',
    change: { [section.field]: [] },
    refused: section.required ? section.field : undefined,
  })),
  {
    name: 'missing status',
    type: 'projectStory',
    change: { status: undefined },
    refused: 'status',
  },
  { name: 'bad status', type: 'caseStudy', change: { status: 'done' }, refused: 'status' },
  { name: 'bad language', type: 'post', change: { language: 'sv' }, refused: 'language' },
  { name: 'image without alt', type: 'post', change: { mainImage: image() }, refused: 'mainImage' },
  {
    name: 'image with blank alt',
    type: 'post',
    change: { mainImage: image(' ') },
    refused: 'mainImage',
  },
  {
    name: 'portrait without alt (the name stands in)',
    type: 'person',
    change: { image: image() },
    refused: undefined,
  },
  {
    name: 'bad link scheme',
    type: 'post',
    change: { body: link('javascript:alert(1)') },
    refused: 'body',
  },
  {
    name: 'link without domain',
    type: 'page',
    change: { body: link('https://') },
    refused: 'body',
  },
  {
    name: 'mailto link',
    type: 'post',
    change: { body: link('mailto:kari@kommune.no') },
    refused: undefined,
  },
  {
    name: 'reference to a missing document',
    type: 'post',
    change: { authors: [{ _key: 'a1', _type: 'reference', _ref: 'person-gone' }] },
    refused: 'authors',
  },
  { name: 'SDG out of range', type: 'caseStudy', change: { sdgs: [0, 18] }, refused: 'sdgs' },
  {
    name: 'e-mail with ?bcc=',
    type: 'person',
    change: { email: 'ola@kommune.no?bcc=alle@kommune.no' },
    refused: 'email',
  },
  { name: 'plain e-mail', type: 'person', change: { email: 'ola@kommune.no' }, refused: undefined },
  ...['https://www.youtube.com/live/M7lc1UVf-VE', 'https://vimeo.com/123'].map((url): Row => ({
    name: `video ${url}`,
    type: 'post',
    change: { body: [block('b1', 'Se'), { _key: 'v1', _type: 'videoEmbed', url, title: 'Film' }] },
    refused: undefined,
  })),
  {
    name: 'video on another host',
    type: 'post',
    change: {
      body: [
        block('b1', 'Se'),
        { _key: 'v1', _type: 'videoEmbed', url: 'https://evil.example/v', title: 'Film' },
      ],
    },
    refused: 'body',
  },
];

/** The row's document: the valid one with the row's change made. */
function buildDocument(row: Row): LooseDocument {
  const document: LooseDocument = { ...VALID[row.type], ...row.change };
  for (const [key, value] of Object.entries(row.change)) {
    if (value === undefined) delete document[key];
  }
  return document;
}

/** The top-level field of a Studio path (`body[_key=="b1"].markDefs` → `body`) or a build field. */
function getTopField(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

/** The Studio's verdict: the top-level fields with an error, sorted. */
async function getStudioVerdict(document: LooseDocument): Promise<string[]> {
  const problems = await validateDocuments([document], {
    dataset: [person, topic, settings, document],
  });
  const fields = problems
    .filter((problem) => problem.level === 'error')
    .map((problem) => getTopField(problem.path));
  return [...new Set(fields)].sort();
}

/** The build's verdict: the top-level fields the checker refused (left out or dropped), sorted. */
async function getBuildVerdict(document: LooseDocument): Promise<string[]> {
  const dataset = [person, topic, settings, document] as unknown as RawDocument[];
  const content = await loadSiteContent(createLocalEngine(dataset, 'rule parity'), {
    now: NOW,
    cdn: undefined,
  });
  const fields = content.problems
    .filter((problem) => problem.id === document._id)
    .map((problem) => getTopField(problem.field));
  return [...new Set(fields)].sort();
}

describe('rule parity: the Studio and the build refuse the same documents on the same field', () => {
  test.each(ROWS)(
    '$name',
    async (row) => {
      const document = buildDocument(row);
      const expected = row.refused === undefined ? [] : [row.refused];
      const [studio, build] = await Promise.all([
        getStudioVerdict(document),
        getBuildVerdict(document),
      ]);
      expect({ studio, build }).toEqual({ studio: expected, build: expected });
    },
    30_000,
  );
});
