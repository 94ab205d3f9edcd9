/**
 * Finding one's way on the sample site in Chromium (issue #23): the overview pages (topics,
 * service areas, people, archive and prize years) exist, are reachable from the front page
 * in two steps, pass axe and never scroll sideways; breadcrumbs, their JSON-LD and the
 * menus' `aria-current` are right on a page of each type; every case names a contact person
 * with a working e-mail link; a post ends with «Les også»; share links carry the page's URL
 * and no page loads a script from elsewhere; a feed opened in the browser reads as a page
 * and still parses in a feed reader; header and footer keep the interface's language on
 * documents in English and nynorsk, whose own labels follow their language.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { CASE_SECTIONS } from '../../content-schemas/case-sections.ts';
import { ROOT } from '../helpers/build-site.ts';
import { expectNoWcagViolations, useSiteInChromium } from '../helpers/site-in-chromium.ts';

const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
const SITE_URL = 'https://tanketanken.example';

const site = useSiteInChromium();

const OVERVIEWS = [
  { path: '/tema/', title: 'Tema', child: /^\/tema\/[a-z0-9-]+\/$/ },
  {
    path: '/tjenesteomrader/',
    title: 'Tjenesteområder',
    child: /^\/tjenesteomrader\/[a-z0-9-]+\/$/,
  },
  { path: '/personer/', title: 'Personer', child: /^\/personer\/[a-z0-9-]+\/$/ },
  { path: '/arkiv/', title: 'Arkiv', child: /^\/arkiv\/\d{4}\/$/ },
  {
    path: '/innovasjonsprisen/',
    title: 'Innovasjonsprisen',
    child: /^\/innovasjonsprisen\/\d{4}\/$/,
  },
] as const;

/** A document of the sample dataset, as far as these tests read it. */
interface SampleDocument {
  _id: string;
  _type: string;
  slug?: { current: string };
  language?: string;
  email?: string;
  phone?: string;
  contact?: { _ref: string };
  related?: { _ref: string }[];
  [field: string]: unknown;
}

/** The sample dataset the site was built from, published documents only. */
async function readSample(): Promise<SampleDocument[]> {
  const text = await fs.readFile(path.join(ROOT, 'content', 'data.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SampleDocument)
    .filter((doc) => !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.'));
}

/** The site paths of every link on the page that stays on the site. */
async function readSiteLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === new URL(page.url()).origin)
    .map((url) => url.pathname);
}

/** The breadcrumb trail's labels and paths, and the last crumb's `aria-current`. */
async function readTrail(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Brødsmulesti' });
  const links = nav.getByRole('link');
  const labels = await links.allTextContents();
  const paths = await links.evaluateAll((items) =>
    items.map((item) => new URL((item as HTMLAnchorElement).href).pathname),
  );
  const current = await nav.locator('[aria-current="page"]').allTextContents();
  return {
    labels: labels.map((label) => label.trim()),
    paths,
    current,
    lang: await nav.getAttribute('lang'),
  };
}

/** Every JSON-LD object on the page. */
async function readJsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.flatMap((text) => {
    const data = JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[];
    return Array.isArray(data) ? data : [data];
  });
}

/** A link's `aria-current` in the header's menu or the footer, by its name. */
async function readCurrent(page: Page, where: 'banner' | 'contentinfo', name: string) {
  return page
    .getByRole(where)
    .getByRole('link', { name, exact: true })
    .getAttribute('aria-current');
}

describe('overview pages', () => {
  for (const overview of OVERVIEWS) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${overview.path} lists its entries with counts and passes axe (${colorScheme})`, async () => {
        const context = await site.browser.newContext({ colorScheme });
        try {
          const page = await context.newPage();
          const response = await page.goto(`${site.origin}${overview.path}`);
          expect(response?.status()).toBe(200);
          await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
            overview.title,
          );
          const items = page.locator('.overview-list__item');
          const count = await items.count();
          expect(count, overview.path).toBeGreaterThan(0);
          for (let index = 0; index < count; index++) {
            const item = items.nth(index);
            const href = await item.getByRole('link').getAttribute('href');
            expect(href, overview.path).toMatch(overview.child);
            await expect(item.locator('.overview-list__count').textContent()).resolves.toMatch(
              /\d/,
            );
            const target = await page.request.get(`${site.origin}${href ?? ''}`);
            expect(target.status(), href ?? '').toBe(200);
          }
          await expectNoWcagViolations(page, overview.path);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the counts are right: a topic counts its articles, the archive adds up to every article', async () => {
    const sample = await readSample();
    // Documents scheduled for later are not published yet.
    const articles = sample.filter(
      (doc) =>
        ['post', 'projectStory', 'caseStudy'].includes(doc._type) &&
        Date.parse(String(doc['publishedAt'])) <= Date.now(),
    );
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/arkiv/`);
      const counts = await page.locator('.overview-list__count').allTextContents();
      const total = counts.reduce((sum, text) => sum + Number(/(\d+)/.exec(text)?.[1] ?? 0), 0);
      expect(total).toBe(articles.length);
      await page.goto(`${site.origin}/tema/`);
      const topic = sample.find((doc) => doc._type === 'topic');
      if (!topic?.slug) throw new Error('the sample has no topic');
      const tagged = articles.filter((doc) =>
        ((doc['topics'] ?? []) as { _ref: string }[]).some((ref) => ref._ref === topic._id),
      ).length;
      const entry = page.locator('.overview-list__item', {
        has: page.locator(`a[href="/tema/${topic.slug.current}/"]`),
      });
      await expect(entry.locator('.overview-list__count').textContent()).resolves.toBe(
        tagged === 1 ? '1 sak' : `${tagged} saker`,
      );
    } finally {
      await context.close();
    }
  });

  it('every overview, every archive year and every prize year is at most two steps from the front page', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      const oneStep = new Set(await readSiteLinks(page));
      const twoSteps = new Set(oneStep);
      for (const overview of OVERVIEWS) {
        expect(oneStep.has(overview.path), `${overview.path} is linked from the front page`).toBe(
          true,
        );
        await page.goto(`${site.origin}${overview.path}`);
        for (const link of await readSiteLinks(page)) twoSteps.add(link);
      }
      const years = async (folder: string) =>
        (await fs.readdir(path.join(inject('siteDir'), folder), { withFileTypes: true }))
          .filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name))
          .map((entry) => `/${folder}/${entry.name}/`);
      const yearPages = [...(await years('arkiv')), ...(await years('innovasjonsprisen'))];
      expect(yearPages.length).toBeGreaterThan(2);
      for (const yearPage of yearPages) expect(twoSteps.has(yearPage), yearPage).toBe(true);
      expect(oneStep.has('/om/'), 'the about page is linked from the front page').toBe(true);
    } finally {
      await context.close();
    }
  });

  it('no overview page scrolls sideways at 320 px', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      for (const overview of OVERVIEWS) {
        await page.goto(`${site.origin}${overview.path}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, overview.path).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });

  it('no case, project or person page scrolls sideways at 320 px (facts, contact, long e-mail)', async () => {
    const sample = await readSample();
    const paths = sample.flatMap((doc) => {
      const slug = doc.slug?.current;
      if (!slug) return [];
      if (doc._type === 'caseStudy') return [`/caser/${slug}/`];
      if (doc._type === 'projectStory') return [`/prosjekter/${slug}/`];
      if (doc._type === 'person') return [`/personer/${slug}/`];
      return [];
    });
    expect(paths.length).toBeGreaterThan(20);
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      for (const pagePath of paths) {
        const response = await page.goto(`${site.origin}${pagePath}`);
        // A scheduled document has no page yet; every page that exists must fit.
        if (response?.status() !== 200) continue;
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, pagePath).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });

  it(`saves screenshots of the overview pages at 390 and 1280 px to test-results/screenshots/`, async () => {
    await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const width of [390, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        for (const overview of OVERVIEWS) {
          await page.goto(`${site.origin}${overview.path}`);
          const name = overview.path.replaceAll('/', '') || 'home';
          const file = path.join(SCREENSHOT_DIR, `overview-${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          expect((await fs.stat(file)).size).toBeGreaterThan(5_000);
        }
      } finally {
        await context.close();
      }
    }
  });
});

describe('breadcrumbs and aria-current', () => {
  const CASES: {
    name: string;
    path: string;
    trail: string[];
    menu: { where: 'banner' | 'contentinfo'; name: string; current: 'page' | 'true' };
  }[] = [
    {
      name: 'post',
      path: '/innlegg/b-l-t-behov-losning-test/',
      trail: ['/', '/innlegg/', '/innlegg/b-l-t-behov-losning-test/'],
      menu: { where: 'banner', name: 'Innlegg', current: 'true' },
    },
    {
      name: 'post list, page 2',
      path: '/innlegg/side/2/',
      trail: ['/', '/innlegg/', '/innlegg/side/2/'],
      menu: { where: 'banner', name: 'Innlegg', current: 'true' },
    },
    {
      name: 'project list',
      path: '/prosjekter/',
      trail: ['/', '/prosjekter/'],
      menu: { where: 'banner', name: 'Prosjekter', current: 'page' },
    },
    {
      name: 'case',
      path: '/caser/digitalt-tilsyn-om-natten/',
      trail: ['/', '/caser/', '/caser/digitalt-tilsyn-om-natten/'],
      menu: { where: 'banner', name: 'Caser', current: 'true' },
    },
    {
      name: 'topic overview',
      path: '/tema/',
      trail: ['/', '/tema/'],
      menu: { where: 'banner', name: 'Tema', current: 'page' },
    },
    {
      name: 'service area',
      path: '/tjenesteomrader/helse-og-omsorg/',
      trail: ['/', '/tjenesteomrader/', '/tjenesteomrader/helse-og-omsorg/'],
      menu: { where: 'contentinfo', name: 'Tjenesteområder', current: 'true' },
    },
    {
      name: 'person',
      path: '/personer/kari-solheim/',
      trail: ['/', '/personer/', '/personer/kari-solheim/'],
      menu: { where: 'contentinfo', name: 'Personer', current: 'true' },
    },
    {
      name: 'archive year',
      path: '/arkiv/2016/',
      trail: ['/', '/arkiv/', '/arkiv/2016/'],
      menu: { where: 'contentinfo', name: 'Arkiv', current: 'true' },
    },
    {
      name: 'prize year',
      path: '/innovasjonsprisen/2016/',
      trail: ['/', '/innovasjonsprisen/', '/innovasjonsprisen/2016/'],
      menu: { where: 'contentinfo', name: 'Innovasjonsprisen', current: 'true' },
    },
    {
      name: 'generic page',
      path: '/om/',
      trail: ['/', '/om/'],
      menu: { where: 'contentinfo', name: 'Om Tanketanken', current: 'page' },
    },
    {
      name: 'subscribe page',
      path: '/abonner/',
      trail: ['/', '/abonner/'],
      menu: { where: 'banner', name: 'Abonner', current: 'page' },
    },
  ];

  for (const testCase of CASES) {
    it(`${testCase.name}: the trail, its BreadcrumbList and the menu's aria-current`, async () => {
      const context = await site.browser.newContext();
      try {
        const page = await context.newPage();
        const response = await page.goto(`${site.origin}${testCase.path}`);
        expect(response?.status(), testCase.path).toBe(200);
        const trail = await readTrail(page);
        expect(trail.paths).toEqual(testCase.trail);
        expect(trail.labels[0]).toBe('Forside');
        expect(trail.current).toEqual([trail.labels.at(-1)]);
        expect(trail.lang).toBe('nb');
        const list = (await readJsonLd(page)).find((item) => item['@type'] === 'BreadcrumbList');
        expect(list, 'BreadcrumbList JSON-LD').toBeDefined();
        const elements = (list?.['itemListElement'] ?? []) as Record<string, unknown>[];
        expect(elements.map((element) => element['position'])).toEqual(
          testCase.trail.map((_, index) => index + 1),
        );
        expect(elements.map((element) => element['item'])).toEqual(
          testCase.trail.map((step) => `${SITE_URL}${step}`),
        );
        expect(elements.map((element) => element['name'])).toEqual(trail.labels);
        await expect(readCurrent(page, testCase.menu.where, testCase.menu.name)).resolves.toBe(
          testCase.menu.current,
        );
        // Only the reader's section is marked in the header.
        const marked = await page
          .getByRole('banner')
          .getByRole('navigation')
          .locator('[aria-current]')
          .count();
        expect(marked).toBeLessThanOrEqual(1);
      } finally {
        await context.close();
      }
    });
  }

  it('the front page has no breadcrumbs, and the type label above a title links to its list', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      await expect(page.getByRole('navigation', { name: 'Brødsmulesti' }).count()).resolves.toBe(0);
      for (const [detail, list] of [
        ['/innlegg/b-l-t-behov-losning-test/', '/innlegg/'],
        ['/caser/digitalt-tilsyn-om-natten/', '/caser/'],
        ['/tema/medvirkning/', '/tema/'],
        ['/personer/kari-solheim/', '/personer/'],
      ] as const) {
        await page.goto(`${site.origin}${detail}`);
        const label = page.locator('.type-label a');
        await expect(label.getAttribute('href'), detail).resolves.toBe(list);
        const h1 = page.getByRole('heading', { level: 1 });
        const above = await label.evaluate(
          (link, heading) =>
            Boolean(
              link.compareDocumentPosition(heading as Node) & Node.DOCUMENT_POSITION_FOLLOWING,
            ),
          await h1.elementHandle(),
        );
        expect(above, `${detail}: the label comes before the title`).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the person behind the work', () => {
  it('every case shows its contact person with name, role, a working mailto: and phone where given', async () => {
    const sample = await readSample();
    const people = new Map(
      sample.filter((doc) => doc._type === 'person').map((doc) => [doc._id, doc]),
    );
    const cases = sample.filter((doc) => doc._type === 'caseStudy');
    expect(cases.length).toBeGreaterThan(5);
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      for (const doc of cases) {
        const where = `case ${doc._id}`;
        const person = people.get(doc.contact?._ref ?? '');
        expect(person?.email, `${where} has a contact with e-mail in the sample`).toBeTruthy();
        await page.goto(`${site.origin}/caser/${doc.slug?.current ?? ''}/`);
        const facts = page.locator('.facts-box');
        const card = facts.locator('.contact-card');
        await expect(card.count(), where).resolves.toBe(1);
        const personLink = card.getByRole('link', { name: String(person?.['name']) });
        const personHref = await personLink.getAttribute('href');
        expect((await page.request.get(`${site.origin}${personHref ?? ''}`)).status()).toBe(200);
        const mail = card.locator('a[href^="mailto:"]');
        await expect(mail.getAttribute('href'), where).resolves.toBe(`mailto:${person?.email}`);
        await expect(mail.textContent()).resolves.toBe(person?.email);
        if (person?.phone) {
          const shown = await card.locator('a[href^="tel:"]').textContent();
          expect(shown?.trim().replaceAll('\u00a0', ' '), where).toBe(person.phone);
        } else {
          await expect(card.locator('a[href^="tel:"]').count(), where).resolves.toBe(0);
        }
        const role = typeof person?.['role'] === 'string' ? person['role'] : '';
        if (role) await expect(card.textContent()).resolves.toContain(role);
      }
    } finally {
      await context.close();
    }
  });

  it('a person page shows role, unit, contact and what they wrote and are contact for', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/personer/kari-solheim/`);
      await expect(page.locator('a[href^="mailto:"]').first().getAttribute('href')).resolves.toBe(
        'mailto:kari.solheim@tanketanken.example',
      );
      await expect(page.locator('a[href^="tel:"]').getAttribute('href')).resolves.toBe(
        'tel:+4767501001',
      );
      await expect(
        page.getByRole('heading', { name: 'Kontaktperson for', exact: true }).count(),
      ).resolves.toBe(1);
      await expect(page.locator('#kontakt-for ~ ul .card').count()).resolves.toBeGreaterThan(0);
      await expectNoWcagViolations(page);
    } finally {
      await context.close();
    }
  });
});

describe('«Les også», share links and scripts', () => {
  it('a post with chosen related documents lists them; one without lists its nearest', async () => {
    const sample = await readSample();
    const byId = new Map(sample.map((doc) => [doc._id, doc]));
    const posts = sample.filter((doc) => doc._type === 'post');
    const chosen = posts.find((doc) => (doc.related ?? []).length > 0);
    const none = posts.find((doc) => (doc.related ?? []).length === 0);
    if (!chosen?.slug || !none?.slug)
      throw new Error('the sample needs posts with and without related');
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/innlegg/${chosen.slug.current}/`);
      const related = page.getByRole('region', { name: 'Les også' });
      const titles = await related.locator('.card__title').allTextContents();
      expect(titles.map((title) => title.trim())).toEqual(
        (chosen.related ?? []).map((ref) => String(byId.get(ref._ref)?.['title'])),
      );
      await page.goto(`${site.origin}/innlegg/${none.slug.current}/`);
      const nearest = page.getByRole('region', { name: 'Les også' }).locator('.card__title a');
      await expect(nearest.count()).resolves.toBeGreaterThan(0);
      const hrefs = await nearest.evaluateAll((links) =>
        links.map((link) => link.getAttribute('href')),
      );
      expect(hrefs).not.toContain(`/innlegg/${none.slug.current}/`);
      for (const href of hrefs) {
        expect((await page.request.get(`${site.origin}${href ?? ''}`)).status(), href ?? '').toBe(
          200,
        );
      }
    } finally {
      await context.close();
    }
  });

  it('share links carry the page’s own URL, and no page loads a script from elsewhere', async () => {
    const context = await site.browser.newContext();
    const foreign: string[] = [];
    const origin = () => site.origin;
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.origin !== origin()) foreign.push(request.url());
    });
    try {
      const page = await context.newPage();
      const articles = [
        '/innlegg/b-l-t-behov-losning-test/',
        '/prosjekter/',
        '/caser/digitalt-tilsyn-om-natten/',
        '/caser/open-library-self-service-opening-hours/',
      ];
      const project = await fs.readdir(path.join(inject('siteDir'), 'prosjekter'), {
        withFileTypes: true,
      });
      const projectSlug = project.find((entry) => entry.isDirectory() && entry.name !== 'side');
      articles[1] = `/prosjekter/${projectSlug?.name ?? ''}/`;
      for (const target of articles) {
        await page.goto(`${site.origin}${target}`);
        const canonical = `${SITE_URL}${target}`;
        expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(canonical);
        const share = page.locator('section.share');
        const hrefs = await share
          .getByRole('link')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        expect(hrefs.length, target).toBe(3);
        expect(hrefs[0]).toMatch(/^mailto:\?subject=/);
        expect(hrefs[1]).toMatch(/^https:\/\/www\.linkedin\.com\//);
        expect(hrefs[2]).toMatch(/^https:\/\/www\.facebook\.com\//);
        for (const href of hrefs) {
          expect(href, target).toContain(encodeURIComponent(canonical));
        }
        const scripts = await page
          .locator('script[src]')
          .evaluateAll((items) => items.map((item) => (item as HTMLScriptElement).src));
        expect(scripts, `${target}: an article page runs no script`).toEqual([]);
      }
      for (const extra of [
        ...OVERVIEWS.map((overview) => overview.path),
        '/',
        '/abonner/',
        '/sok/',
      ]) {
        await page.goto(`${site.origin}${extra}`);
      }
      expect(foreign, 'requests to other origins').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('feeds in the browser', () => {
  it('a feed opened in Chromium shows its title and items as a page; the same feed parses in a feed reader', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(`${site.origin}/caser/rss.xml`);
      expect(response?.status()).toBe(200);
      // The browser's response holds the transformed page; the reader gets the bytes.
      const xml = await (await page.request.get(`${site.origin}/caser/rss.xml`)).text();
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toMatch(
        /^<\?xml [^>]*\?>\n<\?xml-stylesheet type="text\/xsl" href="\/rss.xsl"\?>\n<rss /,
      );
      const feed = await new Parser().parseString(xml);
      expect(feed.title).toBe('Tanketanken: Innovasjonscaser');
      expect(feed.items.length).toBeGreaterThan(5);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(feed.title);
      const shown = await page.locator('.feed-items h3').allTextContents();
      expect(shown).toEqual(feed.items.map((item) => item.title));
      const links = await page
        .locator('.feed-items h3 a')
        .evaluateAll((items) => items.map((item) => item.getAttribute('href')));
      expect(links).toEqual(feed.items.map((item) => item.link));
      await expect(page.getByLabel('Adressen til strømmen').inputValue()).resolves.toBe(
        `${SITE_URL}/caser/rss.xml`,
      );
      await expect(
        page.getByRole('link', { name: 'Les mer om å abonnere' }).getAttribute('href'),
      ).resolves.toBe('/abonner/');
      await expectNoWcagViolations(page, '/caser/rss.xml');
    } finally {
      await context.close();
    }
  });

  it('/abonner/ copies a feed address with one press and says so in a live region', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/abonner/`);
      const button = page.getByRole('button', { name: /^Kopier adresse til .*: Innlegg$/ });
      await button.click();
      const status = page.getByRole('status');
      await expect
        .poll(() => status.textContent())
        .toBe('Adressen til Tanketanken: Innlegg er kopiert.');
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
        `${SITE_URL}/innlegg/rss.xml`,
      );
      await expectNoWcagViolations(page);
    } finally {
      await context.close();
    }
  });
});

describe('language of parts (WCAG 3.1.2)', () => {
  /** The language an element is read in: its own `lang` or its nearest ancestor's. */
  const langOf = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => element.closest('[lang]')?.getAttribute('lang'));

  for (const target of [
    {
      name: 'English case',
      path: '/caser/open-library-self-service-opening-hours/',
      lang: 'en',
      toc: 'On this page',
      related: 'Read also',
      facts: 'Facts',
    },
    {
      name: 'nynorsk case',
      path: '/caser/elevradet-som-innovasjonsteam/',
      lang: 'nn',
      toc: 'Innhald på sida',
      related: 'Les òg',
      facts: 'Fakta',
    },
  ]) {
    it(`${target.name}: header and footer in bokmål, the document and its labels in ${target.lang}`, async () => {
      const context = await site.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${site.origin}${target.path}`);
        await expect(langOf(page, 'html')).resolves.toBe(target.lang);
        await expect(langOf(page, 'article h1')).resolves.toBe(target.lang);
        await expect(langOf(page, '.site-header a')).resolves.toBe('nb');
        await expect(langOf(page, '.site-footer a')).resolves.toBe('nb');
        await expect(langOf(page, '.breadcrumbs li a')).resolves.toBe('nb');
        await expect(langOf(page, '.skip-link')).resolves.toBe('nb');
        await expect(page.getByRole('navigation', { name: target.toc }).count()).resolves.toBe(1);
        await expect(langOf(page, '.toc__title')).resolves.toBe(target.lang);
        await expect(
          page.getByRole('heading', { name: target.related, exact: true }).count(),
        ).resolves.toBe(1);
        await expect(langOf(page, '#les-ogsa')).resolves.toBe(target.lang);
        await expect(page.locator('#fakta').textContent()).resolves.toBe(target.facts);
        await expect(langOf(page, '#fakta')).resolves.toBe(target.lang);
        await expect(langOf(page, '.share h2')).resolves.toBe(target.lang);
        const headings = (await page.locator('.case-section > h2').allTextContents()).map((text) =>
          text.trim(),
        );
        expect(headings.length).toBeGreaterThan(3);
        for (const heading of headings) {
          const section = CASE_SECTIONS.find(
            (item) => item.headings[target.lang as 'nn' | 'en'] === heading,
          );
          expect(section, `«${heading}» is a ${target.lang} section heading`).toBeDefined();
        }
        await expect(langOf(page, '.case-section > h2')).resolves.toBe(target.lang);
        await expectNoWcagViolations(page, target.path);
      } finally {
        await context.close();
      }
    });
  }

  it('the nynorsk case’s section headings are nynorsk, not bokmål', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/caser/elevradet-som-innovasjonsteam/`);
      const headings = await page.locator('.case-section > h2').allTextContents();
      expect(headings).toContain('Løysing');
      expect(headings).toContain('Kva vi lærte');
      expect(headings).not.toContain('Løsning');
      expect(headings).not.toContain('Hva vi lærte');
    } finally {
      await context.close();
    }
  });
});
