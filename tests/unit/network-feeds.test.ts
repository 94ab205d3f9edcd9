/**
 * «Fra nettverket»: other sites' feeds are read with a time and size limit over real HTTP,
 * and only text and http(s) links survive; a site that fails is skipped with a reason and
 * keeps what the last good read gave.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_LIMITS, parseNetworkFeed, toPlainText } from '../../src/lib/network-feed.ts';
import { loadNetworkFeeds, toFeedUrl } from '../../src/site/network.ts';

const SITE = new URL('https://asker.example/');

/** An RSS 2.0 feed with the given items' XML. */
const rss = (items: string, language = 'nb-NO') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Asker</title><link>https://asker.example/</link><description>x</description><language>${language}</language>${items}</channel></rss>`;

const item = (
  title: string,
  link: string,
  date = 'Tue, 10 Sep 2024 08:00:00 GMT',
  description = '',
) =>
  `<item><title>${title}</title><link>${link}</link><pubDate>${date}</pubDate><description>${description}</description></item>`;

describe('parseNetworkFeed', () => {
  it('keeps title, link, date, summary and language, newest first', () => {
    const items = parseNetworkFeed(
      rss(
        item('Eldre', 'https://asker.example/a/', 'Mon, 01 Jan 2024 08:00:00 GMT', 'Første') +
          item('Nyere', '/b/', 'Tue, 10 Sep 2024 08:00:00 GMT', 'Andre &amp; tredje'),
      ),
      SITE,
    );
    expect(items).toEqual([
      {
        title: 'Nyere',
        link: 'https://asker.example/b/',
        date: '2024-09-10T08:00:00.000Z',
        summary: 'Andre & tredje',
        language: 'nb',
      },
      {
        title: 'Eldre',
        link: 'https://asker.example/a/',
        date: '2024-01-01T08:00:00.000Z',
        summary: 'Første',
        language: 'nb',
      },
    ]);
  });

  it('turns markup into text and drops script, javascript: and data: links', () => {
    const items = parseNetworkFeed(
      rss(
        item(
          '&lt;img src=x onerror=alert(1)&gt;Tittel&lt;script&gt;alert(2)&lt;/script&gt;',
          'https://asker.example/ok/',
          undefined,
          '<![CDATA[<p>Avsnitt <b>fet</b></p><script>alert(3)</script><p>To</p>]]>',
        ) +
          item('Farlig', 'javascript:alert(4)') +
          item('Data', 'data:text/html,<script>alert(5)</script>') +
          item('  JavaScript  ', ' JaVaScRiPt:alert(6)'),
      ),
      SITE,
    );
    expect(items.map((entry) => [entry.title, entry.link, entry.summary])).toEqual([
      ['Tittel', 'https://asker.example/ok/', 'Avsnitt fet To'],
    ]);
    expect(JSON.stringify(items)).not.toMatch(/alert|script|onerror/i);
  });

  it('refuses what is not a feed, naming why', () => {
    expect(() => parseNetworkFeed('<rss><channel><item>', SITE)).toThrow(
      /not well-formed XML \(line/,
    );
    expect(() => parseNetworkFeed('<html><body>Hei</body></html>', SITE)).toThrow(/not RSS 2.0/);
    expect(() =>
      parseNetworkFeed(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>',
        SITE,
      ),
    ).toThrow(/DOCTYPE/);
  });

  it('caps the number of items and the length of texts', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      item(
        `Tittel ${index} ${'lang '.repeat(100)}`,
        `https://asker.example/${index}/`,
        undefined,
        'ord '.repeat(500),
      ),
    ).join('');
    const items = parseNetworkFeed(rss(many), SITE);
    expect(items).toHaveLength(NETWORK_LIMITS.items);
    for (const entry of items) {
      expect(entry.title.length).toBeLessThanOrEqual(NETWORK_LIMITS.title);
      expect(entry.summary.length).toBeLessThanOrEqual(NETWORK_LIMITS.summary);
      expect(entry.summary.endsWith('…')).toBe(true);
    }
  });

  it('strips control and direction characters from text', () => {
    expect(toPlainText('A\u0007B \u202Eevil\u202C')).toBe('AB evil');
  });
});

describe('loadNetworkFeeds over HTTP', () => {
  let server: http.Server;
  let origin: string;
  let cacheDir: string;
  /** What each path answers; a test changes it between reads. */
  const routes = new Map<string, (response: http.ServerResponse) => void>();

  beforeAll(async () => {
    cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'network-cache-'));
    server = http.createServer((request, response) => {
      const handler = routes.get(request.url ?? '');
      if (handler) handler(response);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await fs.rm(cacheDir, { recursive: true, force: true });
  });

  const xml = (body: string) => (response: http.ServerResponse) =>
    response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body);

  it('reads good sites and skips the down, broken, huge and slow ones, naming each', async () => {
    routes.set('/god/rss.xml', xml(rss(item('Spillklubben', `${origin}/god/spill/`))));
    routes.set('/ugyldig/rss.xml', xml('<rss><channel><item><title>Brutt'));
    routes.set('/stor/rss.xml', (response) => {
      // 50 MB without a Content-Length, sent in chunks: the reader must stop on its own.
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const write = () => {
        while (sent < 50 && response.write(chunk)) sent += 1;
        if (sent < 50) response.once('drain', write);
        else response.end();
      };
      response.on('error', () => undefined);
      write();
    });
    routes.set('/treg/rss.xml', (response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss>');
      // Never ends: the time limit must end it.
    });
    routes.set('/feil/rss.xml', (response) => response.writeHead(500).end('Oi'));
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const downUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));

    const lines: string[] = [];
    const feeds = await loadNetworkFeeds(
      [
        { name: 'God kommune', url: `${origin}/god/` },
        { name: 'Nede kommune', url: downUrl },
        { name: 'Ugyldig kommune', url: `${origin}/ugyldig` },
        { name: 'Stor kommune', url: `${origin}/stor/` },
        { name: 'Treg kommune', url: `${origin}/treg/` },
        { name: 'Feil kommune', url: `${origin}/feil/` },
      ],
      { cacheDir, timeoutMs: 1500, maxBytes: 2 * 1024 * 1024, log: (line) => lines.push(line) },
    );
    const byName = new Map(feeds.map((feed) => [feed.site.name, feed]));
    expect(byName.get('God kommune')?.items.map((entry) => entry.title)).toEqual(['Spillklubben']);
    expect(byName.get('God kommune')?.skipped).toBeUndefined();
    expect(byName.get('Nede kommune')?.skipped).toMatch(/could not connect/);
    expect(byName.get('Ugyldig kommune')?.skipped).toMatch(/not well-formed XML/);
    expect(byName.get('Stor kommune')?.skipped).toMatch(/larger than 2097152 bytes/);
    expect(byName.get('Treg kommune')?.skipped).toMatch(/no answer within 1500 ms/);
    expect(byName.get('Feil kommune')?.skipped).toMatch(/HTTP 500/);
    expect(lines).toHaveLength(5);
    for (const name of ['Nede', 'Ugyldig', 'Stor', 'Treg', 'Feil']) {
      expect(lines.some((line) => line.startsWith(`network: ${name} kommune (`))).toBe(true);
    }
  });

  it('keeps the last good items of a site that fails later', async () => {
    routes.set('/snart-nede/rss.xml', xml(rss(item('Før', `${origin}/snart-nede/for/`))));
    const sites = [{ name: 'Snart nede', url: `${origin}/snart-nede/` }];
    const first = await loadNetworkFeeds(sites, {
      cacheDir,
      now: new Date('2026-01-02T10:00:00Z'),
    });
    expect(first[0]?.items.map((entry) => entry.title)).toEqual(['Før']);
    routes.set('/snart-nede/rss.xml', xml('ikke xml <'));
    const lines: string[] = [];
    const second = await loadNetworkFeeds(sites, { cacheDir, log: (line) => lines.push(line) });
    expect(second[0]?.items.map((entry) => entry.title)).toEqual(['Før']);
    expect(second[0]?.skipped).toMatch(/not well-formed/);
    expect(second[0]?.readAt).toBe('2026-01-02T10:00:00.000Z');
    expect(lines[0]).toMatch(/showing its 1 item\(s\) read 2026-01-02T10:00:00.000Z/);
  });

  it('finds the feed at the root of the site address, with or without a slash', () => {
    expect(toFeedUrl('https://asker.example').href).toBe('https://asker.example/rss.xml');
    expect(toFeedUrl('https://asker.example/innovasjon').href).toBe(
      'https://asker.example/innovasjon/rss.xml',
    );
  });
});
