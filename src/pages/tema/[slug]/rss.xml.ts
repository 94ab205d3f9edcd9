/** `/tema/<slug>/rss.xml`: the latest 50 documents of one topic, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { getFeedPath } from '../../../../content-schemas/routes.ts';
import { createFeedResponse } from '../../../components/feed-source.ts';

/** One feed per topic. */
export const getStaticPaths = (async () => {
  const terms = await getCollection('topic');
  return terms.map((entry) => ({ params: { slug: entry.data.slug } }));
}) satisfies GetStaticPaths;

/** Writes the feed of one topic. */
export const GET: APIRoute = ({ site, params }) => {
  const path = getFeedPath({ kind: 'topic', slug: params['slug'] ?? '' });
  return createFeedResponse(site, (feeds) =>
    feeds.find((feed) => feed.scope.kind === 'topic' && feed.path === path),
  );
};
