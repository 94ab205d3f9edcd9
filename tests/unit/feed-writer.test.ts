import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it, vi } from 'vitest';
import {
  absolutizeHtml,
  escapeXml,
  FEED_ITEM_LIMIT,
  formatRenderProblems,
  getImageMimeType,
  getLastBuildDate,
  selectFeedSources,
  toFeedItem,
  toPlainText,
  toRfc822,
  truncateText,
  writeRss,
  type FeedChannel,
  type FeedScope,
  type FeedSource,
} from '../../src/lib/feed.ts';
import { writeOpml } from '../../src/lib/opml.ts';

const SITE = 'https://innovasjon.kommune.example';

function makeSource(overrides: Partial<FeedSource> & { id: string }): FeedSource {
  return {
    type: 'post',
    title: `Tittel ${overrides.id}`,
    href: `/innlegg/${overrides.id}/`,
    excerpt: 'Kort utdrag.',
    publishedAt: '2024-05-01T08:00:00Z',
    updatedAt: '2024-05-02T08:00:00Z',
    language: 'nb',
    authors: [{ title: 'Kari Nordmann' }],
    topics: [],
    serviceAreas: [],
    html: '<p>Tekst.</p>',
    problems: [],
    ...overrides,
  };
}

const velferd = {
  id: 'topic-velferd',
  title: 'Velferdsteknologi',
  slug: 'velferdsteknologi',
  href: '/tema/velferdsteknologi/',
};
const helse = {
  id: 'area-helse',
  title: 'Helse & omsorg',
  slug: 'helse-og-omsorg',
  href: '/tjenesteomrader/helse-og-omsorg/',
};

function makeChannel(sources: FeedSource[]): FeedChannel {
  return {
    title: 'Tanketanken <test> & «venner»',
    link: `${SITE}/`,
    description: 'Alt nytt.',
    language: 'nb-NO',
    selfUrl: `${SITE}/rss.xml`,
    image: { url: `${SITE}/_astro/logo.png`, title: 'Tanketanken', link: `${SITE}/` },
    items: sources.map((source) => toFeedItem(source, SITE)),
  };
}

describe('toRfc822', () => {
  it('writes RFC 822 dates in GMT', () => {
    expect(toRfc822('2024-05-01T08:00:00+02:00')).toBe('Wed, 01 May 2024 06:00:00 GMT');
  });
  it('rejects a value that is not a date, naming it', () => {
    expect(() => toRfc822('i morgen')).toThrow(/"i morgen" is not a date/);
  });
});

describe('escapeXml', () => {
  it('escapes markup and quotes and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
});

describe('absolutizeHtml', () => {
  it('makes href, src and every srcset candidate absolute and leaves mailto and text alone', () => {
    const html =
      '<p>Se <a href="/caser/a/">casen</a>, <a href="mailto:post@kommune.no">skriv</a> ' +
      'eller <a href="https://example.no/?a=1&amp;b=2">les</a>. Tekst med href=&quot;/x&quot;.</p>' +
      '<img src="/_astro/a.webp" srcset="/_astro/a-400.webp 400w, /_astro/a-800.webp 800w" alt="">';
    expect(absolutizeHtml(html, SITE)).toBe(
      `<p>Se <a href="${SITE}/caser/a/">casen</a>, <a href="mailto:post@kommune.no">skriv</a> ` +
        'eller <a href="https://example.no/?a=1&amp;b=2">les</a>. Tekst med href=&quot;/x&quot;.</p>' +
        `<img src="${SITE}/_astro/a.webp" srcset="${SITE}/_astro/a-400.webp 400w, ${SITE}/_astro/a-800.webp 800w" alt="">`,
    );
  });
});

describe('toPlainText and truncateText', () => {
  it('drops tags, decodes entities and cuts at a word', () => {
    expect(toPlainText('<h2>Tittel</h2><p>Tom &amp; Jerry &lt;3</p>')).toBe(
      'Tittel Tom & Jerry <3',
    );
    expect(truncateText('en to tre fire fem seks', 12)).toBe('en to tre…');
    expect(truncateText('kort', 12)).toBe('kort');
  });
});

describe('selectFeedSources', () => {
  const many = Array.from({ length: 60 }, (_, index) =>
    makeSource({
      id: `post-${String(index).padStart(2, '0')}`,
      publishedAt: new Date(Date.UTC(2024, 0, 1 + index)).toISOString(),
    }),
  );

  /** The sources as rendered already: each renders to itself. */
  const select = (sources: readonly FeedSource[], scope: FeedScope) =>
    selectFeedSources(sources, scope, { render: (source) => source });

  it('keeps the latest 50, newest first', async () => {
    const chosen = await select(many, { kind: 'site' });
    expect(chosen).toHaveLength(FEED_ITEM_LIMIT);
    expect(chosen[0]?.id).toBe('post-59');
    expect(chosen.at(-1)?.id).toBe('post-10');
  });

  it('sorts an array once for all the feeds chosen from it, and a new array anew', async () => {
    const parse = vi.spyOn(Date, 'parse');
    try {
      const shuffled = [...many].reverse();
      const first = await select(shuffled, { kind: 'site' });
      const parsed = parse.mock.calls.length;
      expect(parsed).toBeGreaterThanOrEqual(many.length);
      const second = await select(shuffled, { kind: 'site' });
      expect(second.map((source) => source.id)).toEqual(first.map((source) => source.id));
      expect(parse.mock.calls.length).toBe(parsed);
      // Another array (the next build's content) is not served the first one's order.
      const newer = makeSource({ id: 'post-new', publishedAt: '2030-01-01T00:00:00.000Z' });
      const next = await select([...shuffled, newer], { kind: 'site' });
      expect(next[0]?.id).toBe('post-new');
    } finally {
      parse.mockRestore();
    }
  });

  it('renders only as far down the newest-first list as the feed needs', async () => {
    const rendered: string[] = [];
    const chosen = await selectFeedSources(
      many,
      { kind: 'site' },
      {
        render: (source) => {
          rendered.push(source.id);
          return source;
        },
        limit: 3,
      },
    );
    expect(chosen.map((source) => source.id)).toEqual(['post-59', 'post-58', 'post-57']);
    expect(rendered).toEqual(['post-59', 'post-58', 'post-57']);
  });

  it('orders documents published at the same moment by id, so builds agree', async () => {
    const same = [makeSource({ id: 'b' }), makeSource({ id: 'a' }), makeSource({ id: 'c' })];
    expect((await select(same, { kind: 'site' })).map((source) => source.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('filters by type, topic and service area', async () => {
    const sources = [
      makeSource({ id: 'p1', topics: [velferd] }),
      makeSource({ id: 'c1', type: 'caseStudy', serviceAreas: [helse] }),
      makeSource({ id: 'c2', type: 'caseStudy', topics: [velferd], serviceAreas: [helse] }),
    ];
    const ids = async (scope: FeedScope) =>
      (await select(sources, scope)).map((source) => source.id).sort();
    expect(await ids({ kind: 'type', type: 'caseStudy' })).toEqual(['c1', 'c2']);
    expect(await ids({ kind: 'topic', id: 'topic-velferd' })).toEqual(['c2', 'p1']);
    expect(await ids({ kind: 'serviceArea', id: 'area-helse' })).toEqual(['c1', 'c2']);
    expect(await ids({ kind: 'type', type: 'projectStory' })).toEqual([]);
  });

  it('keeps a document whose body had render problems, as its page shows it, and says which', async () => {
    const broken = makeSource({
      id: 'post-broken',
      problems: ['body: link "javascript:x" shown as text'],
    });
    const sources = [makeSource({ id: 'post-ok' }), broken];
    expect((await select(sources, { kind: 'site' })).map((source) => source.id).sort()).toEqual([
      'post-broken',
      'post-ok',
    ]);
    expect(formatRenderProblems(broken)).toBe(
      'feeds: post "post-broken" · body: body: link "javascript:x" shown as text (shown as its page shows it)',
    );
  });
});

describe('toFeedItem', () => {
  it('makes link, guid, categories and enclosure absolute and keeps one creator per author', () => {
    const item = toFeedItem(
      makeSource({
        id: 'post-a',
        authors: [{ title: 'Kari Nordmann' }, { title: 'Ola Nordmann' }],
        topics: [velferd],
        serviceAreas: [helse],
        enclosure: { url: '/_astro/bilde.jpg', length: 1234, type: 'image/jpeg' },
      }),
      SITE,
    );
    expect(item.guid).toBe(`${SITE}/innlegg/post-a/`);
    expect(item.link).toBe(item.guid);
    expect(item.creators).toEqual(['Kari Nordmann', 'Ola Nordmann']);
    expect(item.categories).toEqual([
      { name: 'Velferdsteknologi', domain: `${SITE}/tema/velferdsteknologi/` },
      { name: 'Helse & omsorg', domain: `${SITE}/tjenesteomrader/helse-og-omsorg/` },
    ]);
    expect(item.enclosure).toEqual({
      url: `${SITE}/_astro/bilde.jpg`,
      length: 1234,
      type: 'image/jpeg',
    });
  });

  it('uses the start of the text as description when there is no excerpt', () => {
    const item = toFeedItem(
      makeSource({ id: 'post-b', excerpt: undefined, html: '<p>Første avsnitt &amp; mer.</p>' }),
      SITE,
    );
    expect(item.description).toBe('Første avsnitt & mer.');
  });

  it('tags the item with its language', () => {
    expect(toFeedItem(makeSource({ id: 'n', language: 'nn' }), SITE).language).toBe('nn-NO');
  });
});

describe('writeRss', () => {
  const sources = [
    makeSource({
      id: 'post-a',
      title: 'Tom & Jerry <script>alert(1)</script>',
      topics: [velferd],
      serviceAreas: [helse],
      html: '<p>Les <a href="/caser/x/">casen</a> &amp; mer.</p><h2 id="a">A</h2>',
      enclosure: { url: '/_astro/bilde.png', length: 10, type: 'image/png' },
      updatedAt: '2024-06-10T10:00:00Z',
    }),
    makeSource({
      id: 'post-b',
      publishedAt: '2023-01-01T00:00:00Z',
      updatedAt: '2023-01-01T00:00:00Z',
    }),
  ];
  const text = writeRss(makeChannel(sources));

  it('is well-formed XML in strict mode', () => {
    expect(XMLValidator.validate(text)).toBe(true);
  });

  it('parses as RSS 2.0 with every element the issue asks for', async () => {
    const feed = await new Parser().parseString(text);
    expect(feed.title).toBe('Tanketanken <test> & «venner»');
    expect(feed.items).toHaveLength(2);
    const [first] = feed.items;
    expect(first?.title).toBe('Tom & Jerry <script>alert(1)</script>');
    expect(first?.guid).toBe(`${SITE}/innlegg/post-a/`);
    expect(first?.['content:encoded']).toBe(
      `<p>Les <a href="${SITE}/caser/x/">casen</a> &amp; mer.</p><h2 id="a">A</h2>`,
    );
    expect(first?.enclosure).toEqual({
      url: `${SITE}/_astro/bilde.png`,
      length: '10',
      type: 'image/png',
    });

    const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(
      text,
    ) as { rss: { channel: Record<string, unknown> } };
    const channel = tree.rss.channel;
    expect(channel['lastBuildDate']).toBe('Mon, 10 Jun 2024 10:00:00 GMT');
    expect(channel['language']).toBe('nb-NO');
    expect(channel['atom:link']).toEqual({
      '@_href': `${SITE}/rss.xml`,
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    const items = channel['item'] as Record<string, unknown>[];
    expect(items[0]?.['guid']).toEqual({
      '#text': `${SITE}/innlegg/post-a/`,
      '@_isPermaLink': 'true',
    });
    expect(items[0]?.['category']).toEqual([
      { '#text': 'Velferdsteknologi', '@_domain': `${SITE}/tema/velferdsteknologi/` },
      { '#text': 'Helse & omsorg', '@_domain': `${SITE}/tjenesteomrader/helse-og-omsorg/` },
    ]);
    expect(items[0]?.['dc:creator']).toBe('Kari Nordmann');
  });

  it('never lets markup from text out of its element', () => {
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
  });

  it('writes identical bytes for identical content, whatever the clock says', () => {
    expect(writeRss(makeChannel(sources))).toBe(text);
  });

  it('writes an empty channel without lastBuildDate', () => {
    const empty = writeRss(makeChannel([]));
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).not.toContain('lastBuildDate');
    expect(getLastBuildDate([])).toBeUndefined();
  });
});

describe('getImageMimeType', () => {
  it('knows the image types the site serves', () => {
    expect(getImageMimeType('/a/b.JPG')).toBe('image/jpeg');
    expect(getImageMimeType('https://cdn.sanity.io/x.png?w=10')).toBe('image/png');
    expect(getImageMimeType('fil.txt')).toBeUndefined();
  });
});

describe('writeOpml', () => {
  it('writes OPML 2.0 with escaped titles and leaves empty groups out', () => {
    const text = writeOpml({ title: 'Strømmer & mer', ownerName: 'Bærum kommune' }, [
      {
        title: 'Alt',
        feeds: [{ title: 'A & B', xmlUrl: `${SITE}/rss.xml`, htmlUrl: `${SITE}/` }],
      },
      { title: 'Tema', feeds: [] },
    ]);
    expect(XMLValidator.validate(text)).toBe(true);
    const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(
      text,
    ) as { opml: { '@_version': string; head: { title: string }; body: { outline: unknown } } };
    expect(tree.opml['@_version']).toBe('2.0');
    expect(tree.opml.head.title).toBe('Strømmer & mer');
    expect(tree.opml.body.outline).toMatchObject({
      '@_text': 'Alt',
      outline: { '@_type': 'rss', '@_text': 'A & B', '@_xmlUrl': `${SITE}/rss.xml` },
    });
    expect(text).not.toContain('Tema');
  });
});
