/** `/tema/<slug>/rss.xml`: the latest 50 documents of one topic, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { getFeedPath } from '../../../../content-schemas/routes.ts';
import {
  buildFeedCacheKey,
  createFeedResponse,
  getFeedData,
} from '../../../components/feed-source.ts';
import {
  getArticleDigests,
  getSettingsDigest,
  toDigestedEntry,
} from '../../../components/site-data.ts';

/** One feed per topic, reused from the last build while what it shows is unchanged. */
export const getStaticPaths = (async () => {
  const [terms, data, digests, settingsDigest] = await Promise.all([
    getCollection('topic'),
    getFeedData(),
    getArticleDigests(),
    getSettingsDigest(),
  ]);
  return Promise.all(
    terms.map(async (entry) => ({
      params: { slug: entry.data.slug },
      cacheKey: await buildFeedCacheKey(
        data,
        { kind: 'topic', id: entry.data.id },
        { settingsDigest, entry: toDigestedEntry(entry), digests },
      ),
    })),
  );
}) satisfies GetStaticPaths;

/** Writes the feed of one topic. */
export const GET: APIRoute = ({ site, params }) => {
  const path = getFeedPath({ kind: 'topic', slug: params['slug'] ?? '' });
  return createFeedResponse(site, (feeds) =>
    feeds.find((feed) => feed.scope.kind === 'topic' && feed.path === path),
  );
};
