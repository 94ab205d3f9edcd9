/**
 * The built Studio in Chromium, as an editor meets it: every Sanity request answered by the
 * local stand-in over the embedded dataset (scripts/studio-demo/), so these tests need no
 * account. Screenshots for review go to test-results/screenshots/.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ContentLake } from '../../scripts/studio-demo/content-lake.ts';
import { startDemoServer, type DemoServer } from '../../scripts/studio-demo/demo-server.ts';
import { readDatasetExport } from '../../src/sanity/read/dataset-file.ts';
import { launchChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build-site.ts';
import { TEST_SITE_URL } from './global-setup.ts';

const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
const CASE_ID = 'case-digitalt-nattilsyn';
const CASE_URL = `/intent/edit/id=${CASE_ID};type=caseStudy/`;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let studioDir: string;
let assetDir: string;
/** A copy of the export's data.ndjson per test, for the demo's «write back» button. */
let exportFile: string;
let documents: Awaited<ReturnType<typeof readDatasetExport>>['documents'];
let server: DemoServer;
let lake: ContentLake;
let context: BrowserContext;
let page: Page;
/** Uncaught errors in the page; every test ends by expecting none. */
let pageErrors: string[];
/** Requests that left the machine for a Sanity API host instead of reaching the stand-in. */
let escapedApiRequests: string[];

beforeAll(async () => {
  const exported = await readDatasetExport(path.join(ROOT, 'content'), {
    cacheDir: path.join(ROOT, 'node_modules', '.cache', 'studio-tests'),
  });
  documents = exported.documents;
  assetDir = exported.assetDir;
  studioDir = inject('studioDir');
  browser = await launchChromium();
  await fs.mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // A fresh dataset for every test, so one test's edits never show up in the next.
  lake = new ContentLake(documents);
  exportFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'studio-test-')), 'data.ndjson');
  await fs.copyFile(path.join(ROOT, 'content', 'data.ndjson'), exportFile);
  server = await startDemoServer({
    exportTarget: { dataFile: exportFile, assetDir },
    lake,
    projectId: 'tanketanken',
    dataset: 'production',
    studioDir,
    assetDir,
    port: 0,
  });
  pageErrors = [];
  escapedApiRequests = [];
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nb-NO' });
  // Nothing leaves the machine: Sanity's CDN (fonts, version checks) and anything else is
  // refused; a refused request to a Sanity *API* host would mean the stand-in was bypassed.
  await context.route(
    (url) => url.origin !== server.origin,
    (route) => {
      const url = new URL(route.request().url());
      if (
        /(^|\.)api\.sanity\.io$/.test(url.hostname) &&
        /\/(data|users|projects)\//.test(url.pathname)
      ) {
        escapedApiRequests.push(url.href);
      }
      return route.abort();
    },
  );
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
});

afterEach(async () => {
  await context?.close();
  await server?.close();
  await fs.rm(path.dirname(exportFile), { recursive: true, force: true });
  const failed = server.requests.filter(
    (request) => request.status >= 400 && request.status !== 501,
  );
  expect(failed.map((request) => `${request.status} ${request.method} ${request.url}`)).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(escapedApiRequests).toEqual([]);
});

/** Opens the case in the form and waits until its title field holds the stored title. */
async function openCase(): Promise<void> {
  await page.goto(`${server.origin}${CASE_URL}`);
  const stored = lake.get(CASE_ID)?.['title'];
  await expect
    .poll(() => page.getByRole('textbox', { name: 'Tittel' }).first().inputValue(), {
      timeout: 60_000,
    })
    .toBe(stored);
}

/**
 * What Sanity's own UI fails in axe (Sanity Studio 6.16), each by rule and by the element it
 * is found on, so that nothing of ours is excused: the navbar's tool links and menus, the
 * structure tool's pane lists (links inside `li`/`ul` roles), and the viewport meta of
 * Sanity's index.html, which disables zoom. Upstream's to fix; recheck when upgrading.
 */
const SANITY_UI_VIOLATIONS: { rule: string; html: RegExp }[] = [
  // index.html of `sanity build`: maximum-scale=1 stops zooming.
  {
    rule: 'meta-viewport',
    html: /^<meta content="width=device-width, initial-scale=1, maximum-scale=1/,
  },
  // The navbar: workspace menu, tool links, the logo link and the releases link.
  {
    rule: 'aria-allowed-attr',
    html: /id="workspace-menu"|^<a data-ui="Button"|id="_r_\w+_-children"/,
  },
  { rule: 'link-name', html: /^<a href="\/" class="StyledCard-|data-testid="releases-tool-link"/ },
  // The structure tool's pane lists: links inside `li`, `ul` without list items.
  { rule: 'aria-required-children', html: /^<ul [^>]*aria-label=/ },
  { rule: 'listitem', html: /^<li / },
  { rule: 'nested-interactive', html: /id="_r_\w+_-item-\d+"/ },
  // Icon-only menu buttons without a name: pane and document menus, array items, the
  // Portable Text toolbar, the releases and tasks buttons, the drag handle.
  {
    rule: 'button-name',
    html: /data-testid="(pane-context-menu-bu|copy-document-action|array-item-menu-butt|action-menu-button|insert-menu-button|tasks-toolbar)|id="releases-menu"|data-ui="DragHandleButton"/,
  },
  // The document pane's split-pane link (icon only).
  {
    rule: 'link-name',
    html: /^<a data-ui="Button" data-disabled="false" type="button" class="ButtonBase-[^"]*" href="\/structure\//,
  },
  // Portable Text inputs: the editable area has a description but no name.
  { rule: 'aria-input-field-name', html: /data-slate-editor="true" data-pt-editor="true"/ },
  // Field group tabs point at a panel that only exists for the selected tab.
  { rule: 'aria-valid-attr-value', html: /^<button data-ui="Tab"[^>]*data-testid="group-tab-/ },
  // The Portable Text input's «Utvid» (full screen) button.
  { rule: 'aria-allowed-attr', html: /data-testid="fullscreen-button-ex/ },
  // Cards in array inputs carry aria-selected without a role that allows it.
  { rule: 'aria-allowed-attr', html: /^<div data-as="div" data-ui="Card"[^>]*aria-selected=/ },
];

/** Axe's WCAG 2.1 AA violations on the page, minus the known ones of Sanity's own UI. */
async function findOwnAxeViolations(): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.flatMap((violation) =>
    violation.nodes
      .filter(
        (node) =>
          !SANITY_UI_VIOLATIONS.some(
            (known) => known.rule === violation.id && known.html.test(node.html),
          ),
      )
      .map((node) => `${violation.id}: ${node.target.join(' ')} ${node.html.slice(0, 160)}`),
  );
}

/**
 * Opens a menu and chooses an item. A click that lands while another menu is still closing
 * can leave the menu shut on a loaded machine, so the menu is opened again (after Escape)
 * until the item shows, a few times at most.
 */
async function chooseMenuItem(opener: Locator, item: string | RegExp): Promise<void> {
  const entry = page.getByRole('menuitem', { name: item });
  for (let attempt = 1; ; attempt += 1) {
    await opener.click();
    try {
      await entry.first().waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await entry.first().click();
  await entry.first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Mutations the stand-in received for `id` (as document actions or plain mutations). */
function writesTo(id: string): unknown[] {
  return server.requests
    .filter((request) => /^\/data\/(actions|mutate)\//.test(request.endpoint))
    .map((request) => request.body)
    .filter((body) => JSON.stringify(body).includes(`"${id}"`));
}

describe('the Studio against the stand-in', () => {
  it('shows the desk in bokmål and lists the sample cases', async () => {
    await page.goto(`${server.origin}/structure`);
    for (const name of [
      'Innlegg',
      'Prosjekter',
      'Innovasjonscaser',
      'Personer',
      'Taksonomi',
      'Sider',
      'Innstillinger',
    ]) {
      await page.getByRole('link', { name }).first().waitFor({ timeout: 60_000 });
    }
    await expect(page.getByRole('complementary', { name: 'Demo' }).textContent()).resolves.toMatch(
      /aldri i et ekte Sanity-prosjekt\. De finnes bare i minnet til du skriver dem til den lokale eksporten, og forsvinner når demoen stoppes\./,
    );
    await page.getByRole('link', { name: 'Innovasjonscaser' }).first().click();
    await page.getByRole('link', { name: 'Alle innovasjonscaser' }).click();
    const cases = lake
      .all()
      .filter((doc) => doc._type === 'caseStudy' && !doc._id.startsWith('drafts.'));
    expect(cases.length).toBeGreaterThan(5);
    for (const doc of cases.slice(0, 5)) {
      await page.getByText(String(doc['title']), { exact: true }).first().waitFor();
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'studio-desk.png') });
    expect(await findOwnAxeViolations()).toEqual([]);
  });

  it('opens a case with its groups, Norwegian labels and help, and the award input', async () => {
    await openCase();
    for (const tab of ['Innhold', 'Case', 'Resultater', 'Metadata']) {
      await page.getByRole('tab', { name: tab }).waitFor();
    }
    await page.getByRole('tab', { name: 'Case' }).click();
    await page.getByText('Behov og utfordring', { exact: true }).first().waitFor();
    await page
      .getByText('Hvilket problem skulle løses, og for hvem? Hva visste dere før dere startet?')
      .waitFor();
    await page.getByRole('tab', { name: 'Resultater' }).click();
    await page.getByText('Priser', { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'studio-case-form.png') });
    expect(await findOwnAxeViolations()).toEqual([]);
  });

  it('shows the Norwegian messages for an empty and a too long title', async () => {
    await openCase();
    const title = page.getByRole('textbox', { name: 'Tittel' }).first();
    await title.fill('');
    // Sanity renders a field's messages in its validation tooltip, and blocks publishing.
    await page.getByText('Skriv en tittel.').first().waitFor({ state: 'attached' });
    await expect
      .poll(() => page.getByRole('button', { name: 'Publiser', exact: true }).isDisabled())
      .toBe(true);
    // Hovering the field's error marker shows the message.
    await page
      .getByTestId('field-title')
      .getByTestId('input-validation-icon-error')
      .first()
      .hover();
    await page.getByText('Skriv en tittel.').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'studio-validation.png') });
    await title.fill('x'.repeat(130));
    await page
      .getByText('Tittelen kan ha høyst 120 tegn (har 130).')
      .first()
      .waitFor({ state: 'attached' });
    await page.getByRole('tab', { name: 'Case' }).click();
    expect(lake.get(`drafts.${CASE_ID}`)?.['title']).not.toBe('');
  });

  it('saves an edit as a draft and publishes it as the site expects', async () => {
    await openCase();
    const before = writesTo(CASE_ID).length;
    const newTitle = 'Digitalt tilsyn om natten – prøvd i demoen';
    await page.getByRole('textbox', { name: 'Tittel' }).first().fill(newTitle);
    await expect
      .poll(() => lake.get(`drafts.${CASE_ID}`)?.['title'], { timeout: 30_000 })
      .toBe(newTitle);
    // The Studio enables «Publiser» only once the draft is synced and validated; clicking
    // earlier schedules a publish the Studio may run late, so the test waits for that state
    // and clicks once (a second click would try to publish a draft that is already gone).
    const publish = page.getByRole('button', { name: 'Publiser', exact: true });
    await expect.poll(() => publish.isEnabled(), { timeout: 60_000 }).toBe(true);
    await publish.click();
    await expect.poll(() => lake.get(CASE_ID)?.['title'], { timeout: 60_000 }).toBe(newTitle);
    expect(lake.get(`drafts.${CASE_ID}`)).toBeUndefined();
    const writes = JSON.stringify(writesTo(CASE_ID).slice(before));
    expect(writes).toContain(`"drafts.${CASE_ID}"`);
    expect(writes).toContain('sanity.action.document.publish');
    // The demo's button writes the change back to the export, for the site to build from.
    await page.getByRole('button', { name: 'Skriv endringene til den lokale eksporten' }).click();
    await page.getByRole('status').filter({ hasText: 'Skrevet til' }).waitFor();
    const written = (await fs.readFile(exportFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { _id: string; title?: string });
    expect(written.find((doc) => doc._id === CASE_ID)?.title).toBe(newTitle);
    expect(written.some((doc) => doc._id === `drafts.${CASE_ID}`)).toBe(false);
  });

  it('points «Vis på nettstedet» and the preview at the published case on the site', async () => {
    await openCase();
    const slug = (lake.get(CASE_ID)?.['slug'] as { current: string }).current;
    await page.evaluate(() => {
      const opened: string[] = [];
      (window as unknown as { opened: string[] }).opened = opened;
      window.open = (url) => {
        opened.push(String(url));
        return null;
      };
    });
    await chooseMenuItem(
      page.getByRole('button', { name: /Flere|Åpne dokumenthandlinger|Vis flere/ }).last(),
      'Vis på nettstedet',
    );
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened))
      .toEqual([`${TEST_SITE_URL}/caser/${slug}/`]);
    // The preview link of the document pane's menu (the config's productionUrl) too.
    await chooseMenuItem(
      page.getByTestId('pane-context-menu-button').last(),
      /Åpne forhåndsvisning/,
    );
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened))
      .toEqual([`${TEST_SITE_URL}/caser/${slug}/`, `${TEST_SITE_URL}/caser/${slug}/`]);
  });

  it('lists the nominations per prize year for the jury, drafts included', async () => {
    lake.mutate([
      {
        createIfNotExists: {
          _id: 'drafts.nomination-studio-test',
          _type: 'prizeNomination',
          title: 'Nominasjon sett av juryen',
          year: 2027,
          category: 'beste-feil',
          reference: 'NOM-2027-STUDIO',
          receivedAt: '2027-01-12T10:00:00Z',
        },
      },
    ]);
    await page.goto(`${server.origin}/structure`);
    await page.getByRole('link', { name: 'Nominasjoner' }).first().click();
    await page.getByRole('link', { name: '2027' }).first().click({ timeout: 60_000 });
    await page.getByText('Nominasjon sett av juryen').first().waitFor({ timeout: 60_000 });
    await expect(
      page
        .getByText(/Beste feil · NOM-2027-STUDIO/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
  });

  it('opens the settings as the one singleton, with no create, copy or delete', async () => {
    await page.goto(`${server.origin}/structure/siteSettings`);
    await page.getByRole('textbox', { name: 'Nettstedets navn' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Åpne dokumenthandlinger' }).click();
    const actions = await page.getByRole('menuitem').allTextContents();
    expect(actions.join('|')).toContain('Vis på nettstedet');
    expect(actions.join('|')).not.toMatch(/Slett|Dupliser/);
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem').first().waitFor({ state: 'detached' });
    // The navbar's «create» dialog offers every document type but the settings.
    await page.getByRole('button', { name: 'Opprett nytt dokument' }).click();
    const choices = page.locator('[data-ui="Popover"], [role="dialog"]').filter({
      hasText: 'Innovasjonscase',
    });
    await choices.first().waitFor();
    const offered = await choices.first().textContent();
    expect(offered).toContain('Innlegg');
    expect(offered).not.toMatch(/Innstillinger/);
  });
});
