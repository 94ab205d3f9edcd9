/**
 * The Astro content-layer loader: the only door from Sanity into Astro. Every collection
 * shares one load of the site's content; each entry carries a digest so an unchanged
 * document is not parsed again on a warm build.
 */
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { getSiteConfig } from '../config.ts';
import { getSiteContent, type LoadedSite } from './source.ts';

/** The collections the loader fills, by the key they have in the loaded content. */
export type CollectionKey =
  | 'posts'
  | 'projectStories'
  | 'caseStudies'
  | 'people'
  | 'topics'
  | 'serviceAreas'
  | 'pages'
  | 'siteSettings';

function entriesOf(site: LoadedSite, key: CollectionKey): { id: string }[] {
  const value = site[key];
  return Array.isArray(value) ? value : [value];
}

/** Creates the loader of one collection. */
export function sanityLoader(key: CollectionKey): Loader {
  return {
    name: `sanity:${key}`,
    async load(context) {
      const { store, logger, config } = context;
      const root = path.resolve(decodeURIComponent(config.root.pathname));
      const site = await getSiteContent(getSiteConfig(), {
        cwd: root,
        now: new Date(),
        warn: (line) => logger.warn(line),
        info: (line) => logger.info(line),
      });
      // Local images resolve relative to the export's data.ndjson, given relative to the root.
      const filePath = site.dataFile ? path.relative(root, site.dataFile) : undefined;
      const seen = new Set<string>();
      for (const item of entriesOf(site, key)) {
        seen.add(item.id);
        const digest = context.generateDigest(item);
        if (store.get(item.id)?.digest === digest) continue;
        const data = await context.parseData({
          id: item.id,
          data: item,
          ...(filePath ? { filePath } : {}),
        });
        store.set({ id: item.id, data, digest, ...(filePath ? { filePath } : {}) });
      }
      for (const id of store.keys()) {
        if (!seen.has(id)) store.delete(id);
      }
    },
  };
}
