/**
 * `/data/katalog.ttl`: the case library described in DCAT-AP-NO 2, for data.norge.no and
 * other harvesters (see `src/lib/dcat.ts`).
 */
import type { APIRoute } from 'astro';
import { formatCatalogue } from '../../lib/dcat.ts';
import { getCaseOpenData, getSettings } from '../../site/site-data.ts';

/** Writes the catalogue as Turtle. */
export const GET: APIRoute = async ({ site }) => {
  if (!site)
    throw new Error('The data catalogue needs absolute URLs: set SITE_URL (Astro `site`).');
  const settings = await getSettings();
  const turtle = await formatCatalogue(await getCaseOpenData(site), {
    site,
    siteTitle: settings.title,
    siteDescription: settings.description,
    organization: settings.organization,
    ...(settings.organizationNumber ? { organizationNumber: settings.organizationNumber } : {}),
    ...(settings.contactEmail ? { contactEmail: settings.contactEmail } : {}),
  });
  return new Response(turtle, { headers: { 'Content-Type': 'text/turtle; charset=utf-8' } });
};
