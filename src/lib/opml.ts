/** `/feeds.opml`: every feed of the site as OPML 2.0, for importing into a reader in one go. */
import { escapeXml } from './feed.ts';

/** One feed in the list. */
export interface OpmlFeed {
  title: string;
  /** Absolute URL of the feed. */
  xmlUrl: string;
  /** Absolute URL of the page the feed belongs to. */
  htmlUrl: string;
  description?: string | undefined;
}

/** A named group of feeds (an outline with outlines inside). */
export interface OpmlGroup {
  title: string;
  feeds: readonly OpmlFeed[];
}

/** What the document says about itself. */
export interface OpmlHead {
  title: string;
  ownerName?: string | undefined;
}

function feedOutline(feed: OpmlFeed, indent: string): string {
  const description = feed.description ? ` description="${escapeXml(feed.description)}"` : '';
  return (
    `${indent}<outline type="rss" version="RSS2" text="${escapeXml(feed.title)}" ` +
    `title="${escapeXml(feed.title)}" xmlUrl="${escapeXml(feed.xmlUrl)}" ` +
    `htmlUrl="${escapeXml(feed.htmlUrl)}" language="nb-NO"${description}/>\n`
  );
}

/** Writes OPML 2.0 with one outline per group; empty groups are left out. */
export function writeOpml(head: OpmlHead, groups: readonly OpmlGroup[]): string {
  let xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n' +
    `    <title>${escapeXml(head.title)}</title>\n`;
  if (head.ownerName) xml += `    <ownerName>${escapeXml(head.ownerName)}</ownerName>\n`;
  xml += `    <docs>http://opml.org/spec2.opml</docs>\n  </head>\n  <body>\n`;
  for (const group of groups) {
    if (group.feeds.length === 0) continue;
    xml += `    <outline text="${escapeXml(group.title)}" title="${escapeXml(group.title)}">\n`;
    for (const feed of group.feeds) xml += feedOutline(feed, '      ');
    xml += '    </outline>\n';
  }
  xml += '  </body>\n</opml>\n';
  return xml;
}
