/** `/data/caser.json`: every published innovation case as open data, licensed as the site says. */
import type { APIRoute } from 'astro';
import { getCaseOpenData } from '../../site/site-data.ts';
import { utf8Stream, openDataJsonPieces } from '../../lib/open-data.ts';

/** Writes the cases as JSON. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('Open data needs absolute URLs: set SITE_URL (Astro `site`).');
  return new Response(utf8Stream(openDataJsonPieces(await getCaseOpenData(site))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
