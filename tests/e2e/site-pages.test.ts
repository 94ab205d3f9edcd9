/**
 * One page of every page type in Chromium: zero axe violations (WCAG 2.1 A/AA) in the light
 * and dark schemes, landmarks and a skip link, pagination that names the current page, and
 * screenshots of home, a case and a post at phone and desktop widths for review.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { expectNoWcagViolations, useSiteInChromium } from '../helpers/site-in-chromium.ts';

/** Where screenshots for review are saved. */
const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

const site = useSiteInChromium();

/** The first detail page in a folder of dist, e.g. `/caser/<slug>/`. */
async function firstDetailPath(folder: string): Promise<string> {
  const entries = await fs.readdir(path.join(inject('siteDir'), folder), { withFileTypes: true });
  const slug = entries
    .filter((entry) => entry.isDirectory() && entry.name !== 'side')
    .map((entry) => entry.name)
    .sort()[0];
  if (!slug) throw new Error(`dist/${folder}/ has no detail page`);
  return `/${folder}/${slug}/`;
}

const PAGE_TYPES: { name: string; path: string | (() => Promise<string>) }[] = [
  { name: 'home', path: '/' },
  { name: 'post list', path: '/innlegg/' },
  { name: 'post list, page 2', path: '/innlegg/side/2/' },
  { name: 'project list', path: '/prosjekter/' },
  { name: 'case library', path: '/caser/' },
  { name: 'post', path: () => firstDetailPath('innlegg') },
  { name: 'project', path: () => firstDetailPath('prosjekter') },
  { name: 'case', path: () => firstDetailPath('caser') },
  { name: 'topic', path: () => firstDetailPath('tema') },
  { name: 'service area', path: () => firstDetailPath('tjenesteomrader') },
  { name: 'person', path: () => firstDetailPath('personer') },
  { name: 'archive year', path: () => firstDetailPath('arkiv') },
  { name: 'prize year', path: () => firstDetailPath('innovasjonsprisen') },
  { name: 'generic page', path: '/om/' },
  { name: 'accessibility statement', path: '/tilgjengelighet/' },
  { name: '404', path: '/404.html' },
];

describe('every page type in Chromium', () => {
  for (const pageType of PAGE_TYPES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${pageType.name}: no WCAG 2.1 AA violations in the ${colorScheme} scheme`, async () => {
        const target = typeof pageType.path === 'string' ? pageType.path : await pageType.path();
        const context = await site.browser.newContext({ colorScheme });
        try {
          const page = await context.newPage();
          const response = await page.goto(`${site.origin}${target}`);
          expect(response?.ok(), target).toBe(true);
          await expect(page.getByRole('main').count()).resolves.toBe(1);
          await expect(page.getByRole('banner').count()).resolves.toBe(1);
          await expect(page.getByRole('contentinfo').count()).resolves.toBe(1);
          await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
          await expect(
            page
              .getByRole('contentinfo')
              .getByRole('link', { name: 'Tilgjengelighetserklæring' })
              .count(),
          ).resolves.toBe(1);
          await expectNoWcagViolations(page, target);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('keyboard and navigation', () => {
  it('pagination names the current page and links prev/next by rel', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/innlegg/side/2/`);
      const nav = page.getByRole('navigation', { name: 'Sider' });
      await expect(nav.locator('[aria-current="page"]').textContent()).resolves.toBe('2');
      await expect(nav.locator('a[rel="prev"]').getAttribute('href')).resolves.toBe('/innlegg/');
      await page.goto(`${site.origin}/innlegg/`);
      await expect(
        page
          .getByRole('navigation', { name: 'Sider' })
          .locator('a[rel="next"]')
          .getAttribute('href'),
      ).resolves.toBe('/innlegg/side/2/');
    } finally {
      await context.close();
    }
  });

  it('the skip link is the first Tab stop, visible when focused, and moves focus to main', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}${await firstDetailPath('caser')}`);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
      await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0).toBe(true);
      await expect(skip.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.not.toBe(
        'none',
      );
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#hovedinnhold');
    } finally {
      await context.close();
    }
  });

  it('a case page shows its sections in the content model order and a table of contents', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}${await firstDetailPath('caser')}`);
      const headings = await page.locator('.case-section > h2').allTextContents();
      const order = [
        'Behov og utfordring',
        'Målgruppe',
        'Løsning',
        'Resultater og gevinster',
        'Hva vi lærte',
        'Slik kan andre ta det i bruk',
        'Kostnader',
      ];
      const positions = headings.map((heading) => order.indexOf(heading));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(headings).toContain('Behov og utfordring');
      await expect(
        page.getByRole('navigation', { name: 'Innhold på siden' }).count(),
      ).resolves.toBe(1);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('banner').isVisible()).resolves.toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('screenshots for review', () => {
  it(`saves home, a case and a post at 390 and 1280 px to ${path.relative(ROOT, SCREENSHOT_DIR)}/`, async () => {
    await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
    const targets = [
      { name: 'home', path: '/' },
      { name: 'case', path: await firstDetailPath('caser') },
      { name: 'post', path: await firstDetailPath('innlegg') },
    ];
    for (const width of [390, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        for (const target of targets) {
          await page.goto(`${site.origin}${target.path}`);
          const file = path.join(SCREENSHOT_DIR, `${target.name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const stat = await fs.stat(file);
          expect(stat.size).toBeGreaterThan(5_000);
        }
      } finally {
        await context.close();
      }
    }
  });
});
