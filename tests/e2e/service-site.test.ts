/**
 * The site in Chromium through the publishing service (not a plain static server): its
 * Content-Security-Policy and other headers let every page work (search included, with
 * Pagefind's WebAssembly) and report no violation, pages pass axe, and a missing page
 * shows the site's own 404 page.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServiceConfig } from '../../src/service/config.ts';
import { startService, type Service } from '../../src/service/server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build-site.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let service: Service;
let state: string;

beforeAll(async () => {
  state = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-service-e2e-'));
  service = await startService({
    config: loadServiceConfig(
      {
        PORT: '0',
        SITE_DIR: inject('siteDir'),
        SERVICE_STATE_DIR: state,
        SITE_URL: 'https://tanketanken.example',
      },
      ROOT,
    ),
    buildEnv: {},
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
  if (state) await fs.rm(state, { recursive: true, force: true });
});

/** Opens a page and records CSP violations and script errors. */
async function open(
  url: string,
): Promise<{ page: Page; problems: string[]; status: number | undefined }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`csp: ${message.text()}`);
  });
  const response = await page.goto(`${service.origin}${url}`);
  return { page, problems, status: response?.status() };
}

describe('the site through the publishing service', () => {
  it('the home page passes axe with no CSP violation', async () => {
    const { page, problems, status } = await open('/');
    expect(status).toBe(200);
    const headers = await page.evaluate(async () => {
      const response = await fetch('/');
      return response.headers.get('content-security-policy');
    });
    expect(headers).toContain("script-src 'self'");
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('search works under the Content-Security-Policy and passes axe', async () => {
    const { page, problems, status } = await open('/sok/?q=innovasjon');
    expect(status).toBe(200);
    await page
      .getByRole('status')
      .filter({ hasText: /\d+ treff/ })
      .waitFor({ timeout: 30_000 });
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a missing page gets the site’s 404 page with status 404', async () => {
    const { page, problems, status } = await open('/finnes-ikke/');
    expect(status).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets another site read the feeds, the search index and the open data, but not the pages', async () => {
    // A page of another site (another origin on this machine) reads from the site, as a
    // network search or a feed reader in a browser would.
    const other = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="nb"><title>Annen kommune</title></html>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const read = (url: string): Promise<string> =>
      page.evaluate(async (target) => {
        try {
          const response = await fetch(target);
          return `${response.status} ${response.headers.get('content-type') ?? ''}`;
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      }, `${service.origin}${url}`);
    for (const url of [
      '/rss.xml',
      '/caser/rss.xml',
      '/feeds.opml',
      '/data/caser.json',
      '/data/caser.csv',
      '/pagefind/pagefind-entry.json',
    ]) {
      expect(await read(url), url).toMatch(/^200 /);
    }
    expect(await read('/')).toMatch(/^refused: /);
    expect(await read('/api/status')).toMatch(/^refused: /);
    await context.close();
    await new Promise((resolve) => other.close(resolve));
  });
});
