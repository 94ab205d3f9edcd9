/**
 * Sanity's own validation, run offline over fixture documents through studio/validate-documents.ts:
 * the schema's rules fire on real document shapes, export form included.
 */
import { describe, expect, it } from 'vitest';
import {
  createLocalClient,
  validateDocuments,
  type DocumentProblem,
  type LooseDocument,
} from '../../studio/validate-documents.ts';
import { getSiteUrlForDocument } from '../../studio/production-url.ts';
import { block } from '../helpers/portable-text.ts';

const system = {
  _createdAt: '2024-01-01T00:00:00Z',
  _updatedAt: '2024-01-01T00:00:00Z',
  _rev: 'r1',
};

const person: LooseDocument = {
  _id: 'person-kari',
  _type: 'person',
  ...system,
  name: 'Kari Nordmann',
  slug: { _type: 'slug', current: 'kari-nordmann' },
  email: 'kari@kommune.example',
};

const post: LooseDocument = {
  _id: 'post-1',
  _type: 'post',
  ...system,
  title: 'Velferdsteknologi i hjemmet',
  slug: { _type: 'slug', current: 'velferdsteknologi-i-hjemmet' },
  excerpt: 'Kort ingress.',
  publishedAt: '2024-03-12T09:00:00Z',
  language: 'nb',
  authors: [{ _key: 'a1', _type: 'reference', _ref: 'person-kari' }],
  mainImage: {
    _type: 'image',
    _sanityAsset: 'image@file://./images/abc-10x10.png',
    alt: 'Trygghetsalarm på et kjøkkenbord',
  },
  body: [
    block('b1', 'Les mer', [{ _key: 'l1', _type: 'link', href: 'https://example.no/' }], ['l1']),
  ],
};

const caseStudy: LooseDocument = {
  _id: 'case-1',
  _type: 'caseStudy',
  ...system,
  title: 'Digitalt tilsyn',
  slug: { _type: 'slug', current: 'digitalt-tilsyn' },
  publishedAt: '2023-05-01T09:00:00Z',
  status: 'operational',
  problem: [block('p1', 'Behovet')],
  solution: [block('s1', 'Løsningen')],
  sdgs: [3, 10],
  awards: [
    { _key: 'w1', _type: 'award', year: 2023, category: 'arets-innovasjon', result: 'winner' },
    {
      _key: 'w2',
      _type: 'award',
      year: 2022,
      category: 'Digitaliseringsprisen',
      result: 'nominee',
    },
  ],
};

async function errorsOf(
  document: LooseDocument,
  dataset: LooseDocument[] = [person, post, caseStudy, document],
): Promise<DocumentProblem[]> {
  const problems = await validateDocuments([document], { dataset });
  return problems.filter((problem) => problem.level === 'error');
}

describe('validateDocuments (Sanity validation, offline)', () => {
  it('passes valid documents of each kind, export-form images included', async () => {
    const problems = await validateDocuments([person, post, caseStudy]);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  }, 30_000);

  it('reports a missing required field with its path and code', async () => {
    const untitled: LooseDocument = { ...post, _id: 'post-2', slug: { current: 'ny' } };
    delete untitled['title'];
    const errors = await errorsOf(untitled);
    expect(errors).toContainEqual(
      expect.objectContaining({ id: 'post-2', path: 'title', code: 'value.required' }),
    );
  });

  it('enforces the title and excerpt limits: errors over the hard limit, warnings over the soft', async () => {
    const problems = await validateDocuments(
      [{ ...post, title: 'x'.repeat(121), excerpt: 'y'.repeat(200) }],
      { dataset: [person, post] },
    );
    const at = (path: string) => problems.filter((p) => p.path === path).map((p) => p.level);
    expect(at('title')).toEqual(expect.arrayContaining(['error', 'warning']));
    expect(at('excerpt')).toEqual(['warning']);
    const long = await errorsOf({ ...post, excerpt: 'y'.repeat(301) });
    expect(long.map((p) => p.path)).toContain('excerpt');
  });

  it('requires alt text on an image that is set', async () => {
    const errors = await errorsOf({
      ...post,
      mainImage: { _type: 'image', _sanityAsset: 'image@file://./images/abc-10x10.png' },
    });
    expect(errors).toContainEqual(expect.objectContaining({ path: 'mainImage.alt' }));
  });

  it('rejects link schemes other than http, https, mailto and tel', async () => {
    const errors = await errorsOf({
      ...post,
      body: [
        block('b1', 'Klikk', [{ _key: 'l1', _type: 'link', href: 'javascript:alert(1)' }], ['l1']),
      ],
    });
    expect(errors.some((p) => p.path.startsWith('body[_key=="b1"].markDefs'))).toBe(true);
  });

  it('accepts YouTube and rejects other video hosts', async () => {
    const video = (url: string) => ({
      ...post,
      body: [{ _key: 'v1', _type: 'videoEmbed', url, title: 'Film' }],
    });
    expect(await errorsOf(video('https://youtu.be/dQw4w9WgXcQ'))).toEqual([]);
    const errors = await errorsOf(video('https://example.no/film.mp4'));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'body[_key=="v1"].url' }));
  });

  it('rejects SDGs outside 1–17 and repeated goals', async () => {
    expect(
      (await errorsOf({ ...caseStudy, sdgs: [0, 18] })).some((p) => p.path.startsWith('sdgs')),
    ).toBe(true);
    expect(
      (await errorsOf({ ...caseStudy, sdgs: [3, 3] })).some((p) => p.path.startsWith('sdgs')),
    ).toBe(true);
  });

  it('rejects unknown status and award result values', async () => {
    const errors = await errorsOf({
      ...caseStudy,
      status: 'done',
      awards: [{ _key: 'w1', _type: 'award', year: 2023, category: 'beste-feil', result: 'won' }],
    });
    expect(errors.map((p) => p.path)).toEqual(
      expect.arrayContaining(['status', 'awards[_key=="w1"].result']),
    );
  });

  it('checks slug uniqueness within a type, not across types', async () => {
    const twin = { ...post, _id: 'post-twin' };
    const errors = await errorsOf(twin);
    expect(errors).toContainEqual(
      expect.objectContaining({
        id: 'post-twin',
        path: 'slug',
        code: 'slug.not-unique',
        level: 'error',
      }),
    );
    const sameSlugOtherType = { ...caseStudy, slug: post['slug'] };
    expect(await errorsOf(sameSlugOtherType)).toEqual([]);
    // A draft of the same document may share its slug.
    expect(await errorsOf({ ...post, _id: 'drafts.post-1' })).toEqual([]);
  });

  it('reports references to documents that do not exist', async () => {
    const errors = await errorsOf({
      ...post,
      authors: [{ _key: 'a1', _type: 'reference', _ref: 'person-missing' }],
    });
    expect(errors.some((p) => p.path.startsWith('authors'))).toBe(true);
  });

  it('reports fields the schema does not know', async () => {
    const problems = await validateDocuments([{ ...post, subtitle: 'Ukjent' }], {
      dataset: [person, post],
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'subtitle', code: 'object.unknown-field' }),
    );
  });

  it('gives a local client that answers GROQ over the documents it holds', async () => {
    const client = createLocalClient([person, post]);
    await expect(client.fetch('count(*[_type == $type])', { type: 'post' })).resolves.toBe(1);
  });
});

describe('getSiteUrlForDocument («Vis på nettstedet»)', () => {
  const site = 'https://tanketanken.example';

  it('builds URLs with the site route module', () => {
    expect(getSiteUrlForDocument({ _type: 'caseStudy', slug: { current: 'tilsyn' } }, site)).toBe(
      'https://tanketanken.example/caser/tilsyn/',
    );
    expect(getSiteUrlForDocument({ _type: 'page', slug: { current: 'om' } }, site)).toBe(
      'https://tanketanken.example/om/',
    );
    expect(getSiteUrlForDocument({ _type: 'siteSettings' }, site)).toBe(
      'https://tanketanken.example/',
    );
  });

  it('has no URL without a slug or for a type without a page', () => {
    expect(getSiteUrlForDocument({ _type: 'post' }, site)).toBeUndefined();
    expect(
      getSiteUrlForDocument({ _type: 'sanity.imageAsset', slug: { current: 'x' } }, site),
    ).toBeUndefined();
  });
});
