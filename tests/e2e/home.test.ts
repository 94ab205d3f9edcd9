import { describe, expect, it } from 'vitest';
import { expectNoWcagViolations, useSiteInChromium } from '../helpers/site-in-chromium.ts';

const site = useSiteInChromium();

describe('home page in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.1 AA violations in the ${colorScheme} scheme`, async () => {
      const context = await site.browser.newContext({ colorScheme });
      const page = await context.newPage();
      const response = await page.goto(`${site.origin}/`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('nb');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
      await expect(page.getByRole('search').count()).resolves.toBe(1);
      await expectNoWcagViolations(page);
      await context.close();
    });
  }

  it('leads from the home page to a post with a working skip link', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const firstPost = page.getByRole('region', { name: 'Siste innlegg' }).getByRole('link').first();
    const title = await firstPost.textContent();
    await firstPost.click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    await page.keyboard.press('Tab');
    await expect(
      page
        .getByRole('link', { name: 'Hopp til hovedinnhold' })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await context.close();
  });
});
