/** `/tjenesteomrader/<slug>/rss.xml`: the latest 50 documents of one service area, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createTermFeedResponse, getTermFeedPaths } from '../../../site/feed-source.ts';

/** One feed per service area, reused from the last build while what it shows is unchanged. */
export const getStaticPaths = (() => getTermFeedPaths('serviceArea')) satisfies GetStaticPaths;

/** Writes the feed of one service area. */
export const GET: APIRoute = ({ site, params }) =>
  createTermFeedResponse(site, 'serviceArea', params['slug'] ?? '');
