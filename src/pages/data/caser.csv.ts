/** `/data/caser.csv`: every published innovation case as CSV (RFC 4180, UTF-8 with BOM), licensed as the site says. */
import type { APIRoute } from 'astro';
import { getCaseOpenData } from '../../site/site-data.ts';
import { utf8Stream, openDataCsvPieces } from '../../lib/open-data.ts';

/** Writes the cases as CSV. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('Open data needs absolute URLs: set SITE_URL (Astro `site`).');
  return new Response(utf8Stream(openDataCsvPieces(await getCaseOpenData(site))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
