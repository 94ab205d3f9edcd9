/** `/tema/<slug>/rss.xml`: the latest 50 documents of one topic, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createTermFeedResponse, getTermFeedPaths } from '../../../site/feed-source.ts';

/** One feed per topic, reused from the last build while what it shows is unchanged. */
export const getStaticPaths = (() => getTermFeedPaths('topic')) satisfies GetStaticPaths;

/** Writes the feed of one topic. */
export const GET: APIRoute = ({ site, params }) =>
  createTermFeedResponse(site, 'topic', params['slug'] ?? '');
