/** `/nettverket/feeds.opml`: the feed of every site in the network, to follow them all at once. */
import type { APIRoute } from 'astro';
import { t } from '../../lib/i18n.ts';
import { writeOpml } from '../../lib/opml.ts';
import { toFeedUrl } from '../../site/network.ts';
import { getSettings } from '../../site/site-data.ts';

/** Writes the OPML file (from the settings alone: a site that is down is still listed). */
export const GET: APIRoute = async () => {
  const settings = await getSettings();
  const xml = writeOpml(
    { title: t.network.opmlFileTitle(settings.title), ownerName: settings.organization },
    [
      {
        title: t.network.title,
        feeds: settings.network.map((site) => ({
          title: site.name,
          xmlUrl: toFeedUrl(site.url).href,
          htmlUrl: site.url,
        })),
      },
    ],
  );
  return new Response(xml, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
