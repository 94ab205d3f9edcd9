import { describe, expect, it } from 'vitest';
import {
  getSearchAttributes,
  isEmptySearch,
  parseSearchState,
  sortFilterValues,
  toExcerptParts,
  toPagefindFilters,
  toSearchParams,
  type SearchableDocument,
} from '../../src/lib/search.ts';

const caseStudy: SearchableDocument = {
  id: 'case-sensor',
  type: 'caseStudy',
  title: 'Sensorer i omsorgsboliger',
  updatedAt: '2025-03-01T10:00:00Z',
  publishedAt: '2024-12-31T23:30:00Z',
  language: 'nn',
  topics: [{ title: 'Velferdsteknologi' }, { title: 'Helse' }],
  serviceAreas: [{ title: 'Helse og omsorg' }],
  status: 'operational',
};

describe('getSearchAttributes', () => {
  it('gives a case its type, topics, service areas, Norwegian status and year', () => {
    const { filters, meta, sort } = getSearchAttributes(caseStudy);
    expect(filters).toEqual([
      { key: 'type', value: 'Innovasjonscase' },
      { key: 'tema', value: 'Velferdsteknologi' },
      { key: 'tema', value: 'Helse' },
      { key: 'tjenesteområde', value: 'Helse og omsorg' },
      { key: 'status', value: 'I drift' },
      // 23:30 UTC on New Year's Eve is already 2025 in Norway.
      { key: 'år', value: '2025' },
    ]);
    expect(meta).toEqual({
      title: 'Sensorer i omsorgsboliger',
      type: 'Innovasjonscase',
      date: '2024-12-31T23:30:00Z',
      language: 'nn',
    });
    expect(sort).toEqual({ date: '2024-12-31T23:30:00.000Z' });
  });

  it('labels posts and pages; a page has no year but sorts by its update', () => {
    const post = getSearchAttributes({
      id: 'post-sensor',
      type: 'post',
      title: 'Sensorer',
      updatedAt: '2024-01-02T10:00:00Z',
      publishedAt: '2024-01-02T10:00:00Z',
      topics: [{ title: 'Velferdsteknologi' }],
    });
    expect(post.filters[0]).toEqual({ key: 'type', value: 'Innlegg' });
    expect(post.filters.some((filter) => filter.key === 'status')).toBe(false);
    const page = getSearchAttributes({
      id: 'page-about',
      type: 'page',
      title: 'Om oss',
      updatedAt: '2023-05-02T08:00:00Z',
    });
    expect(page.filters).toEqual([{ key: 'type', value: 'Side' }]);
    expect(page.sort).toEqual({ date: '2023-05-02T08:00:00.000Z' });
  });

  it('names the document and field when a status or date is wrong', () => {
    expect(() => getSearchAttributes({ ...caseStudy, status: 'paused' })).toThrow(
      /case-sensor.*status.*"paused"/,
    );
    expect(() => getSearchAttributes({ ...caseStudy, publishedAt: 'soon' })).toThrow(
      /case-sensor.*publishedAt.*"soon"/,
    );
  });
});

describe('search state in the URL', () => {
  it('reads words and one parameter per filter value, ignoring blanks, repeats and strangers', () => {
    const state = parseSearchState(
      new URLSearchParams(
        'q=+sensor+&type=Innovasjonscase&tema=Velferdsteknologi&tema=Helse&tema=Helse&tema=&utm=x',
      ),
    );
    expect(state).toEqual({
      query: 'sensor',
      filters: { type: ['Innovasjonscase'], tema: ['Velferdsteknologi', 'Helse'] },
    });
  });

  it('writes what it reads, non-ASCII keys included', () => {
    const params = toSearchParams({
      query: 'trygg hjemme',
      filters: { tjenesteområde: ['Helse og omsorg'], år: ['2024', '2023'] },
    });
    expect(params.toString()).toBe(
      'q=trygg+hjemme&tjenesteomr%C3%A5de=Helse+og+omsorg&%C3%A5r=2024&%C3%A5r=2023',
    );
    expect(parseSearchState(params)).toEqual({
      query: 'trygg hjemme',
      filters: { tjenesteområde: ['Helse og omsorg'], år: ['2024', '2023'] },
    });
  });

  it('knows an empty search and builds Pagefind filters: any value within, all filters across', () => {
    expect(isEmptySearch(parseSearchState(new URLSearchParams('q=%20')))).toBe(true);
    expect(isEmptySearch(parseSearchState(new URLSearchParams('status=Idé')))).toBe(false);
    expect(
      toPagefindFilters({ query: '', filters: { tema: ['A', 'B'], type: ['Prosjekt'] } }),
    ).toEqual({ type: { any: ['Prosjekt'] }, tema: { any: ['A', 'B'] } });
  });
});

describe('toExcerptParts', () => {
  it('splits highlights and decodes entities, so text is never parsed as HTML', () => {
    expect(
      toExcerptParts('Bruk av <mark>sensorer</mark> &amp; &lt;b&gt;alarmer&lt;/b&gt;'),
    ).toEqual([
      { text: 'Bruk av ', highlighted: false },
      { text: 'sensorer', highlighted: true },
      { text: ' & <b>alarmer</b>', highlighted: false },
    ]);
    expect(toExcerptParts('<mark>a</mark><mark>b</mark> &#39;c&#x27;')).toEqual([
      { text: 'a', highlighted: true },
      { text: 'b', highlighted: true },
      { text: " 'c'", highlighted: false },
    ]);
  });
});

describe('sortFilterValues', () => {
  it('orders types as the content model does, years newest first, statuses by progress, the rest alphabetically', () => {
    expect(sortFilterValues('type', ['Side', 'Innovasjonscase', 'Innlegg'])).toEqual([
      'Innlegg',
      'Innovasjonscase',
      'Side',
    ]);
    expect(sortFilterValues('år', ['2022', '2025', '2023'])).toEqual(['2025', '2023', '2022']);
    expect(sortFilterValues('status', ['I drift', 'Idé', 'Utprøving'])).toEqual([
      'Idé',
      'Utprøving',
      'I drift',
    ]);
    expect(sortFilterValues('tema', ['Økonomi', 'Arbeid', 'Helse'])).toEqual([
      'Arbeid',
      'Helse',
      'Økonomi',
    ]);
  });
});
