/**
 * Lets the pages read Astro's content store from its file instead of from the bundle.
 *
 * Astro compiles the whole content-layer store into the render bundle as one string literal
 * (`export default JSON.parse("…")`): at 10,000 documents a 21 MB module that the bundler
 * parses, transforms and writes, and that V8 then compiles, keeping its source. Its native
 * memory stays with the bundler's allocator for the rest of the build. A static build
 * renders on the machine that synced the content, right after the sync, so the bundle can
 * just as well read the store file Astro wrote (`<cacheDir>/data-store.json`) when the pages
 * first ask for it: the same data, parsed the same way, without the detour.
 *
 * Only for `astro build`, only in the bundle of prerendered pages, and only when the store
 * is the single file this expects; otherwise Astro's own module is used, unchanged.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin as VitePlugin } from 'vite';

/**
 * The Vite environment in which Astro bundles the pages it prerenders: its bundle runs only
 * during the build, on this machine, so it may read a file from the build's cache folder.
 * (A server bundle made for an adapter keeps Astro's own store module: it runs elsewhere.)
 */
export const PRERENDER_ENVIRONMENT = 'prerender';

/** Astro's virtual module of the store, as resolved (`\0` marks a virtual module). */
const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

/** The file Astro writes the store to in a build, in its `cacheDir`. */
export function getDataStoreFile(cacheDir: URL): string {
  return fileURLToPath(new URL('data-store.json', cacheDir));
}

/** The module that reads the store file; a parse error names the file and the fix. */
export function dataStoreModule(file: string): string {
  const name = JSON.stringify(file);
  return [
    `import { readFileSync } from 'node:fs';`,
    `let data;`,
    `try {`,
    `  data = JSON.parse(readFileSync(${name}, 'utf8'));`,
    `} catch (error) {`,
    `  throw new Error('Cannot read the content store ' + ${name} + ' (' + error.message + '). Delete the cache folder and build again.', { cause: error });`,
    `}`,
    `export default data;`,
    ``,
  ].join('\n');
}

/** The Vite plugin: loads the store module before Astro's own plugin does. */
export function dataStoreFilePlugin(file: string): VitePlugin {
  return {
    name: 'tanketanken:data-store-file',
    apply: 'build',
    load: {
      // Before Astro's loader of the same module, which would inline the whole file.
      order: 'pre',
      filter: { id: new RegExp(`^${RESOLVED_DATA_STORE_ID}$`) },
      handler(id) {
        if (id !== RESOLVED_DATA_STORE_ID) return null;
        if (this.environment.name !== PRERENDER_ENVIRONMENT || !existsSync(file)) return null;
        return {
          code: dataStoreModule(file),
          // As Astro marks its own store module: content data, which the incremental build
          // leaves out of the pages' code hashes (entries are tracked one by one instead).
          meta: { astroIncremental: { kind: 'content-data' } },
        };
      },
    },
  };
}

/** The integration. */
export function dataStoreFromFile(): AstroIntegration {
  return {
    name: 'tanketanken:data-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const storage = (config.experimental as { collectionStorage?: unknown }).collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        updateConfig({
          vite: { plugins: [dataStoreFilePlugin(getDataStoreFile(config.cacheDir))] },
        });
      },
    },
  };
}
