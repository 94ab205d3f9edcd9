/** Test helper: the built fixture site served over HTTP and a Chromium to open it in. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** The axe rule tags of WCAG 2.1 AA, the level the site promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails with every WCAG 2.1 AA violation axe finds on the page: rule, help and where. */
export async function expectNoWcagViolations(page: Page, where = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
    where,
  ).toEqual([]);
}

/** The site's server and the browser, open for the tests of the file that asks. */
export interface SiteInChromium {
  readonly browser: Browser;
  /** The server's origin, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
}

/**
 * Serves the built site (an ephemeral port) and launches Chromium before the file's tests,
 * and closes both after them. Read `browser` and `origin` inside tests only.
 */
export function useSiteInChromium(): SiteInChromium {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(inject('siteDir'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const notOpen = () => new Error('The site is not open yet: read it inside a test, not at load.');
  return {
    get browser() {
      if (!browser) throw notOpen();
      return browser;
    },
    get origin() {
      if (!server) throw notOpen();
      return server.origin;
    },
  };
}
