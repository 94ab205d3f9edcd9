import { describe, expect, test } from 'vitest';
import { loadSiteContent } from '../../src/sanity/content.ts';
import type { SiteContent } from '../../src/sanity/normalise/site-content.ts';
import {
  DuplicateSlugError,
  formatProblem,
  type ContentProblem,
} from '../../src/sanity/problems.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import { checkPageSlug, checkSlug, RESERVED_PAGE_SLUGS } from '../../content-schemas/validation.ts';
import { reportProblems, StrictContentError } from '../../src/sanity/source.ts';

const NOW = new Date('2025-01-01T00:00:00Z');

const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});
const ref = (id: string, key?: string) => ({
  _type: 'reference',
  _ref: id,
  ...(key ? { _key: key } : {}),
});
const sys = (id: string, type: string) => ({
  _id: id,
  _type: type,
  _rev: `rev-${id}`,
  _createdAt: '2024-01-01T00:00:00Z',
  _updatedAt: '2024-01-01T00:00:00Z',
});

/** A valid post; `fields` override or (with undefined) remove fields. */
function post(id: string, fields: Record<string, unknown> = {}): RawDocument {
  const doc: Record<string, unknown> = {
    ...sys(id, 'post'),
    title: `Innlegg ${id}`,
    slug: { _type: 'slug', current: id },
    publishedAt: '2024-05-01T08:00:00Z',
    body: [block('b1', 'Tekst.')],
    ...fields,
  };
  for (const [key, value] of Object.entries(doc)) if (value === undefined) delete doc[key];
  return doc as RawDocument;
}

const settings: RawDocument = { ...sys('siteSettings', 'siteSettings'), title: 'Tanketanken' };
const topic: RawDocument = {
  ...sys('topic-a', 'topic'),
  title: 'Tema A',
  slug: { _type: 'slug', current: 'tema-a' },
};

async function load(docs: RawDocument[], now = NOW): Promise<SiteContent> {
  return loadSiteContent(createLocalEngine([settings, topic, ...docs], 'test'), {
    now,
    cdn: undefined,
  });
}

/** Loads and expects exactly one problem, returned. */
async function onlyProblem(docs: RawDocument[]): Promise<ContentProblem> {
  const { problems } = await load(docs);
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  if (!problem) throw new Error('no problem');
  return problem;
}

describe('documents that cannot be published are left out, naming _id, _type and field', () => {
  test('a valid post has no problem', async () => {
    const content = await load([post('ok')]);
    expect(content.problems).toEqual([]);
    expect(content.post.map((item) => item.id)).toEqual(['ok']);
  });

  test.each([
    ['no slug', { slug: undefined }, 'slug', /is missing/],
    ['an empty slug', { slug: { _type: 'slug', current: ' ' } }, 'slug', /is missing/],
    ['no title', { title: undefined }, 'title', /is missing/],
    [
      'a title over 120 characters',
      { title: 'x'.repeat(121) },
      'title',
      /høyst 120 tegn \(har 121\)/,
    ],
    ['an invalid date', { publishedAt: 'next tuesday' }, 'publishedAt', /er ikke et tidspunkt/],
    [
      'an impossible date',
      { publishedAt: '2024-13-45T00:00:00Z' },
      'publishedAt',
      /er ikke et tidspunkt/,
    ],
    ['no date', { publishedAt: undefined }, 'publishedAt', /is missing/],
    ['no body', { body: [] }, 'body', /is missing/],
  ])('a post with %s', async (_label, fields, field, reason) => {
    const problem = await onlyProblem([post('bad', fields)]);
    expect(problem).toMatchObject({ id: 'bad', type: 'post', field, excluded: true });
    expect(problem.reason).toMatch(reason);
    expect(formatProblem(problem)).toMatch(
      new RegExp(`^post "bad" · ${field}: .+ \\(left out\\)$`),
    );
    expect((await load([post('bad', fields)])).post).toEqual([]);
  });

  test('a title of exactly 120 characters is fine', async () => {
    const content = await load([post('long', { title: 'x'.repeat(120) })]);
    expect(content.problems).toEqual([]);
    expect(content.post).toHaveLength(1);
  });

  test.each([
    ['missing', undefined, /is missing/],
    ['unknown', 'finished', /«finished» er ikke en status/],
  ])('a project story with a %s status', async (_label, status, reason) => {
    const story = {
      ...post('proj', status === undefined ? {} : { status }),
      _type: 'projectStory',
    } as RawDocument;
    const content = await load([story]);
    expect(content.projectStory).toEqual([]);
    expect(content.problems).toEqual([
      {
        id: 'proj',
        type: 'projectStory',
        field: 'status',
        reason: expect.stringMatching(reason) as unknown,
        excluded: true,
      },
    ]);
  });

  test('a case without status is left out', async () => {
    const story = {
      ...post('case'),
      _type: 'caseStudy',
      problem: [block('p', 'Behov.')],
      solution: [block('s', 'Løsning.')],
    } as RawDocument;
    const content = await load([story]);
    expect(content.caseStudy).toEqual([]);
    expect(content.problems[0]).toMatchObject({ id: 'case', type: 'caseStudy', field: 'status' });
  });
});

describe('references to what is not published are dropped with a warning', () => {
  test('a reference to a missing document', async () => {
    const problem = await onlyProblem([
      post('p', { topics: [ref('topic-a', 'k1'), ref('topic-gone', 'k2')] }),
    ]);
    expect(problem).toEqual({
      id: 'p',
      type: 'post',
      field: 'topics[1]',
      reason: 'refers to "topic-gone", which is missing or not published',
      excluded: false,
    });
    const content = await load([
      post('p', { topics: [ref('topic-a', 'k1'), ref('topic-gone', 'k2')] }),
    ]);
    expect(content.post[0]?.topics.map((link) => link.id)).toEqual(['topic-a']);
    expect(formatProblem(problem)).toBe(
      'post "p" · topics[1]: refers to "topic-gone", which is missing or not published (field dropped)',
    );
  });

  test('a reference to a draft-only document', async () => {
    const draft = { ...post('drafts.only-draft'), _id: 'drafts.only-draft' } as RawDocument;
    const problem = await onlyProblem([draft, post('p', { related: [ref('only-draft', 'k')] })]);
    expect(problem).toMatchObject({ id: 'p', type: 'post', field: 'related[0]', excluded: false });
    expect(problem.reason).toContain('"only-draft"');
  });

  test('a reference to a scheduled document, until its time comes', async () => {
    const docs = [
      post('later', { publishedAt: '2030-01-01T00:00:00Z' }),
      post('p', { related: [ref('later', 'k')] }),
    ];
    const before = await load(docs);
    expect(before.problems).toEqual([
      expect.objectContaining({ id: 'p', type: 'post', field: 'related[0]' }) as unknown,
    ]);
    expect(before.post.find((item) => item.id === 'p')?.related).toEqual([]);
    expect(before.scheduled).toBe(1);
    const after = await load(docs, new Date('2030-01-02T00:00:00Z'));
    expect(after.problems).toEqual([]);
    expect(after.post.find((item) => item.id === 'p')?.related.map((link) => link.href)).toEqual([
      '/innlegg/later/',
    ]);
  });

  test('a reference to a document left out for bad content', async () => {
    const content = await load([
      post('broken', { body: [] }),
      post('p', { related: [ref('broken', 'k')] }),
    ]);
    expect(content.problems).toContainEqual({
      id: 'p',
      type: 'post',
      field: 'related',
      reason: 'refers to "broken", which was left out',
      excluded: false,
    });
    expect(content.post.find((item) => item.id === 'p')?.related).toEqual([]);
  });

  test('an internal link to a missing document keeps its text but loses its target', async () => {
    const body = [
      {
        ...block('b1', 'Se dette.'),
        markDefs: [{ _type: 'internalLink', _key: 'm1', reference: ref('gone') }],
      },
    ];
    const content = await load([post('p', { body })]);
    expect(content.problems).toEqual([
      expect.objectContaining({ id: 'p', field: 'body[0].markDefs' }) as unknown,
    ]);
    expect(content.post[0]?.body[0]).toMatchObject({
      markDefs: [{ _type: 'internalLink', _key: 'm1' }],
    });
  });
});

describe('duplicate and reserved slugs', () => {
  test('two posts with one slug fail, naming both ids', async () => {
    const docs = [post('first', { slug: { current: 'same' } }), post('second')];
    docs[1] = post('second', { slug: { _type: 'slug', current: 'same' } });
    await expect(load(docs)).rejects.toThrow(DuplicateSlugError);
    await expect(load(docs)).rejects.toThrow(
      /Two post documents have the slug "same": "first" and "second"/,
    );
  });

  test('the same slug in two types is fine: their URLs differ', async () => {
    const story = {
      ...post('proj', { status: 'idea', slug: { _type: 'slug', current: 'same' } }),
      _type: 'projectStory',
    } as RawDocument;
    const content = await load([post('p', { slug: { _type: 'slug', current: 'same' } }), story]);
    expect(content.problems).toEqual([]);
    expect(content.post[0]?.href).toBe('/innlegg/same/');
    expect(content.projectStory[0]?.href).toBe('/prosjekter/same/');
  });

  const reserved = [
    'innlegg',
    'prosjekter',
    'caser',
    'tema',
    'tjenesteomrader',
    'personer',
    'arkiv',
    'innovasjonsprisen',
    'sok',
    'abonner',
    'data',
    'pagefind',
    'rss.xml',
  ];
  test.each(reserved)('a page may not take the site route "%s"', async (slug) => {
    expect(RESERVED_PAGE_SLUGS.includes(slug)).toBe(true);
    const page = {
      ...sys('page-x', 'page'),
      title: 'Side',
      slug: { _type: 'slug', current: slug },
      body: [block('b', 'Tekst.')],
    } as RawDocument;
    const content = await load([page]);
    expect(content.page).toEqual([]);
    expect(content.problems).toEqual([
      {
        id: 'page-x',
        type: 'page',
        field: 'slug',
        reason: checkSlug(slug) ?? checkPageSlug(slug),
        excluded: true,
      },
    ]);
  });

  test('reserved slugs are matched without regard to case; other page slugs pass', async () => {
    const page = (id: string, slug: string) =>
      ({
        ...sys(id, 'page'),
        title: 'Side',
        slug: { _type: 'slug', current: slug },
        body: [block('b', 'Tekst.')],
      }) as RawDocument;
    const content = await load([page('a', 'Innlegg'), page('b', 'om-oss')]);
    expect(content.page.map((item) => item.href)).toEqual(['/om-oss/']);
    expect(content.problems.map((problem) => problem.id)).toEqual(['a']);
  });
});

describe('the summary and STRICT_CONTENT', () => {
  const docs = [
    post('good', { topics: [ref('topic-gone', 'k')] }),
    post('no-title', { title: undefined }),
    post('no-slug', { slug: undefined }),
    post('later', { publishedAt: '2030-01-01T00:00:00Z' }),
  ];

  test('one warning per problem and a summary line counting what was left out', async () => {
    const content = await load(docs);
    const warnings: string[] = [];
    const infos: string[] = [];
    reportProblems(content, {
      strict: false,
      warn: (line) => warnings.push(line),
      info: (line) => infos.push(line),
      source: 'embedded dataset test',
    });
    expect(warnings).toEqual([
      'post "no-title" · title: is missing; every document needs one to be shown (left out)',
      'post "no-slug" · slug: is missing; generate it from the title in the Studio (left out)',
      'post "good" · topics[0]: refers to "topic-gone", which is missing or not published (field dropped)',
      'embedded dataset test: 1 published (1 posts, 0 projects, 0 cases); 2 left out, 1 field(s) dropped, 1 scheduled for later.',
    ]);
    expect(infos).toEqual([]);
  });

  test('a clean load reports its summary as info', async () => {
    const content = await load([post('good')]);
    const lines: string[] = [];
    reportProblems(content, {
      strict: true,
      warn: (line) => lines.push(`warn ${line}`),
      info: (line) => lines.push(`info ${line}`),
      source: 's',
    });
    expect(lines).toEqual([
      'info s: 1 published (1 posts, 0 projects, 0 cases); 0 left out, 0 field(s) dropped, 0 scheduled for later.',
    ]);
  });

  test('STRICT_CONTENT=true turns any warning, even a dropped field, into a failure', async () => {
    const onlyDropped = await load([post('good', { topics: [ref('topic-gone', 'k')] })]);
    expect(onlyDropped.problems).toHaveLength(1);
    const warnings: string[] = [];
    expect(() =>
      reportProblems(onlyDropped, {
        strict: true,
        warn: (line) => warnings.push(line),
        info: () => undefined,
        source: 's',
      }),
    ).toThrow(StrictContentError);
    // The problems are printed before the build stops, so the editor sees what to fix.
    expect(warnings[0]).toContain('topic-gone');
    expect(() =>
      reportProblems(onlyDropped, {
        strict: false,
        warn: () => undefined,
        info: () => undefined,
        source: 's',
      }),
    ).not.toThrow();
  });
});
