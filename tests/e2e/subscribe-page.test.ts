import fs from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { expectNoWcagViolations, useSiteInChromium } from '../helpers/site-in-chromium.ts';

const site = useSiteInChromium();

/** Every feed URL the OPML file lists. */
async function readOpmlFeeds(): Promise<string[]> {
  const text = await fs.readFile(path.join(inject('siteDir'), 'feeds.opml'), 'utf8');
  const tree = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (name) => name === 'outline',
  }).parse(text) as { opml: { body: { outline: { outline: Record<string, string>[] }[] } } };
  return tree.opml.body.outline.flatMap((group) =>
    group.outline.map((feed) => feed['@_xmlUrl'] ?? ''),
  );
}

describe('/abonner/ in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.1 AA violations in the ${colorScheme} scheme`, async () => {
      const context = await site.browser.newContext({ colorScheme });
      const page = await context.newPage();
      const response = await page.goto(`${site.origin}/abonner/`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Abonner');
      await expectNoWcagViolations(page);
      await context.close();
    });
  }

  it('shows every feed address from feeds.opml for copying, and links OPML and open data', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/abonner/`);
    const shown = await page.locator('code').allTextContents();
    const feeds = await readOpmlFeeds();
    expect(feeds.length).toBeGreaterThanOrEqual(4);
    for (const url of feeds) expect(shown, url).toContain(url);
    for (const name of [
      'Last ned alle strømmene (OPML)',
      'Innovasjonscaser som JSON',
      'Innovasjonscaser som CSV (åpnes i Excel)',
    ]) {
      const link = page.getByRole('link', { name, exact: true });
      const href = await link.getAttribute('href');
      const response = await page.request.get(`${site.origin}${href ?? ''}`);
      expect(response.status(), name).toBe(200);
    }
    await expect(page.locator('a[rel="license"]').first().getAttribute('href')).resolves.toMatch(
      /^https:\/\//,
    );
    await context.close();
  });

  it('serves a feed that the browser can fetch from the address shown', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/abonner/`);
    const first = page.getByRole('main').getByRole('link', { name: /: Innlegg$/ });
    const href = await first.getAttribute('href');
    expect(href).toBe('/innlegg/rss.xml');
    const response = await page.request.get(`${site.origin}${href ?? ''}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('<rss version="2.0"');
    await context.close();
  });
});
