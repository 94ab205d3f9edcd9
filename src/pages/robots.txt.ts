/** `robots.txt`: everything may be crawled; the sitemap's absolute URL comes from SITE_URL. */
import type { APIRoute } from 'astro';
import { toAbsoluteUrl } from '../../content-schemas/routes.ts';

export const GET: APIRoute = ({ site, url }) => {
  const sitemap = toAbsoluteUrl('/sitemap-index.xml', site ?? url);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
