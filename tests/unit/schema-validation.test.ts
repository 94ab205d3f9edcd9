import { describe, expect, it } from 'vitest';
import {
  checkAwardCategory,
  checkDateOrder,
  checkHref,
  checkImageAlt,
  checkNoSelfReference,
  checkPageSlug,
  checkSdgs,
  checkSlug,
  checkVideoUrl,
  getPublishedId,
  hasImageAsset,
  parseVideoUrl,
  RESERVED_PAGE_SLUGS,
  suggestAwardCategory,
  toValidationResult,
} from '../../content-schemas/validation.ts';
import { slugify } from '../../content-schemas/slugify.ts';
import { formatPreviewSubtitle } from '../../content-schemas/preview.ts';

describe('checkHref', () => {
  it.each([
    'https://www.baerum.kommune.no/',
    'http://example.no/sti?x=1#del',
    'mailto:post@kommune.no',
    'mailto:post@kommune.no?subject=Hei',
    'tel:+4767504050',
    'tel:67 50 40 50',
  ])('accepts %s', (href) => {
    expect(checkHref(href)).toBeUndefined();
  });

  it('leaves an empty value to the required rule', () => {
    expect(checkHref(undefined)).toBeUndefined();
    expect(checkHref('')).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['ftp://example.no/fil', 'ftp:'],
    ['data:text/html,hei', 'data:'],
    ['/innlegg/noe/', 'Intern lenke'],
    ['www.example.no', 'https://'],
    ['mailto:', 'e-postadresse'],
    ['mailto:ikke-en-adresse', 'e-postadresse'],
    ['tel:ring-meg', 'telefonnummer'],
    [' https://example.no', 'mellomrom'],
  ])('rejects %s', (href, hint) => {
    expect(checkHref(href)).toContain(hint);
  });

  it('rejects a value that is not text', () => {
    expect(checkHref(42)).toMatch(/tekst/);
  });
});

describe('parseVideoUrl and checkVideoUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&t=10s', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'vimeo', '76979871'],
    ['https://player.vimeo.com/video/76979871', 'vimeo', '76979871'],
  ])('reads %s', (url, provider, id) => {
    expect(parseVideoUrl(url)).toEqual({ provider, id });
    expect(checkVideoUrl(url)).toBeUndefined();
  });

  it.each([
    'https://example.no/video/123',
    'https://www.youtube.com/',
    'https://www.youtube.com/watch',
    'https://vimeo.com/kanal',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'ftp://youtu.be/dQw4w9WgXcQ',
    'ikke en adresse',
  ])('rejects %s', (url) => {
    expect(parseVideoUrl(url)).toBeUndefined();
    expect(checkVideoUrl(url)).toMatch(/YouTube.*Vimeo/);
  });

  it('leaves an empty value to the required rule', () => {
    expect(checkVideoUrl(undefined)).toBeUndefined();
  });
});

describe('checkSdgs', () => {
  it('accepts whole numbers 1–17, each once, and no list at all', () => {
    expect(checkSdgs([1, 3, 17])).toBeUndefined();
    expect(checkSdgs([])).toBeUndefined();
    expect(checkSdgs(undefined)).toBeUndefined();
  });

  it.each([[[0]], [[18]], [[3.5]], [['3']], [[-1, 2]]])('rejects %j', (goals) => {
    expect(checkSdgs(goals)).toMatch(/hele tall fra 1 til 17/);
  });

  it('rejects a goal chosen twice and names it', () => {
    expect(checkSdgs([3, 11, 3])).toMatch(/én gang \(3 står/);
  });

  it('rejects a value that is not a list', () => {
    expect(checkSdgs(3)).toMatch(/liste/);
  });
});

describe('hasImageAsset and checkImageAlt', () => {
  const lake = { _type: 'image', asset: { _type: 'reference', _ref: 'image-abc-10x10-png' } };
  const exported = { _type: 'image', _sanityAsset: 'image@file://./images/abc-10x10.png' };

  it('sees an image in both the Content Lake and the export form', () => {
    expect(hasImageAsset(lake)).toBe(true);
    expect(hasImageAsset(exported)).toBe(true);
    expect(hasImageAsset({ _type: 'image', alt: 'tekst' })).toBe(false);
    expect(hasImageAsset(undefined)).toBe(false);
  });

  it('requires alt text when there is an image', () => {
    expect(checkImageAlt(lake)).toMatch(/alternativ tekst/);
    expect(checkImageAlt({ ...exported, alt: '   ' })).toMatch(/alternativ tekst/);
    expect(checkImageAlt({ ...exported, alt: 'Tre ansatte ved en tavle' })).toBeUndefined();
  });

  it('requires nothing when no image is chosen', () => {
    expect(checkImageAlt(undefined)).toBeUndefined();
    expect(checkImageAlt({ _type: 'image', caption: 'bare tekst' })).toBeUndefined();
  });
});

describe('checkSlug and checkPageSlug', () => {
  it('accepts lower-case words joined by single hyphens', () => {
    expect(checkSlug({ _type: 'slug', current: 'velferdsteknologi-i-hjemmet-2' })).toBeUndefined();
    expect(checkSlug(undefined)).toBeUndefined();
  });

  it.each(['Store-Bokstaver', 'æøå', 'to  ord', '-start', 'slutt-', 'dobbel--strek', 'a/b'])(
    'rejects %s',
    (current) => {
      expect(checkSlug({ current })).toMatch(/kan ikke brukes i en adresse/);
    },
  );

  it('rejects a slug longer than 96 characters', () => {
    expect(checkSlug('a'.repeat(97))).toMatch(/for lang/);
  });

  it('keeps pages off the addresses the site uses itself', () => {
    expect(RESERVED_PAGE_SLUGS).toEqual(
      expect.arrayContaining(['innlegg', 'prosjekter', 'caser', 'tema', 'sok', 'abonner']),
    );
    expect(RESERVED_PAGE_SLUGS).toEqual(
      expect.arrayContaining(['arkiv', 'innovasjonsprisen', 'personer', 'tjenesteomrader']),
    );
    expect(checkPageSlug({ current: 'sok' })).toMatch(/allerede i bruk/);
    expect(checkPageSlug({ current: 'om' })).toBeUndefined();
  });
});

describe('checkDateOrder', () => {
  it('accepts an end on or after the start, and missing dates', () => {
    expect(checkDateOrder('2024-01-01', '2024-06-30')).toBeUndefined();
    expect(checkDateOrder('2024-01-01', '2024-01-01')).toBeUndefined();
    expect(checkDateOrder(undefined, '2024-01-01')).toBeUndefined();
  });

  it('rejects an end before the start', () => {
    expect(checkDateOrder('2024-06-30', '2024-01-01')).toMatch(/før startdatoen/);
  });
});

describe('award categories', () => {
  it('accepts the prize categories and short free text', () => {
    expect(checkAwardCategory('arets-innovasjon')).toBeUndefined();
    expect(checkAwardCategory('Digitaliseringsprisen')).toBeUndefined();
  });

  it('rejects blank, padded and overlong text', () => {
    expect(checkAwardCategory('   ')).toMatch(/Velg eller skriv/);
    expect(checkAwardCategory(' Beste feil')).toMatch(/mellomrom/);
    expect(checkAwardCategory('x'.repeat(81))).toMatch(/for lang/);
  });

  it('suggests the prize category when its title was typed', () => {
    expect(suggestAwardCategory('Stjæl med stil')).toMatch(/«Stjæl med stil» i listen/);
    expect(suggestAwardCategory('beste feil')).toMatch(/Beste feil/);
    expect(suggestAwardCategory('stjael-med-stil')).toBeUndefined();
    expect(suggestAwardCategory('Digitaliseringsprisen')).toBeUndefined();
  });
});

describe('references', () => {
  it('reads the published id behind drafts and versions', () => {
    expect(getPublishedId('drafts.post-1')).toBe('post-1');
    expect(getPublishedId('versions.r123.post-1')).toBe('post-1');
    expect(getPublishedId('post-1')).toBe('post-1');
  });

  it('rejects a document listed as related to itself, also from its draft', () => {
    const related = [{ _type: 'reference', _ref: 'post-1', _key: 'a' }];
    expect(checkNoSelfReference(related, 'drafts.post-1')).toMatch(/seg selv/);
    expect(checkNoSelfReference(related, 'post-2')).toBeUndefined();
    expect(checkNoSelfReference(undefined, 'post-1')).toBeUndefined();
  });
});

describe('toValidationResult', () => {
  it('turns no problem into true and keeps a message', () => {
    expect(toValidationResult(undefined)).toBe(true);
    expect(toValidationResult('Feil')).toBe('Feil');
  });
});

describe('slugify', () => {
  it.each([
    ['Årets innovasjon', 'arets-innovasjon'],
    ['Stjæl med stil!', 'stjael-med-stil'],
    ['Tjenesteområder for  eldre', 'tjenesteomrader-for-eldre'],
    ['Café – «Økonomi» 2024', 'cafe-okonomi-2024'],
    ['  --  ', ''],
  ])('%s → %s', (input, slug) => {
    expect(slugify(input)).toBe(slug);
    if (slug !== '') expect(checkSlug(slug)).toBeUndefined();
  });

  it('cuts at 96 characters without a trailing hyphen', () => {
    const slug = slugify(`${'ord '.repeat(40)}`);
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('formatPreviewSubtitle', () => {
  const now = new Date('2024-06-01T12:00:00Z');

  it('shows type, status title and date', () => {
    expect(
      formatPreviewSubtitle(
        { typeLabel: 'Prosjekt', status: 'testing', publishedAt: '2024-03-12T09:00:00Z' },
        now,
      ),
    ).toBe('Prosjekt · Utprøving · 12. mars 2024');
  });

  it('marks a future date as scheduled and a missing one as such', () => {
    expect(
      formatPreviewSubtitle({ typeLabel: 'Innlegg', publishedAt: '2030-01-02T09:00:00Z' }, now),
    ).toBe('Innlegg · planlagt 2. jan. 2030');
    expect(formatPreviewSubtitle({ typeLabel: 'Innlegg' }, now)).toBe('Innlegg · uten dato');
  });
});
