/** `/feeds.opml`: every feed of the site as OPML 2.0, to import into a reader at once. */
import type { APIRoute } from 'astro';
import { toAbsoluteUrl } from '../../content-schemas/routes.ts';
import { getFeedData, listFeeds, type FeedDescriptor } from '../site/feed-source.ts';
import { t } from '../lib/i18n.ts';
import { writeOpml, type OpmlFeed } from '../lib/opml.ts';

/** Writes the OPML file. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('The OPML file needs absolute URLs: set SITE_URL (Astro `site`).');
  const data = await getFeedData();
  const feeds = listFeeds(data);
  const toOutline = (feed: FeedDescriptor): OpmlFeed => ({
    title: feed.title,
    xmlUrl: toAbsoluteUrl(feed.path, site),
    htmlUrl: toAbsoluteUrl(feed.pagePath, site),
    description: feed.description,
  });
  const of = (kinds: string[]) =>
    feeds.filter((feed) => kinds.includes(feed.scope.kind)).map(toOutline);
  const xml = writeOpml(
    { title: t.feeds.opmlTitle(data.settings.title), ownerName: data.settings.organization },
    [
      { title: t.subscribe.allFeedsTitle, feeds: of(['site', 'type']) },
      { title: t.subscribe.topicsTitle, feeds: of(['topic']) },
      { title: t.subscribe.serviceAreasTitle, feeds: of(['serviceArea']) },
    ],
  );
  return new Response(xml, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
