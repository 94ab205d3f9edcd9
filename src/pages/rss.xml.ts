/** `/rss.xml`: the latest 50 posts, project stories and cases, newest first. */
import type { APIRoute } from 'astro';
import { createFeedResponse } from '../site/feed-source.ts';

/** Writes the whole-site feed. */
export const GET: APIRoute = ({ site }) =>
  createFeedResponse(site, (feeds) => feeds.find((feed) => feed.scope.kind === 'site'));
