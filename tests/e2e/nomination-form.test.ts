/**
 * The prize nomination form in Chromium, served by the publishing service from a build of
 * the fixture export with the window open: the form and its error page (light and dark)
 * have no WCAG 2.1 AA violations, the error summary takes focus and links to the fields,
 * and with JavaScript off the form is sent and the receipt shows the reference.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuildEnv, loadServiceConfig } from '../../src/service/config.ts';
import { startService, type Service } from '../../src/service/server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build-site.ts';
import {
  buildNominationSite,
  VALID_NOMINATION,
  writeNominationExport,
} from '../helpers/nomination-site.ts';
import { expectNoWcagViolations } from '../helpers/site-in-chromium.ts';

const DAY = 24 * 60 * 60 * 1000;
const FORM = '/innovasjonsprisen/meld-inn/';

let tmp: string;
let service: Service;
let browser: Browser;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-prize-e2e-'));
  const exportDir = path.join(tmp, 'export');
  await writeNominationExport(exportDir, {
    opens: new Date(Date.now() - DAY).toISOString(),
    closes: new Date(Date.now() + 30 * DAY).toISOString(),
  });
  const siteDir = path.join(tmp, 'site');
  const built = await buildNominationSite(exportDir, siteDir);
  if (built.code !== 0) throw new Error(`The site did not build:\n${built.output}`);
  const env = {
    SITE_URL: 'https://pris.example',
    PORT: '0',
    SERVICE_STATE_DIR: path.join(tmp, 'state'),
    SITE_DIR: siteDir,
    NOMINATION_DIR: path.join(tmp, 'nominations'),
    // The browser fills the form faster than a person; the fill time is tested over HTTP.
    NOMINATION_MIN_FILL_SECONDS: '0',
  };
  service = await startService({
    config: loadServiceConfig(env, ROOT),
    buildEnv: getBuildEnv(env),
    secrets: [],
    log: () => undefined,
    buildOnStart: false,
    watch: false,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('the nomination form in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the form and its errors without WCAG 2.1 AA violations (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const response = await page.goto(`${service.origin}${FORM}`);
      expect(response?.status()).toBe(200);
      await expectNoWcagViolations(page);
      await page.getByLabel('Din e-postadresse').fill('ikke en adresse');
      await page
        .getByLabel('Hvilket behov svarer det på?')
        .fill('Et behov med <b>tagger</b> & «sitater»');
      const [answer] = await Promise.all([
        page.waitForResponse((item) => item.request().method() === 'POST'),
        page.getByRole('button', { name: 'Send nominasjonen' }).click(),
      ]);
      expect(answer.status()).toBe(400);
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('heading').textContent()).resolves.toMatch(
        /feil som må rettes/,
      );
      // The summary has focus when the page loads, so a screen reader starts there.
      await page.waitForFunction(() => document.activeElement?.id === 'feiloppsummering');
      await expect(page.getByLabel('Hvilket behov svarer det på?').inputValue()).resolves.toBe(
        'Et behov med <b>tagger</b> & «sitater»',
      );
      const email = page.getByLabel('Din e-postadresse');
      await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(email.inputValue()).resolves.toBe('ikke en adresse');
      await summary.getByRole('link', { name: /gyldig e-postadresse/ }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'nominasjon-epost');
      await expectNoWcagViolations(page);
      await context.close();
    });
  }

  it('is sent with JavaScript off and answers with the receipt and its reference', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${service.origin}${FORM}`);
    await page.getByLabel('Navn på initiativet').fill(VALID_NOMINATION['title'] ?? '');
    await page.getByLabel('Hvilket behov svarer det på?').fill(VALID_NOMINATION['need'] ?? '');
    await page.getByLabel('Hva har det oppnådd?').fill(VALID_NOMINATION['achieved'] ?? '');
    await page.getByLabel('Tjenesteområde').selectOption(VALID_NOMINATION['serviceArea'] ?? '');
    await page.getByLabel('Priskategori').selectOption({ label: 'Stjæl med stil' });
    await page.getByLabel('Ditt navn').fill(VALID_NOMINATION['name'] ?? '');
    await page.getByLabel('Din e-postadresse').fill(VALID_NOMINATION['email'] ?? '');
    await page.getByLabel('Din enhet').fill(VALID_NOMINATION['unit'] ?? '');
    await page.getByLabel('Juryen kan kontakte meg om nominasjonen').check();
    await page.getByRole('button', { name: 'Send nominasjonen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Takk for nominasjonen' }).waitFor();
    const reference = await page.locator('#nominasjon-referanse').textContent();
    expect(reference).toMatch(/^NOM-\d{4}-[0-9A-Z]{6}$/);
    const stored = await fs.readFile(path.join(tmp, 'nominations', 'nominations.ndjson'), 'utf8');
    const doc = JSON.parse(stored.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(doc).toMatchObject({
      reference,
      title: VALID_NOMINATION['title'],
      category: 'stjael-med-stil',
      consent: true,
    });
    // axe runs as a script in the page, which this context forbids; the receipt is checked
    // with it in the next test.
    await context.close();
  });

  it('shows the receipt without WCAG 2.1 AA violations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${service.origin}${FORM}`);
    await page.getByLabel('Navn på initiativet').fill('Kvittering i nettleseren');
    await page.getByLabel('Hvilket behov svarer det på?').fill(VALID_NOMINATION['need'] ?? '');
    await page.getByLabel('Hva har det oppnådd?').fill(VALID_NOMINATION['achieved'] ?? '');
    await page.getByLabel('Tjenesteområde').selectOption(VALID_NOMINATION['serviceArea'] ?? '');
    await page.getByLabel('Priskategori').selectOption({ label: 'Beste feil' });
    await page.getByLabel('Ditt navn').fill(VALID_NOMINATION['name'] ?? '');
    await page.getByLabel('Din e-postadresse').fill(VALID_NOMINATION['email'] ?? '');
    await page.getByLabel('Din enhet').fill(VALID_NOMINATION['unit'] ?? '');
    await page.getByRole('button', { name: 'Send nominasjonen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Takk for nominasjonen' }).waitFor();
    await expectNoWcagViolations(page);
    await context.close();
  });
});
