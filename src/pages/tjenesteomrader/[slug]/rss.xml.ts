/** `/tjenesteomrader/<slug>/rss.xml`: the latest 50 documents of one service area, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { getFeedPath } from '../../../../content-schemas/routes.ts';
import { createFeedResponse } from '../../../components/feed-source.ts';

/** One feed per service area. */
export const getStaticPaths = (async () => {
  const terms = await getCollection('serviceArea');
  return terms.map((entry) => ({ params: { slug: entry.data.slug } }));
}) satisfies GetStaticPaths;

/** Writes the feed of one service area. */
export const GET: APIRoute = ({ site, params }) => {
  const path = getFeedPath({ kind: 'serviceArea', slug: params['slug'] ?? '' });
  return createFeedResponse(site, (feeds) =>
    feeds.find((feed) => feed.scope.kind === 'serviceArea' && feed.path === path),
  );
};
