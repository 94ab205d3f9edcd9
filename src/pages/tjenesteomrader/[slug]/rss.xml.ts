/** `/tjenesteomrader/<slug>/rss.xml`: the latest 50 documents of one service area, newest first. */
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

/** One feed per service area, reused from the last build while what it shows is unchanged. */
export const getStaticPaths = (async () => {
  const [terms, data, digests, settingsDigest] = await Promise.all([
    getCollection('serviceArea'),
    getFeedData(),
    getArticleDigests(),
    getSettingsDigest(),
  ]);
  return Promise.all(
    terms.map(async (entry) => ({
      params: { slug: entry.data.slug },
      cacheKey: await buildFeedCacheKey(
        data,
        { kind: 'serviceArea', id: entry.data.id },
        { settingsDigest, entry: toDigestedEntry(entry), digests },
      ),
    })),
  );
}) satisfies GetStaticPaths;

/** Writes the feed of one service area. */
export const GET: APIRoute = ({ site, params }) => {
  const path = getFeedPath({ kind: 'serviceArea', slug: params['slug'] ?? '' });
  return createFeedResponse(site, (feeds) =>
    feeds.find((feed) => feed.scope.kind === 'serviceArea' && feed.path === path),
  );
};
