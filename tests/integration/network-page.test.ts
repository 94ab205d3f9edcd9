/**
 * `/nettverket/` from real builds: the network's feeds served by a test server — one good,
 * one down, one with invalid XML, one with script and `javascript:` links, one of 50 MB.
 * The page builds, shows the good items, carries nothing executable from the others, and the
 * build log names each site it skipped; a later build with the good site down keeps its items.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from '../helpers/build-site.ts';

let tmp: string;
let server: http.Server;
let origin: string;
let downUrl: string;
let first: BuildResult;
let second: BuildResult;
let goodFeedUp = true;

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title><link>https://x.example/</link><description>x</description><language>nb-NO</language>${items}</channel></rss>`;

function serve(request: http.IncomingMessage, response: http.ServerResponse): void {
  const send = (body: string): void => {
    response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body);
  };
  switch (request.url) {
    case '/asker/rss.xml':
      if (!goodFeedUp) {
        response.writeHead(503).end();
        return;
      }
      return send(
        rss(
          `<item><title>Gamingklubben i Asker</title><link>${origin}/asker/caser/gaming/</link><pubDate>Tue, 10 Sep 2024 08:00:00 GMT</pubDate><description>Ungdom driver klubben &amp; lærer av hverandre.</description></item>`,
        ),
      );
    case '/ondsinnet/rss.xml':
      return send(
        rss(
          `<item><title>&lt;script&gt;alert('tittel')&lt;/script&gt;Trygg tittel</title><link>${origin}/ondsinnet/ok/</link><description><![CDATA[<img src=x onerror="alert('bilde')"><script>alert('beskrivelse')</script>Synlig tekst]]></description></item>` +
            `<item><title>Klikk meg</title><link>javascript:alert('lenke')</link></item>`,
        ),
      );
    case '/ugyldig/rss.xml':
      return send('<rss><channel><item><title>Uten slutt');
    case '/stor/rss.xml': {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      response.on('error', () => undefined);
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const write = () => {
        while (sent < 50 && response.write(chunk)) sent += 1;
        if (sent < 50) response.once('drain', write);
        else response.end();
      };
      return write();
    }
    default:
      response.writeHead(404).end();
  }
}

/** The fixture dataset with the network in its settings. */
async function writeDataset(dir: string): Promise<void> {
  const source = path.join(ROOT, 'tests', 'fixtures', 'dataset');
  await fs.cp(source, dir, { recursive: true });
  const file = path.join(dir, 'data.ndjson');
  const lines = (await fs.readFile(file, 'utf8')).trim().split('\n');
  const network = [
    ['Asker kommune', `${origin}/asker/`],
    ['Nede kommune', downUrl],
    ['Ondsinnet kommune', `${origin}/ondsinnet/`],
    ['Ugyldig kommune', `${origin}/ugyldig/`],
    ['Stor kommune', `${origin}/stor/`],
  ].map(([name, url], index) => ({ _key: `n${index}`, _type: 'networkSite', name, url }));
  const edited = lines.map((line) => {
    const doc = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify(doc['_id'] === 'siteSettings' ? { ...doc, network } : doc);
  });
  await fs.writeFile(file, `${edited.join('\n')}\n`);
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-network-'));
  server = http.createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  downUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise((resolve) => closed.close(resolve));
  await writeDataset(path.join(tmp, 'dataset'));
  const env = { SITE_URL: 'https://nettverk.example', LOCAL_DATASET: path.join(tmp, 'dataset') };
  first = await buildSite(path.join(tmp, 'first'), env, { search: false });
  goodFeedUp = false;
  second = await buildSite(path.join(tmp, 'second'), env, { search: false });
}, 600_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** The page's text, links and scripts, read by an HTML parser. */
async function readPage(outDir: string) {
  const html = await fs.readFile(path.join(outDir, 'nettverket', 'index.html'), 'utf8');
  const document = parseDocument(html);
  const elements = DomUtils.findAll(() => true, document.children).map((element) => ({
    name: element.name,
    attribs: element.attribs,
  }));
  return { html, elements, text: DomUtils.textContent(document) };
}

describe('/nettverket/ from the network’s feeds', () => {
  it('builds although four of five sites fail, and names each in the build log', () => {
    expect(first.code, first.output).toBe(0);
    for (const [name, reason] of [
      ['Nede kommune', /could not connect/],
      ['Ugyldig kommune', /not well-formed XML/],
      ['Stor kommune', /larger than \d+ bytes/],
    ] as const) {
      const line = first.output.split('\n').find((entry) => entry.includes(`network: ${name} (`));
      expect(line, name).toMatch(reason);
    }
  });

  it('shows the good items as text and nothing executable from the others', async () => {
    const page = await readPage(first.outDir);
    expect(page.text).toContain('Gamingklubben i Asker');
    expect(page.text).toContain('Ungdom driver klubben & lærer av hverandre.');
    expect(page.text).toContain('Trygg tittel');
    expect(page.text).toContain('Synlig tekst');
    expect(
      page.elements.filter(
        (element) => element.name === 'script' && !element.attribs['type']?.includes('json'),
      ),
    ).toEqual([]);
    expect(page.elements.filter((element) => element.name === 'img')).toEqual([]);
    const hrefs = page.elements.map((element) => element.attribs['href']).filter(Boolean);
    expect(hrefs).toContain(`${origin}/asker/caser/gaming/`);
    // Besides the site's own links (the footer's mailto), only http(s) links.
    expect(hrefs.filter((href) => !/^(https?:|\/|#|mailto:post@)/.test(String(href)))).toEqual([]);
    expect(page.html).not.toMatch(/alert\(|onerror/);
    expect(page.text).not.toContain('Klikk meg');
    for (const name of ['Nede kommune', 'Ugyldig kommune', 'Stor kommune']) {
      expect(page.text).toContain(name);
    }
  });

  it('lists every site’s feed in the network OPML', async () => {
    const opml = await fs.readFile(path.join(first.outDir, 'nettverket', 'feeds.opml'), 'utf8');
    const tree = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'outline',
    }).parse(opml) as {
      opml: { body: { outline: { outline: { '@_xmlUrl': string }[] }[] } };
    };
    const urls = tree.opml.body.outline.flatMap((group) =>
      group.outline.map((feed) => feed['@_xmlUrl']),
    );
    expect(urls).toEqual([
      `${origin}/asker/rss.xml`,
      `${downUrl}rss.xml`,
      `${origin}/ondsinnet/rss.xml`,
      `${origin}/ugyldig/rss.xml`,
      `${origin}/stor/rss.xml`,
    ]);
  });

  it('keeps the last good build’s items of a site that is down at the next build', async () => {
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(
      /network: Asker kommune \(.*\) skipped: the feed answered HTTP 503; showing its 1 item/,
    );
    const page = await readPage(second.outDir);
    expect(page.text).toContain('Gamingklubben i Asker');
  });
});
