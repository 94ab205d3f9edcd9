import { describe, expect, it } from 'vitest';
import {
  countWords,
  getReadingMinutes,
  isAllowedHref,
  renderPortableText,
  slugifyHeading,
  splitParagraphs,
  type BlockImage,
} from '../../src/lib/portable-text.ts';

let key = 0;
const span = (text: string, marks: string[] = []) => ({
  _type: 'span',
  _key: `s${(key += 1)}`,
  text,
  marks,
});
const block = (
  children: ReturnType<typeof span>[],
  extra: Record<string, unknown> = {},
  markDefs: Record<string, unknown>[] = [],
) => ({ _type: 'block', _key: `b${(key += 1)}`, style: 'normal', markDefs, children, ...extra });

const resolveImage = (image: BlockImage) =>
  typeof image.src === 'string'
    ? {
        src: `${image.src}?w=800`,
        width: image.width,
        height: image.height,
        srcset: `${image.src}?w=400 400w, ${image.src}?w=800 800w`,
        sizes: '100vw',
      }
    : undefined;
const render = (blocks: unknown[], options = {}) =>
  renderPortableText(blocks, { resolveImage, ...options });

describe('renderPortableText: blocks and styles', () => {
  it('renders paragraphs, h2–h4 with ids, and blockquotes', () => {
    const { html, headings, problems } = render([
      block([span('Et avsnitt.')]),
      block([span('Bakgrunn og behov')], { style: 'h2' }),
      block([span('Første steg')], { style: 'h3' }),
      block([span('Detaljer')], { style: 'h4' }),
      block([span('Sitert tekst')], { style: 'blockquote' }),
    ]);
    expect(problems).toEqual([]);
    expect(html).toContain('<p>Et avsnitt.</p>');
    expect(html).toContain('<h2 id="bakgrunn-og-behov">Bakgrunn og behov</h2>');
    expect(html).toContain('<h3 id="forste-steg">Første steg</h3>');
    expect(html).toContain('<h4 id="detaljer">Detaljer</h4>');
    expect(html).toContain('<blockquote><p>Sitert tekst</p></blockquote>');
    expect(headings.map((heading) => [heading.id, heading.level])).toEqual([
      ['bakgrunn-og-behov', 2],
      ['forste-steg', 3],
      ['detaljer', 4],
    ]);
  });

  it('shifts heading levels by the offset (case sections) but reports the original level', () => {
    const { html, headings } = render([block([span('Under')], { style: 'h2' })], {
      headingOffset: 1,
    });
    expect(html).toBe('<h3 id="under">Under</h3>');
    expect(headings[0]?.level).toBe(2);
  });

  it('gives repeated headings unique ids, also across sections sharing usedIds', () => {
    const usedIds = new Set(['fakta']);
    const first = render(
      [
        block([span('Resultater')], { style: 'h2' }),
        block([span('Resultater')], { style: 'h2' }),
        block([span('Fakta')], { style: 'h3' }),
      ],
      { usedIds },
    );
    const second = render([block([span('Resultater')], { style: 'h2' })], { usedIds });
    expect([...first.headings, ...second.headings].map((heading) => heading.id)).toEqual([
      'resultater',
      'resultater-2',
      'fakta-2',
      'resultater-3',
    ]);
  });

  it('renders bullet and numbered lists', () => {
    const { html } = render([
      block([span('En')], { listItem: 'bullet', level: 1 }),
      block([span('To')], { listItem: 'bullet', level: 1 }),
      block([span('Først')], { listItem: 'number', level: 1 }),
    ]);
    expect(html).toContain('<ul><li>En</li><li>To</li></ul>');
    expect(html).toContain('<ol><li>Først</li></ol>');
  });
});

describe('renderPortableText: marks and annotations', () => {
  it('renders every decorator', () => {
    const { html } = render([
      block([
        span('fet', ['strong']),
        span('kursiv', ['em']),
        span('kode', ['code']),
        span('gammelt', ['strike-through']),
      ]),
    ]);
    expect(html).toBe('<p><strong>fet</strong><em>kursiv</em><code>kode</code><s>gammelt</s></p>');
  });

  it('keeps http, https, mailto and tel links, marking web links external', () => {
    const defs = [
      { _key: 'l1', _type: 'link', href: 'https://example.no/a?b=1&c=2' },
      { _key: 'l2', _type: 'link', href: 'mailto:post@example.no' },
      { _key: 'l3', _type: 'link', href: 'tel:+4767500000' },
    ];
    const { html, problems } = render([
      block([span('web', ['l1']), span('e-post', ['l2']), span('ring', ['l3'])], {}, defs),
    ]);
    expect(problems).toEqual([]);
    expect(html).toContain(
      '<a href="https://example.no/a?b=1&amp;c=2" rel="external noopener">web</a>',
    );
    expect(html).toContain('<a href="mailto:post@example.no">e-post</a>');
    expect(html).toContain('<a href="tel:+4767500000">ring</a>');
  });

  it('drops unsafe hrefs, keeping the text and reporting the problem', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,x',
      '//evil',
    ]) {
      const { html, problems } = render([
        block([span('klikk', ['bad'])], {}, [{ _key: 'bad', _type: 'link', href }]),
      ]);
      expect(html).toBe('<p>klikk</p>');
      expect(problems).toHaveLength(1);
    }
    expect(isAllowedHref('HTTPS://example.no')).toBe(true);
    expect(isAllowedHref('ftp://example.no')).toBe(false);
  });

  it('links internal references to their resolved href, or plain text when unpublished', () => {
    const { html } = render([
      block([span('publisert', ['i1']), span(' og '), span('upublisert', ['i2'])], {}, [
        { _key: 'i1', _type: 'internalLink', href: '/caser/trygg-hjemme/' },
        { _key: 'i2', _type: 'internalLink' },
      ]),
    ]);
    expect(html).toBe('<p><a href="/caser/trygg-hjemme/">publisert</a> og upublisert</p>');
  });
});

describe('renderPortableText: custom block types', () => {
  it('renders images with srcset, width, height, lazy loading, caption and credit', () => {
    const { html } = render([
      {
        _type: 'image',
        _key: 'img',
        kind: 'cdn',
        src: 'https://cdn.sanity.io/images/p/d/abc-800x600.png',
        width: 800,
        height: 600,
        alt: 'Et "bilde" <her>',
        caption: 'Bildetekst',
        credit: 'Ola',
      },
    ]);
    expect(html).toContain('alt="Et &quot;bilde&quot; &lt;her&gt;"');
    expect(html).toContain('width="800" height="600" loading="lazy"');
    expect(html).toContain('srcset="https://cdn.sanity.io/images/p/d/abc-800x600.png?w=400 400w');
    expect(html).toContain('<figcaption>Bildetekst · Foto: Ola</figcaption>');
  });

  it('reports an image the pipeline cannot resolve and leaves it out', () => {
    const { html, problems } = render([
      { _type: 'image', _key: 'gone', kind: 'local', src: {}, width: 1, height: 1, alt: 'x' },
    ]);
    expect(html).toBe('');
    expect(problems).toEqual([expect.stringContaining('"gone"')]);
  });

  it('renders callouts (unknown tone falls back to info), fact boxes and pull quotes', () => {
    const { html } = render([
      { _type: 'callout', _key: 'c1', tone: 'warning', text: 'Pass på' },
      { _type: 'callout', _key: 'c2', tone: 'rød', text: 'Hei' },
      { _type: 'factBox', _key: 'f', title: 'Nøkkeltall', items: ['12 brukere', 3] },
      { _type: 'pullQuote', _key: 'q', text: 'Det virket', attribution: 'Leder' },
    ]);
    expect(html).toContain('class="callout callout--warning" aria-label="Advarsel"');
    expect(html).toContain('class="callout callout--info" aria-label="Informasjon"');
    expect(html).toContain('<ul><li>12 brukere</li></ul>');
    expect(html).toContain(
      '<blockquote><p>Det virket</p></blockquote><figcaption>Leder</figcaption>',
    );
  });

  it('turns YouTube and Vimeo embeds into links, and rejects other hosts', () => {
    const ok = render([
      { _type: 'videoEmbed', _key: 'v', url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Demo' },
      { _type: 'videoEmbed', _key: 'w', url: 'https://vimeo.com/123456789', title: 'Film' },
    ]);
    expect(ok.html).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(ok.html).toContain('href="https://vimeo.com/123456789"');
    expect(ok.html).not.toContain('<iframe');
    const bad = render([
      { _type: 'videoEmbed', _key: 'x', url: 'https://evil.example/v', title: 'X' },
    ]);
    expect(bad.html).toBe('');
    expect(bad.problems).toHaveLength(1);
  });

  it('skips unknown block types with a problem, never rendering their data', () => {
    const { html, problems } = render([
      { _type: 'mysteryWidget', _key: 'm', secret: '<b>rådata</b>' },
      block([span('Etter')]),
    ]);
    expect(html).toBe('<p>Etter</p>');
    expect(html).not.toContain('rådata');
    expect(problems).toEqual([expect.stringContaining('mysteryWidget')]);
  });

  it('keeps the text of unknown marks and styles, reporting each', () => {
    const { html, problems } = render([
      block([span('merket', ['highlight'])]),
      block([span('stil')], { style: 'h9' }),
    ]);
    expect(html).toBe('<p>merket</p><p>stil</p>');
    expect(problems).toHaveLength(2);
  });

  it('escapes user text everywhere', () => {
    const evil = '<script>alert("x")</script>';
    const { html } = render([
      block([span(evil)]),
      block([span(evil)], { style: 'h2' }),
      { _type: 'callout', _key: 'c', tone: 'info', text: evil },
      { _type: 'factBox', _key: 'f', title: evil, items: [evil] },
      { _type: 'pullQuote', _key: 'q', text: evil, attribution: evil },
    ]);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('words and headings', () => {
  it('slugifies Norwegian headings readably and never to an empty id', () => {
    expect(slugifyHeading('Hva vi lærte – også det som ikke virket')).toBe(
      'hva-vi-laerte-ogsa-det-som-ikke-virket',
    );
    expect(slugifyHeading('Ørsta & Åsane!')).toBe('orsta-asane');
    expect(slugifyHeading('???')).toBe('seksjon');
  });

  it('splits plain text at blank lines into trimmed paragraphs, empty ones left out', () => {
    expect(splitParagraphs('  Første avsnitt.\nSamme avsnitt. \n \n\nAndre.\n\n   ')).toEqual([
      'Første avsnitt.\nSamme avsnitt.',
      'Andre.',
    ]);
    expect(splitParagraphs(' \n\n ')).toEqual([]);
  });

  it('counts words in text blocks and custom blocks, reading time at least one minute', () => {
    const blocks = [block([span('tre ord her')]), { _type: 'callout', text: 'to ord' }];
    expect(countWords(blocks)).toBe(5);
    expect(getReadingMinutes(5)).toBe(1);
    expect(getReadingMinutes(1000)).toBe(5);
  });
});
