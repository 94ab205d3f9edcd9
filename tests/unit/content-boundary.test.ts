/**
 * The content boundary (issue #22): whatever way a document came in, each field is checked
 * with the Studio's rules (`content-schemas/validation.ts`), a field that fails is dropped
 * with one warning naming id, field and reason, and the rest of the document is kept.
 * Documents go through the real pipeline: groq-js over the documents, check, normalise.
 */
import { describe, expect, test } from 'vitest';
import {
  checkEmail,
  checkUrl,
  cleanPortableText,
  PORTABLE_TEXT_RULES,
  URL_SCHEMES,
} from '../../content-schemas/validation.ts';
import { blockContent } from '../../content-schemas/block-content.ts';
import { loadSiteContent } from '../../src/sanity/content.ts';
import type { SiteContent } from '../../src/sanity/normalise/site-content.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { getSearchAttributes } from '../../src/lib/search.ts';
import { renderPortableText } from '../../src/lib/portable-text.ts';
import { getVideoEmbed } from '../../src/lib/video.ts';
import { block } from '../helpers/portable-text.ts';

const NOW = new Date('2025-01-01T00:00:00Z');
const SHA = 'a'.repeat(40);

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

/** An image as an export holds it, of the given size and format. */
const exportImage = (size: string, format: string, extra: Record<string, unknown> = {}) => ({
  _type: 'image',
  _sanityAsset: `image@file://./images/${SHA}-${size}.${format}`,
  alt: 'Et bilde',
  ...extra,
});

const settings = (fields: Record<string, unknown> = {}): RawDocument => ({
  ...sys('siteSettings', 'siteSettings'),
  title: 'Tanketanken',
  ...fields,
});

async function load(docs: RawDocument[], siteSettings = settings()): Promise<SiteContent> {
  return loadSiteContent(createLocalEngine([siteSettings, ...docs], 'test'), {
    now: NOW,
    cdn: undefined,
  });
}

/** The problems of one document, as `field: reason` lines. */
function problemsOf(content: SiteContent, id: string): string[] {
  return content.problems
    .filter((problem) => problem.id === id)
    .map(
      (problem) => `${problem.field}${problem.excluded ? ' (left out)' : ''}: ${problem.reason}`,
    );
}

const noImages = { resolveImage: () => undefined };

describe('URLs: one allow-list of schemes per kind of field', () => {
  test('the lists are those the issue names', () => {
    expect(URL_SCHEMES.link).toEqual(['http', 'https', 'mailto', 'tel']);
    expect([...URL_SCHEMES.feedback].sort()).toEqual(['http', 'https', 'mailto']);
    expect([...URL_SCHEMES.license].sort()).toEqual(['http', 'https']);
    expect([...URL_SCHEMES.image].sort()).toEqual(['http', 'https']);
  });

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
  ])('%j is refused for every kind', (url) => {
    for (const kind of Object.keys(URL_SCHEMES) as (keyof typeof URL_SCHEMES)[]) {
      expect(checkUrl(url, kind), `${kind}: ${url}`).toBeTypeOf('string');
    }
  });

  test('mailto: is a feedback address but no licence', () => {
    expect(checkUrl('mailto:tilbakemelding@kommune.no', 'feedback')).toBeUndefined();
    expect(checkUrl('mailto:tilbakemelding@kommune.no', 'license')).toBeTypeOf('string');
    expect(checkUrl('HTTPS://kommune.no/skjema', 'feedback')).toBeUndefined();
  });

  test('a feedback address or licence URL with an unsafe scheme is dropped with a warning', async () => {
    const content = await load(
      [],
      settings({
        feedbackUrl: 'javascript:alert(document.cookie)',
        license: { name: 'Egen lisens', url: '  JaVaScRiPt:alert(1)' },
      }),
    );
    expect(content.siteSettings.feedbackUrl).toBeUndefined();
    // The licence keeps its name; its URL falls back to the default licence text's.
    expect(content.siteSettings.license).toEqual({
      name: 'Egen lisens',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.no',
    });
    const lines = problemsOf(content, 'siteSettings');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^feedbackUrl: .*javascript:/);
    expect(lines[1]).toMatch(/^license\.url: /);
  });

  test('a safe feedback address and licence are kept as they are', async () => {
    const content = await load(
      [],
      settings({
        feedbackUrl: 'mailto:tilbakemelding@kommune.no',
        license: { name: 'CC0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
      }),
    );
    expect(content.siteSettings.feedbackUrl).toBe('mailto:tilbakemelding@kommune.no');
    expect(content.siteSettings.license.url).toBe(
      'https://creativecommons.org/publicdomain/zero/1.0/',
    );
    expect(content.problems).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  test.each(['ola@kommune.no?bcc=alle@kommune.no', 'ola@kommune.no&cc=x@y.no', 'a b@c.no', 'ola'])(
    '%j is not one address',
    (email) => {
      expect(checkEmail(email)).toBeTypeOf('string');
    },
  );

  test('a person with «?bcc=» in the e-mail keeps the rest, with one warning', async () => {
    const person = {
      ...sys('person-ola', 'person'),
      name: 'Ola Nordmann',
      slug: { _type: 'slug', current: 'ola-nordmann' },
      role: 'Rådgiver',
      email: 'ola@kommune.no?bcc=alle@kommune.no',
    } as RawDocument;
    const content = await load([person], settings({ contactEmail: 'post@kommune.no?subject=Hei' }));
    expect(content.person).toHaveLength(1);
    expect(content.person[0]?.email).toBeUndefined();
    expect(content.person[0]?.role).toBe('Rådgiver');
    expect(problemsOf(content, 'person-ola')).toEqual([
      expect.stringMatching(/^email: «ola@kommune\.no\?bcc=alle@kommune\.no» er ikke én/),
    ]);
    expect(content.siteSettings.contactEmail).toBeUndefined();
    expect(problemsOf(content, 'siteSettings')).toEqual([expect.stringMatching(/^contactEmail: /)]);
  });
});

describe('images: raster only, with a size, under a safe key', () => {
  test('an SVG from an export is dropped; the post is kept', async () => {
    const content = await load([
      post('svg', {
        mainImage: exportImage('100x100', 'svg'),
        body: [block('b1', 'Tekst.'), { ...exportImage('10x10', 'svg'), _key: 'i1' }],
      }),
    ]);
    const [doc] = content.post;
    expect(doc?.mainImage).toBeUndefined();
    expect(doc?.body.map((item) => item._type)).toEqual(['block']);
    expect(problemsOf(content, 'svg')).toEqual([
      expect.stringMatching(/^mainImage: «\.svg» kan ikke brukes/),
      expect.stringMatching(/^body\[1\]: «\.svg» kan ikke brukes/),
    ]);
  });

  test('a 0×0 image is dropped; the post is kept', async () => {
    const content = await load([post('zero', { mainImage: exportImage('0x0', 'png') })]);
    expect(content.post).toHaveLength(1);
    expect(content.post[0]?.mainImage).toBeUndefined();
    expect(problemsOf(content, 'zero')).toEqual([expect.stringMatching(/^mainImage: .*0×0/)]);
  });

  test('an image block keyed «__proto__» gets a key of its own and is kept', async () => {
    const content = await load([
      post('proto', {
        body: [block('b1', 'Tekst.'), { ...exportImage('20x10', 'jpg'), _key: '__proto__' }],
      }),
    ]);
    const body = content.post[0]?.body ?? [];
    expect(body.map((item) => [item._type, item._key])).toEqual([
      ['block', 'b1'],
      ['image', 'k1'],
    ]);
    expect(Object.getPrototypeOf(body[1])).toBe(Object.prototype);
    expect(problemsOf(content, 'proto')).toEqual([
      expect.stringMatching(/^body\[1\]\._key: is not a usable key/),
    ]);
  });
});

describe('keys named like Object.prototype’s properties', () => {
  test.each(['hasOwnProperty', '__proto__', 'constructor'])(
    'a document with a field %j, as JSON.parse reads it from an export, is kept',
    async (name) => {
      const doc = post('proto-field');
      const line = JSON.stringify(doc).replace(/^\{/, `{"${name}":{"hasOwnProperty":1},`);
      const content = await load([JSON.parse(line) as RawDocument]);
      expect(content.post.map((item) => item.id)).toEqual(['proto-field']);
    },
  );
});

describe('a missing _updatedAt', () => {
  test('a page without _updatedAt is kept, dated, and searchable', async () => {
    const page = {
      ...sys('page-om', 'page'),
      _updatedAt: undefined,
      title: 'Om oss',
      slug: { _type: 'slug', current: 'om-oss' },
      body: [block('b1', 'Tekst.')],
    } as unknown as RawDocument;
    delete (page as Record<string, unknown>)['_updatedAt'];
    const content = await load([page]);
    const [data] = content.page;
    expect(data).toBeDefined();
    if (!data) return;
    expect(Number.isNaN(Date.parse(data.updatedAt))).toBe(false);
    expect(() => getSearchAttributes(data)).not.toThrow();
    expect(problemsOf(content, 'page-om')).toEqual([
      expect.stringMatching(/^_updatedAt: is missing/),
    ]);
  });

  test('a post without _updatedAt is dated by its publication', async () => {
    const doc = post('no-update');
    delete (doc as Record<string, unknown>)['_updatedAt'];
    const content = await load([doc]);
    expect(content.post[0]?.updatedAt).toBe('2024-05-01T08:00:00.000Z');
  });
});

describe('videos: what the Studio accepts, the site shows', () => {
  test.each([
    ['https://www.youtube.com/live/M7lc1UVf-VE', 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
    ['https://vimeo.com/123', 'https://vimeo.com/123'],
    ['https://youtu.be/M7lc1UVf-VE', 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
  ])('%s', async (url, watchUrl) => {
    expect(getVideoEmbed(url)?.watchUrl).toBe(watchUrl);
    const video = { _type: 'videoEmbed', _key: 'v1', url, title: 'Film' };
    const content = await load([post('video', { body: [block('b1', 'Tekst.'), video] })]);
    expect(content.problems).toEqual([]);
    const rendered = renderPortableText(content.post[0]?.body ?? [], noImages);
    expect(rendered.problems).toEqual([]);
    expect(rendered.html).toContain(`href="${watchUrl}"`);
  });

  test('a video the Studio refuses is dropped with a warning; the post is kept', async () => {
    const video = { _type: 'videoEmbed', _key: 'v1', url: 'https://evil.example/v', title: 'X' };
    const content = await load([post('bad-video', { body: [block('b1', 'Tekst.'), video] })]);
    expect(content.post[0]?.body).toHaveLength(1);
    expect(problemsOf(content, 'bad-video')).toEqual([
      expect.stringMatching(/^body\[1\]\.url: Lim inn adressen/),
    ]);
  });
});

describe('slugs are checked at build time with the Studio rule', () => {
  test.each(['a/b', 'a.b', 'a%2F', 'a?b', 'Store', 'robots.txt', '..'])(
    'a post with slug %j is left out',
    async (slug) => {
      const content = await load([post('slug', { slug: { _type: 'slug', current: slug } })]);
      expect(content.post).toEqual([]);
      expect(problemsOf(content, 'slug')).toEqual([expect.stringMatching(/^slug \(left out\): /)]);
    },
  );

  test.each(['sok', 'pagefind', '_astro', 'data', '404'])(
    'a page with reserved slug %j is left out',
    async (slug) => {
      const page = {
        ...sys('page-x', 'page'),
        title: 'Side',
        slug: { _type: 'slug', current: slug },
        body: [block('b1', 'Tekst.')],
      } as RawDocument;
      const content = await load([page]);
      expect(content.page).toEqual([]);
    },
  );
});

describe('Portable Text: only what the content model has, looked up as own properties', () => {
  test('the rules are the Studio’s blockContent', () => {
    type Member = {
      type?: string;
      name?: string;
      styles?: { value: string }[];
      lists?: { value: string }[];
      marks?: { decorators?: { value: string }[]; annotations?: { name?: string }[] };
    };
    const members = (blockContent as unknown as { of: Member[] }).of;
    const text = members.find((member) => member.type === 'block');
    expect(members.map((member) => member.name ?? member.type).sort()).toEqual(
      [...PORTABLE_TEXT_RULES.blockTypes].sort(),
    );
    expect(text?.styles?.map((style) => style.value)).toEqual([...PORTABLE_TEXT_RULES.styles]);
    expect(text?.lists?.map((list) => list.value)).toEqual([...PORTABLE_TEXT_RULES.lists]);
    expect(text?.marks?.decorators?.map((mark) => mark.value)).toEqual([
      ...PORTABLE_TEXT_RULES.decorators,
    ]);
    expect(text?.marks?.annotations?.map((mark) => mark.name)).toEqual([
      ...PORTABLE_TEXT_RULES.annotations,
    ]);
  });

  const names = ['hasOwnProperty', 'valueOf', 'constructor', 'toString', '__proto__'];

  test.each(names)(
    'a block type, style, list and mark named %j render without throwing',
    (name) => {
      const blocks = [
        { _type: name, _key: 'x' },
        { ...block('s', 'Stil.'), style: name },
        { ...block('l', 'Liste.'), listItem: name, level: 1 },
        block('m', 'Merket.', [], [name]),
        { ...block('d', 'Definert.', [{ _type: name, _key: 'k' }], ['k']) },
      ];
      const rendered = renderPortableText(blocks, noImages);
      expect(rendered.html).toBe('<p>Stil.</p><p>Liste.</p><p>Merket.</p><p>Definert.</p>');
      expect(rendered.html).not.toContain('[object');
      expect(rendered.problems.length).toBeGreaterThanOrEqual(4);
    },
  );

  test('a callout tone named «constructor» is shown as information', () => {
    const rendered = renderPortableText(
      [{ _type: 'callout', _key: 'c', tone: 'constructor', text: 'Hei' }],
      noImages,
    );
    expect(rendered.html).toContain('callout--info');
    expect(rendered.html).not.toContain('function');
  });

  test.each([1000, 1e7, Number.MAX_SAFE_INTEGER, -5, Number.NaN])(
    'a list level of %d is capped',
    (level) => {
      const rendered = renderPortableText(
        [{ ...block('l', 'Punkt'), listItem: 'bullet', level }],
        noImages,
      );
      // Shown at level 1 (below the range) or at the deepest level the site has.
      const depth = level > 1 ? PORTABLE_TEXT_RULES.listLevelMax : 1;
      expect(rendered.html).toBe(`${'<ul><li>'.repeat(depth)}Punkt${'</li></ul>'.repeat(depth)}`);
      expect(rendered.problems).toEqual([expect.stringMatching(/level/)]);
    },
  );

  test('a list level past the cap is shown at the deepest level; nothing overflows', () => {
    const blocks = [
      { ...block('a', 'En'), listItem: 'bullet', level: 1 },
      { ...block('b', 'To'), listItem: 'bullet', level: 1_000_000 },
    ];
    const rendered = renderPortableText(blocks, noImages);
    const depth = rendered.html.split('<ul>').length - 1;
    expect(depth).toBe(PORTABLE_TEXT_RULES.listLevelMax);
  });

  test('an internal link is a path on this site or nothing', () => {
    const rendered = renderPortableText(
      [
        block(
          'i',
          'Lenke',
          [{ _type: 'internalLink', _key: 'k', href: 'javascript:alert(1)' }],
          ['k'],
        ),
      ],
      noImages,
    );
    expect(rendered.html).toBe('<p>Lenke</p>');
  });

  test('cleaning keeps only the fields a block type has', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let depth = 0; depth < 100_000; depth++) {
      const next: Record<string, unknown> = {};
      cursor['x'] = next;
      cursor = next;
    }
    const problems: string[] = [];
    const [cleaned] = cleanPortableText(
      [{ _type: 'callout', _key: 'c', tone: 'tip', text: 'Hei', extra: deep }],
      (where, reason) => problems.push(`${where}: ${reason}`),
    );
    expect(cleaned).toEqual({ _type: 'callout', _key: 'c', tone: 'tip', text: 'Hei' });
    expect(() => JSON.stringify(cleaned)).not.toThrow();
  });
});

describe('bounded work: time grows in proportion to the size of one document', () => {
  /** The fastest of a few runs of `task`, in milliseconds. */
  function fastest(task: () => void, runs = 3): number {
    let best = Infinity;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      task();
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }

  test('equal headings: ten times as many take about ten times as long, not a hundred', () => {
    const headings = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        ...block(`h${index}`, 'Samme'),
        style: 'h2',
      }));
    const small = headings(2_000);
    const large = headings(20_000);
    const ids = renderPortableText(large, noImages).headings.map((heading) => heading.id);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids.slice(0, 3)).toEqual(['samme', 'samme-2', 'samme-3']);
    const ratio =
      fastest(() => renderPortableText(large, noImages)) /
      Math.max(
        fastest(() => renderPortableText(small, noImages)),
        0.5,
      );
    // Linear work gives ~10; the linear search for a free id gave ~100.
    expect(ratio).toBeLessThan(35);
  }, 60_000);

  test('the boundary: a body ten times as long takes about ten times as long', async () => {
    const body = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        index % 3 === 0
          ? { ...block(`h${index}`, 'Samme'), style: 'h2' }
          : { ...block(`l${index}`, 'Punkt'), listItem: 'bullet', level: 1 + (index % 4) },
      );
    const time = async (count: number) => {
      const doc = post('big', { body: body(count) });
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        const content = await load([doc]);
        renderPortableText(content.post[0]?.body ?? [], noImages);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = await time(1_500);
    const large = await time(15_000);
    expect(large / Math.max(small, 0.5)).toBeLessThan(35);
  }, 60_000);
});
