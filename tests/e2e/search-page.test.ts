import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CASE_SECTION_HEADINGS } from '../../content-schemas/case-sections.ts';
import { getDocumentPath } from '../../content-schemas/routes.ts';
import { t } from '../../src/lib/i18n.ts';
import { ROOT } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { writeSearchIndex } from '../../src/build/search-index.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const INDEXED_TYPES = ['post', 'projectStory', 'caseStudy', 'page'] as const;

interface DatasetDocument {
  _id: string;
  _type: string;
  slug?: { current: string };
  publishedAt?: string;
}

interface Fragment {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

let browser: Browser;
let server: StaticServer;
let documents: DatasetDocument[];

beforeAll(async () => {
  server = await serveStatic(inject('siteDir'));
  browser = await launchChromium();
  const ndjson = await fs.readFile(path.join(ROOT, 'content', 'data.ndjson'), 'utf8');
  documents = ndjson
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DatasetDocument);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Returns the site path of a dataset document, failing when the id is not in the dataset. */
function getPath(id: string): string {
  const document = documents.find((candidate) => candidate._id === id);
  const slug = document?.slug?.current;
  if (!document || slug === undefined)
    throw new Error(`No document "${id}" with a slug in the dataset.`);
  return getDocumentPath(document._type as (typeof INDEXED_TYPES)[number], slug);
}

/** Opens `/sok/` with the given parameters and waits until the result count is announced. */
async function openSearch(
  query: string,
  colorScheme: 'light' | 'dark' = 'light',
  origin = server.origin,
) {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${origin}/sok/${query}`);
  expect(response?.status()).toBe(200);
  await page
    .getByRole('status')
    .filter({ hasText: /\d+ treff/ })
    .waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  return { context, page };
}

/** The paths of the results shown, in order. */
async function getResultPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('#search-results h3 a')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  return hrefs;
}

/** Reads every Pagefind fragment of the built index: one per indexed page. */
async function readFragments(siteDir: string): Promise<Fragment[]> {
  const folder = path.join(siteDir, 'pagefind', 'fragment');
  const names = await fs.readdir(folder);
  return Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await fs.readFile(path.join(folder, name))).toString('utf8');
      expect(text.startsWith('pagefind_dcd')).toBe(true);
      return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
    }),
  );
}

/** Shows every result: «show more» until it hides, waiting for each batch to arrive. */
async function showAll(page: Page): Promise<void> {
  const results = page.locator('#search-results > li');
  while (await page.locator('#search-more').isVisible()) {
    const shown = await results.count();
    await page.locator('#search-more').evaluate((button) => (button as HTMLElement).click());
    await expect.poll(() => results.count()).toBeGreaterThan(shown);
  }
}

/** Every result path of a search, in the order shown. */
async function resultOrder(origin: string, query: string): Promise<string[]> {
  const { context, page } = await openSearch(query, 'light', origin);
  await showAll(page);
  const paths = await getResultPaths(page);
  await context.close();
  return paths;
}

/** The date each page is sorted by (its `publishedAt`), by site path. */
function publishedDates(): Map<string, number> {
  const dates = new Map<string, number>();
  for (const document of documents) {
    if (!INDEXED_TYPES.includes(document._type as (typeof INDEXED_TYPES)[number])) continue;
    if (document._id.startsWith('drafts.') || document.publishedAt === undefined) continue;
    dates.set(getPath(document._id), Date.parse(document.publishedAt));
  }
  return dates;
}

/** Whether `paths` go newest first by publication date. */
function isNewestFirst(paths: readonly string[]): boolean {
  const dates = publishedDates();
  const times = paths.map((item) => dates.get(item));
  if (times.some((time) => time === undefined)) {
    throw new Error(`A result has no publication date in the dataset: ${paths.join(', ')}`);
  }
  return times.every(
    (time, index) => index === 0 || (time as number) <= (times[index - 1] as number),
  );
}

/** The result paths and filter labels (with counts) a search shows. */
async function searchOn(origin: string, query: string) {
  const { context, page } = await openSearch(query, 'light', origin);
  await showAll(page);
  const paths = (await getResultPaths(page)).sort();
  const labels = await page.locator('#search-filter-groups label').allTextContents();
  const status = await page.getByRole('status').textContent();
  await context.close();
  return { paths, labels, status };
}

describe('search on the built embedded site', () => {
  it("weights a case's problem and results sections above its other sections", async () => {
    const file = path.join(
      inject('siteDir'),
      getPath('case-sensorer-omsorgsboliger'),
      'index.html',
    );
    const html = await fs.readFile(file, 'utf8');
    const weights = [
      ...html.matchAll(/<section[^>]*data-pagefind-weight="([\d.]+)"[^>]*>\s*<h2[^>]*>([^<]+)</g),
    ].map((match) => [match[2], Number(match[1])] as const);
    const byTitle = new Map(weights);
    const names = CASE_SECTION_HEADINGS;
    expect(byTitle.get(names.problem)).toBe(4);
    expect(byTitle.get(names.results)).toBe(4);
    expect(weights.length).toBeGreaterThan(3);
    const others = weights.filter(([title]) => title !== names.problem && title !== names.results);
    expect(Math.max(...others.map(([, weight]) => weight))).toBeLessThan(4);
    expect(html).toMatch(/<article[^>]*data-pagefind-body/);
  });

  it.each([
    ['medisindispensere', 'case-medisindispenser'],
    ['avfallsbeholdere vinteren', 'case-smarte-avfallsbeholdere'],
    ['vedtaksbrev', 'case-klart-sprak-vedtaksbrev'],
    ['trygghetsalarmer', 'project-digitale-trygghetsalarmer'],
    ['matsvinn', 'project-matsvinn-sykehjem'],
  ])('puts the document for «%s» among the first five results', async (words, id) => {
    const { context, page } = await openSearch(`?q=${encodeURIComponent(words)}`);
    expect((await getResultPaths(page)).slice(0, 5)).toContain(getPath(id));
    await context.close();
  });

  it('finds the base form from an inflected one (sensoren → sensorer)', async () => {
    const { context, page } = await openSearch('?q=sensoren');
    expect((await getResultPaths(page)).slice(0, 5)).toContain(
      getPath('case-sensorer-omsorgsboliger'),
    );
    await expect(page.locator('#search-results mark').first().textContent()).resolves.toMatch(
      /^sensor/i,
    );
    await context.close();
  });

  it('finds nynorsk and English documents from the bokmål search page', async () => {
    const nynorsk = await openSearch('?q=fritidsaktivitetar');
    expect(await nynorsk.page.getAttribute('html', 'lang')).toBe('nb');
    expect((await getResultPaths(nynorsk.page)).slice(0, 5)).toContain(
      getPath('project-ungdom-utanfor-fritid'),
    );
    await nynorsk.context.close();
    const english = await openSearch('?q=self-service%20library');
    expect((await getResultPaths(english.page)).slice(0, 5)).toContain(
      getPath('case-open-library'),
    );
    await english.context.close();
  });

  it.each(['?type=Innovasjonscase', '?type=Innlegg', '?tema=Velferdsteknologi'])(
    'lists a search without words newest first, over every language: %s',
    async (query) => {
      const paths = await resultOrder(server.origin, query);
      expect(paths.length).toBeGreaterThan(2);
      expect(isNewestFirst(paths), paths.join('\n')).toBe(true);
    },
  );

  it('puts nynorsk and English cases among the bokmål ones by date, not after them', async () => {
    const paths = await resultOrder(server.origin, '?type=Innovasjonscase');
    // The English and nynorsk cases of 2019 come before the bokmål case of 2016.
    const last = paths.indexOf(getPath('case-spillhuset-klubb-for-gamere'));
    expect(last).toBe(paths.length - 1);
    expect(paths.indexOf(getPath('case-open-library'))).toBeLessThan(last);
  });

  it('narrows results to a filter given in the URL, and shows it chosen', async () => {
    const all = await openSearch('?q=hjemmetjenesten');
    const allPaths = await getResultPaths(all.page);
    await all.context.close();
    const { context, page } = await openSearch('?q=hjemmetjenesten&type=Innovasjonscase');
    const paths = await getResultPaths(page);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThan(allPaths.length);
    expect(paths.every((item) => item.startsWith('/caser/'))).toBe(true);
    const types = await page.locator('#search-results .meta').allTextContents();
    expect(types.every((text) => text.startsWith('Innovasjonscase'))).toBe(true);
    await expect(
      page
        .getByRole('group', { name: 'Innholdstype' })
        .getByRole('checkbox', { name: /^Innovasjonscase \(\d+\)$/ })
        .isChecked(),
    ).resolves.toBe(true);
    await context.close();
  });

  it('keeps the state in the URL: a filter chosen by keyboard is pushed, and Back restores', async () => {
    const { context, page } = await openSearch('?q=hjemmetjenesten');
    const before = await getResultPaths(page);
    const box = page
      .getByRole('group', { name: 'Innholdstype' })
      .getByRole('checkbox', { name: /^Innovasjonscase \(\d+\)$/ });
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/type=Innovasjonscase/);
    await page
      .getByRole('status')
      .filter({ hasText: /filter/ })
      .waitFor();
    const narrowed = await getResultPaths(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(before.length);
    expect(narrowed.every((item) => item.startsWith('/caser/'))).toBe(true);
    // The controls are rebuilt with new counts; focus stays on the checkbox just used.
    await expect(box.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(box.isChecked()).resolves.toBe(true);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('type='));
    await page
      .getByRole('status')
      .filter({ hasText: /treff for «hjemmetjenesten»\.$/ })
      .waitFor();
    expect(await getResultPaths(page)).toEqual(before);
    await context.close();
  });

  it('helps when nothing matches', async () => {
    const { context, page } = await openSearch('?q=xyzzyplugh');
    await expect(page.getByRole('status').textContent()).resolves.toBe('0 treff for «xyzzyplugh».');
    await expect(page.getByRole('heading', { name: 'Ingen treff' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText(/^Søket trenger JavaScript/).isVisible()).resolves.toBe(false);
    await expect(
      page.getByRole('link', { name: 'Bla i alle innovasjonscaser' }).getAttribute('href'),
    ).resolves.toBe('/caser/');
    await context.close();
  });

  it('finds nothing for words the site does not contain, though the index holds their start', async () => {
    // Each starts with a word of the index («a», «kva», «blå», «spill», «b»), which Pagefind
    // would match on its own; none stands on the site.
    for (const word of [
      'ABCDEFGHIJKLMNO',
      'kvantedatamaskin',
      'blåbærsyltetøy',
      'spillkonsollfabrikkdirektør',
      'bcdefg',
      'AI',
      'kvantedatamaskin abcdefghijklmno',
    ]) {
      const { context, page } = await openSearch(`?q=${encodeURIComponent(word)}`);
      await expect(page.getByRole('status').textContent(), word).resolves.toBe(
        `0 treff for «${word}».`,
      );
      expect(await getResultPaths(page), word).toEqual([]);
      await context.close();
    }
  });

  it('still finds a compound whose parts stand on the site, and a word with folded letters', async () => {
    // «spillklubb» stands nowhere, but «spill» and «klubb» do (the latter in «ungdomsklubb»).
    const compound = await openSearch('?q=spillklubb');
    expect((await getResultPaths(compound.page)).length).toBeGreaterThan(0);
    await compound.context.close();
    const folded = await openSearch('?q=b%C3%A6rekraft');
    expect((await getResultPaths(folded.page)).length).toBeGreaterThan(0);
    await folded.context.close();
  });

  it('leaves a word the site lacks out of a search with words it has', async () => {
    const alone = await openSearch('?q=gaming');
    const withNonsense = await openSearch('?q=gaming%20kvantedatamaskin');
    expect(await getResultPaths(withNonsense.page)).toEqual(await getResultPaths(alone.page));
    await expect(withNonsense.page.getByRole('status').textContent()).resolves.toMatch(
      /treff for «gaming kvantedatamaskin»/,
    );
    await alone.context.close();
    await withNonsense.context.close();
  });

  it('escapes the query it shows back', async () => {
    const { context, page } = await openSearch(
      `?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    );
    await expect(page.locator('#search-app img').count()).resolves.toBe(0);
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      '«<img src=x onerror=alert(1)>»',
    );
    await context.close();
  });

  it('says without JavaScript that search needs it, and links to the case library', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/sok/?q=sensor`);
    await expect(page.getByText(/^Søket trenger JavaScript/).isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('link', { name: 'Bla i alle innovasjonscaser i stedet' }).getAttribute('href'),
    ).resolves.toBe('/caser/');
    // Only the header's field; the search page's own controls stay hidden.
    await expect(page.getByRole('searchbox').count()).resolves.toBe(1);
    await expect(page.getByRole('searchbox', { name: 'Søkeord' }).count()).resolves.toBe(0);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.1 AA violations with results shown (${colorScheme})`, async () => {
      const { context, page } = await openSearch('?q=sensor&tema=Velferdsteknologi', colorScheme);
      expect((await getResultPaths(page)).length).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual(
        [],
      );
      await context.close();
    });
  }

  it('indexes exactly the published posts, projects, cases and pages; no drafts, scheduled or utility pages', async () => {
    const fragments = await readFragments(inject('siteDir'));
    const now = Date.now();
    const expected = documents
      .filter((document) => (INDEXED_TYPES as readonly string[]).includes(document._type))
      .filter((document) => !document._id.startsWith('drafts.'))
      .filter(
        (document) => document.publishedAt === undefined || Date.parse(document.publishedAt) <= now,
      )
      .map((document) => getPath(document._id));
    const indexed = fragments.map((fragment) => new URL(fragment.url, server.origin).pathname);
    expect(indexed.sort()).toEqual([...new Set(expected)].sort());
    for (const forbidden of ['/', '/sok/', '/abonner/', '/404/', '/caser/', '/innlegg/']) {
      expect(indexed).not.toContain(forbidden);
    }
    const scheduled = documents.filter(
      (document) =>
        (INDEXED_TYPES as readonly string[]).includes(document._type) &&
        Date.parse(document.publishedAt ?? '') > now,
    );
    for (const document of scheduled) {
      expect(indexed, `${document._id} is scheduled`).not.toContain(getPath(document._id));
    }
    for (const fragment of fragments) {
      expect(fragment.filters['type']?.length, fragment.url).toBe(1);
      expect(fragment.meta['title'], fragment.url).toBeTruthy();
      expect(fragment.meta['date'], fragment.url).toBeTruthy();
    }
  });
});

describe('search over an index built in parts', () => {
  let tmp: string;
  let parted: StaticServer;

  beforeAll(async () => {
    // The same site with its index in parts of 10 pages, as a large site's build writes it.
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-parts-'));
    await fs.cp(inject('siteDir'), tmp, { recursive: true });
    const result = await writeSearchIndex({ siteDir: tmp, pagesPerPart: 10 });
    expect(result.parts).toBeGreaterThan(3);
    parted = await serveStatic(tmp);
  });

  afterAll(async () => {
    await parted?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it.each(['?type=Innovasjonscase', '?type=Prosjekt', '?q=self-service%20library'])(
    'finds the same pages with the same filter counts as one bundle: %s',
    async (query) => {
      const whole = await searchOn(server.origin, query);
      const inParts = await searchOn(parted.origin, query);
      expect(whole.paths.length).toBeGreaterThan(0);
      expect(inParts).toEqual(whole);
    },
  );

  it.each(['?type=Innovasjonscase', '?type=Innlegg'])(
    'lists a search without words newest first over every part, as one bundle does: %s',
    async (query) => {
      const inParts = await resultOrder(parted.origin, query);
      expect(isNewestFirst(inParts), inParts.join('\n')).toBe(true);
      expect(inParts).toEqual(await resultOrder(server.origin, query));
    },
  );

  it.each(['?q=hjemmetjenesten', '?q=innovasjon', '?q=sensorer'])(
    'finds every page one bundle finds: %s',
    async (query) => {
      // A part whose pages lack a word may split it into words it has (Pagefind's fallback
      // for compound words), so a part can add a match; it never loses one.
      const whole = await searchOn(server.origin, query);
      const inParts = await searchOn(parted.origin, query);
      expect(whole.paths.length).toBeGreaterThan(0);
      expect(inParts.paths).toEqual(expect.arrayContaining(whole.paths));
    },
  );
});

describe('search over an index with changed pages in the overlay', () => {
  let tmp: string;
  let overlaid: StaticServer;
  let fresh: StaticServer;

  /** Changes a case and a post and removes a project, as an editor's next build would. */
  async function editSite(site: string): Promise<void> {
    const edit = async (id: string, from: string, to: string): Promise<void> => {
      const file = path.join(site, getPath(id), 'index.html');
      const html = await fs.readFile(file, 'utf8');
      if (!html.includes(from)) throw new Error(`${file} has no "${from}" to change.`);
      await fs.writeFile(file, html.replace(from, to));
    };
    await edit('case-sensorer-omsorgsboliger', '<h1', '<p>Kvasirfjeldet</p><h1');
    await edit('project-matsvinn-sykehjem', '<h1', '<p>Kvasirfjeldet Trollskogen</p><h1');
    await fs.rm(path.join(site, getPath('case-open-library')), { recursive: true });
  }

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-overlay-'));
    const site = path.join(tmp, 'overlaid');
    const cacheDir = path.join(tmp, 'cache');
    await fs.cp(inject('siteDir'), site, { recursive: true });
    await writeSearchIndex({ siteDir: site, cacheDir, pagesPerPart: 10 });
    await editSite(site);
    const result = await writeSearchIndex({ siteDir: site, cacheDir, pagesPerPart: 10 });
    // The part that held the removed case is indexed anew, so that nothing of it stays in
    // the output; the edited pages of the parts kept go to the overlay.
    expect(result.reusedParts).toBe(result.parts - 1);
    expect(result.overlayPages).toBeGreaterThan(0);
    // The same edited site indexed from scratch, as a build without a cache writes it.
    const reference = path.join(tmp, 'fresh');
    await fs.cp(site, reference, { recursive: true });
    const plain = await writeSearchIndex({ siteDir: reference, pagesPerPart: 10 });
    expect(plain.overlayPages).toBe(0);
    overlaid = await serveStatic(site);
    fresh = await serveStatic(reference);
  });

  afterAll(async () => {
    await overlaid?.close();
    await fresh?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it.each([
    '?type=Innovasjonscase',
    '?type=Prosjekt',
    '?q=Kvasirfjeldet',
    '?q=Kvasirfjeldet&type=Prosjekt',
    '?q=Trollskogen',
    '?q=libraries',
    '?tema=Velferdsteknologi',
  ])('shows each page once, as it is now, with exact filter counts: %s', async (query) => {
    const now = await searchOn(overlaid.origin, query);
    const reference = await searchOn(fresh.origin, query);
    expect(now.paths.length).toBeGreaterThan(0);
    expect(now).toEqual(reference);
  });

  it('lists a search without words in the same newest-first order as the fresh index', async () => {
    const now = await resultOrder(overlaid.origin, '?type=Innovasjonscase');
    expect(now).toContain(getPath('case-sensorer-omsorgsboliger'));
    expect(now).toEqual(await resultOrder(fresh.origin, '?type=Innovasjonscase'));
  });

  it('shows the filters with counts over the shown pages when nothing is asked', async () => {
    const labels = async (origin: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/sok/`);
      await page.getByRole('status').filter({ hasText: t.searchPage.startHint }).waitFor();
      const texts = await page.locator('#search-filter-groups label').allTextContents();
      await context.close();
      return texts;
    };
    const now = await labels(overlaid.origin);
    expect(now.length).toBeGreaterThan(5);
    expect(now).toEqual(await labels(fresh.origin));
  });

  it('finds the changed pages by their new words and the removed one no more', async () => {
    // Pagefind also matches parts of an unknown compound word, so other pages may come too.
    const found = await searchOn(overlaid.origin, '?q=Kvasirfjeldet');
    expect(found.paths).toEqual(
      expect.arrayContaining([
        getPath('case-sensorer-omsorgsboliger'),
        getPath('project-matsvinn-sykehjem'),
      ]),
    );
    const library = await searchOn(overlaid.origin, '?q=self-service%20library');
    expect(library.paths).not.toContain(getPath('case-open-library'));
  });
});
