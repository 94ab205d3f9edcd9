/**
 * What every browser test file sets up: the shared build of the sample site served on an
 * ephemeral port and one Chromium, started before the file's tests and closed after them,
 * and the axe check that holds a page to WCAG 2.1 A and AA.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** The axe tags browser tests check: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The served site and the browser of one test file, readable once its tests run. */
export interface SiteInChromium {
  readonly browser: Browser;
  readonly origin: string;
}

/**
 * Serves the shared build (`inject('siteDir')`) and launches Chromium in the calling file's
 * `beforeAll`, closing both in its `afterAll`; call it at the top level of a test file.
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
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is read before beforeAll started it.`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'The browser');
    },
    get origin() {
      return started(server, 'The site server').origin;
    },
  };
}

/** Lists the page's axe violations of WCAG 2.1 A/AA as "rule: help"; an empty list is a pass. */
export async function listAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
}
