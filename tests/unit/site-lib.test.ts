import { describe, expect, it } from 'vitest';
import { byId, groupByYear, selectFeaturedCases, sortNewestFirst } from '../../src/lib/archive.ts';
import { paginate, PAGE_SIZE } from '../../src/lib/pagination.ts';
import { getPrizeYears, groupPrize, type AwardedCase } from '../../src/lib/prize.ts';
import { buildArticle, buildOrganization, serializeJsonLd, toOgLocale } from '../../src/lib/seo.ts';
import { buildToc } from '../../src/lib/toc.ts';

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, index) => index);

  it('splits into pages of twelve, page 1 at the list root and later pages under side/<n>/', () => {
    const pages = paginate(items, '/innlegg/');
    expect(PAGE_SIZE).toBe(12);
    expect(pages.map((page) => page.path)).toEqual([
      '/innlegg/',
      '/innlegg/side/2/',
      '/innlegg/side/3/',
    ]);
    expect(pages.map((page) => page.items.length)).toEqual([12, 12, 1]);
    expect(pages[2]?.items).toEqual([24]);
    expect(pages.every((page) => page.pageCount === 3)).toBe(true);
  });

  it('links previous and next pages, with none before the first or after the last', () => {
    const [first, second, third] = paginate(items, '/caser/');
    expect(first?.prevPath).toBeUndefined();
    expect(first?.nextPath).toBe('/caser/side/2/');
    expect(second?.prevPath).toBe('/caser/');
    expect(second?.nextPath).toBe('/caser/side/3/');
    expect(third?.nextPath).toBeUndefined();
  });

  it('gives an empty list one empty page, and an exact multiple no empty last page', () => {
    expect(paginate([], '/prosjekter/')).toEqual([
      {
        items: [],
        page: 1,
        pageCount: 1,
        path: '/prosjekter/',
        prevPath: undefined,
        nextPath: undefined,
      },
    ]);
    expect(paginate(items.slice(0, 24), '/x/')).toHaveLength(2);
  });

  it('rejects a page size that is not a positive integer', () => {
    expect(() => paginate(items, '/x/', 0)).toThrow(/positive integer, got 0/);
    expect(() => paginate(items, '/x/', 2.5)).toThrow(RangeError);
  });
});

describe('innovation prize', () => {
  const make = (id: string, title: string, awards: AwardedCase['awards']): AwardedCase => ({
    id,
    title,
    href: `/caser/${id}/`,
    language: 'nb',
    awards,
  });
  const cases = [
    make('a', 'Ørsta-modellen', [{ year: 2024, category: 'beste-feil', result: 'winner' }]),
    make('b', 'Bade-robot', [
      { year: 2024, category: 'arets-innovasjon', result: 'nominee' },
      { year: 2023, category: 'arets-innovasjon', result: 'winner' },
    ]),
    make('c', 'Appen', [{ year: 2024, category: 'arets-innovasjon', result: 'winner' }]),
    make('d', 'Chat', [{ year: 2024, category: 'Publikumsprisen', result: 'winner' }]),
    make('e', 'Annet', [{ year: 2024, category: 'arets-innovasjon', result: 'nominee' }]),
    make('f', 'Uten pris', []),
  ];

  it('lists every award year, newest first, once', () => {
    expect(getPrizeYears(cases)).toEqual([2024, 2023]);
    expect(getPrizeYears([])).toEqual([]);
  });

  it('groups one year by category: known categories in order, free text after, with titles', () => {
    const groups = groupPrize(cases, 2024);
    expect(groups.map((group) => group.title)).toEqual([
      'Årets innovasjon',
      'Beste feil',
      'Publikumsprisen',
    ]);
    const [innovation] = groups;
    expect(innovation?.winners.map((item) => item.id)).toEqual(['c']);
    expect(innovation?.nominees.map((item) => item.id)).toEqual(['e', 'b']);
    expect(groups[1]?.winners.map((item) => item.id)).toEqual(['a']);
  });

  it('ignores other years and returns nothing for a year without awards', () => {
    expect(groupPrize(cases, 2023)).toEqual([
      expect.objectContaining({ category: 'arets-innovasjon', nominees: [] }),
    ]);
    expect(groupPrize(cases, 1999)).toEqual([]);
  });
});

describe('archive and featured cases', () => {
  const items = [
    { id: 'old', publishedAt: '2019-06-01T10:00:00Z', awards: [] },
    { id: 'nyttår', publishedAt: '2020-12-31T23:30:00Z', awards: [] },
    { id: 'new', publishedAt: '2024-03-01T10:00:00Z', awards: [] },
    { id: 'won', publishedAt: '2018-03-01T10:00:00Z', awards: [{ year: 2019, result: 'winner' }] },
    { id: 'nom', publishedAt: '2023-03-01T10:00:00Z', awards: [{ year: 2024, result: 'nominee' }] },
  ];

  it('sorts newest first without changing the input', () => {
    const copy = [...items];
    expect(sortNewestFirst(items).map((item) => item.id)).toEqual([
      'new',
      'nom',
      'nyttår',
      'old',
      'won',
    ]);
    expect(items).toEqual(copy);
  });

  it('sorts by the instant, whatever the offset, and keeps the order of ties', () => {
    const dated = [
      { id: 'a', publishedAt: '2024-05-01T12:00:00+02:00' },
      { id: 'b', publishedAt: '2024-05-01T11:00:00Z' },
      { id: 'c', publishedAt: '2024-05-01T10:00:00Z' },
      { id: 'd', publishedAt: '2024-05-01T09:30:00Z' },
    ];
    // 12:00+02:00 is 10:00Z: a tie with c, so a stays before c as in the input.
    expect(sortNewestFirst(dated).map((item) => item.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(sortNewestFirst([...dated].reverse()).map((item) => item.id)).toEqual([
      'b',
      'c',
      'a',
      'd',
    ]);
  });

  it('breaks ties by id when asked, in either input order', () => {
    const dated = [
      { id: 'c', publishedAt: '2024-05-01T10:00:00Z' },
      { id: 'b', publishedAt: '2024-05-01T12:00:00+02:00' },
      { id: 'a', publishedAt: '2024-05-01T09:00:00Z' },
      { id: 'd', publishedAt: '2024-05-01T11:00:00Z' },
    ];
    for (const input of [dated, [...dated].reverse()]) {
      expect(sortNewestFirst(input, byId).map((item) => item.id)).toEqual(['d', 'b', 'c', 'a']);
    }
    expect(byId({ id: 'post-2' }, { id: 'post-10' })).toBeGreaterThan(0);
    expect(byId({ id: 'x' }, { id: 'x' })).toBe(0);
  });

  it('puts items whose date does not parse last, in a stable order', () => {
    // Ids that sort before the dated ones, so a tie-break cannot put them last by chance.
    const dated = [
      { id: 'a1', publishedAt: 'i fjor' },
      { id: 'x', publishedAt: '2020-01-01T00:00:00Z' },
      { id: 'a0', publishedAt: '' },
      { id: 'y', publishedAt: '2024-01-01T00:00:00Z' },
    ];
    for (const input of [dated, [...dated].reverse()]) {
      expect(sortNewestFirst(input, byId).map((item) => item.id)).toEqual(['y', 'x', 'a0', 'a1']);
    }
  });

  it('groups by the year in Norway (23:30 UTC on 31 December is already next year)', () => {
    const years = groupByYear(items);
    expect([...years.keys()]).toEqual([2024, 2023, 2021, 2019, 2018]);
    expect(years.get(2021)?.map((item) => item.id)).toEqual(['nyttår']);
  });

  it('features prize winners first, then fills with the newest cases', () => {
    expect(selectFeaturedCases(items, 3).map((item) => item.id)).toEqual(['won', 'new', 'nom']);
    expect(selectFeaturedCases(items, 0)).toEqual([]);
  });
});

describe('JSON-LD and Open Graph', () => {
  it('escapes characters that could close the script element or start markup', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script> & \u2028' });
  });

  it('makes a post a BlogPosting and a case an Article, with the organisation as publisher', () => {
    const organization = buildOrganization('Bærum kommune', 'https://x.example/');
    const base = {
      title: 'Tittel',
      description: undefined,
      url: 'https://x.example/innlegg/a/',
      imageUrl: 'https://x.example/_astro/a.jpg',
      publishedAt: '2024-01-01T10:00:00Z',
      updatedAt: '2024-02-01T10:00:00Z',
      language: 'nn',
      authors: [{ title: 'Kari', url: 'https://x.example/personer/kari/' }],
      organization,
    };
    const post = buildArticle({ ...base, type: 'post' });
    expect(post).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'Tittel',
      image: base.imageUrl,
      inLanguage: 'nn',
      publisher: { '@type': 'Organization', name: 'Bærum kommune' },
      author: [{ '@type': 'Person', name: 'Kari' }],
    });
    expect(post).not.toHaveProperty('description');
    const article = buildArticle({ ...base, type: 'caseStudy', authors: [] });
    expect(article['@type']).toBe('Article');
    expect(article['author']).toEqual(organization);
  });

  it('maps languages to Open Graph locales', () => {
    expect(['nb', 'nn', 'en'].map(toOgLocale)).toEqual(['nb_NO', 'nn_NO', 'en_GB']);
  });
});

describe('table of contents', () => {
  it('appears from three h2 on, nesting h3 under the h2 before them', () => {
    const two = [
      { id: 'a', text: 'A', level: 2 as const },
      { id: 'b', text: 'B', level: 2 as const },
    ];
    expect(buildToc(two)).toBeUndefined();
    expect(
      buildToc([
        ...two,
        { id: 'b1', text: 'B1', level: 3 },
        { id: 'b1x', text: 'B1x', level: 4 },
        { id: 'c', text: 'C', level: 2 },
      ]),
    ).toEqual([
      { id: 'a', text: 'A', children: [] },
      { id: 'b', text: 'B', children: [{ id: 'b1', text: 'B1' }] },
      { id: 'c', text: 'C', children: [] },
    ]);
  });
});
