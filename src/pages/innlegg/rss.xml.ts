/** `/innlegg/rss.xml`: the latest 50 posts, newest first. */
import type { APIRoute } from 'astro';
import { createFeedResponse } from '../../site/feed-source.ts';

/** Writes the feed of posts. */
export const GET: APIRoute = ({ site }) =>
  createFeedResponse(site, (feeds) =>
    feeds.find((feed) => feed.scope.kind === 'type' && feed.scope.type === 'post'),
  );
