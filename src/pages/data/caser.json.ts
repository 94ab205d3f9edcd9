/** `/data/caser.json`: every published innovation case as open data, licensed as the site says. */
import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { t } from '../../lib/i18n.ts';
import { buildOpenDataSet, writeOpenDataJson } from '../../lib/open-data.ts';
import { DEFAULT_SITE_SETTINGS } from '../../sanity/content.ts';

/** Writes the cases as JSON. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('Open data needs absolute URLs: set SITE_URL (Astro `site`).');
  const cases = await getCollection('caseStudy');
  const settings = (await getEntry('siteSettings', 'siteSettings'))?.data ?? DEFAULT_SITE_SETTINGS;
  const data = buildOpenDataSet(
    cases.map((entry) => entry.data),
    {
      site,
      title: `${t.feeds.typeNames.caseStudy} – ${settings.title}`,
      description: t.subscribe.openDataText,
      publisher: settings.organization,
      license: settings.license,
    },
  );
  return new Response(writeOpenDataJson(data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
