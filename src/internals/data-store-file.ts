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
 *
 * Private details it relies on (Astro's module id and file name, the environment the pages
 * are bundled in, the pages rendering in the build's own process) are listed in
 * docs/upgrading.md. Its guard fails the build when the plugin never replaced the store
 * module in the pages' bundle, or when the pages never read the store through it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin as VitePlugin } from 'vite';
import { InternalsGuardError } from './guard.ts';

/** The integration's name, which its guard's error and the upgrade checklist use too. */
export const DATA_STORE_FILE_PLUGIN = 'tanketanken:data-store-file';

/**
 * The Vite environment in which Astro bundles the pages it prerenders: its bundle runs only
 * during the build, on this machine, so it may read a file from the build's cache folder.
 * (A server bundle made for an adapter keeps Astro's own store module: it runs elsewhere.)
 */
export const PRERENDER_ENVIRONMENT = 'prerender';

/** Astro's virtual module of the store, as resolved (`\0` marks a virtual module). */
export const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

/**
 * The global key under which the store module notes that it ran: Astro swallows any error
 * the module throws (and renders an empty store), so the guard reads the outcome here.
 */
const STORE_READ_KEY = 'tanketanken.data-store-file.read';

/** What the store module noted when the pages first asked for the store. */
export type StoreRead = { file: string } | { error: string };

/** Options of the integration; tests use them to simulate an Astro that changed. */
export interface DataStoreFileOptions {
  /** Astro's resolved id of its store module (default: the id Astro uses today). */
  storeModuleId?: string | undefined;
}

/** What the plugin saw during the bundle, for its guard. */
export interface StoreModuleSightings {
  /** The plugin gave the pages' bundle its own store module. */
  replaced: boolean;
}

/** The file Astro writes the store to in a build, in its `cacheDir`. */
export function getDataStoreFile(cacheDir: URL): string {
  return fileURLToPath(new URL('data-store.json', cacheDir));
}

/**
 * The module that reads the store file; a parse error names the file and the fix. It notes
 * the outcome under `STORE_READ_KEY`, since Astro does not pass the error on.
 */
export function dataStoreModule(file: string): string {
  const name = JSON.stringify(file);
  const key = `globalThis[Symbol.for(${JSON.stringify(STORE_READ_KEY)})]`;
  return [
    `import { readFileSync } from 'node:fs';`,
    `let data;`,
    `try {`,
    `  data = JSON.parse(readFileSync(${name}, 'utf8'));`,
    `} catch (error) {`,
    `  const message = 'Cannot read the content store ' + ${name} + ' (' + error.message + '). Delete the cache folder and build again.';`,
    `  ${key} = { error: message };`,
    `  throw new Error(message, { cause: error });`,
    `}`,
    `${key} = { file: ${name} };`,
    `export default data;`,
    ``,
  ].join('\n');
}

/** What the store module noted in this process, if it ran. */
export function getStoreRead(): StoreRead | undefined {
  const value: unknown = Reflect.get(globalThis, Symbol.for(STORE_READ_KEY));
  if (typeof value !== 'object' || value === null) return undefined;
  if ('file' in value && typeof value.file === 'string') return { file: value.file };
  if ('error' in value && typeof value.error === 'string') return { error: value.error };
  return undefined;
}

/** Forgets what an earlier build in this process noted, so each build's guard sees its own. */
export function clearStoreRead(): void {
  Reflect.deleteProperty(globalThis, Symbol.for(STORE_READ_KEY));
}

/** The guard's words when the plugin never saw Astro's store module in the pages' bundle. */
function describeUnseenModule(storeModuleId: string): string {
  return (
    `Astro's store module ${JSON.stringify(storeModuleId)} never came to the bundle of the ` +
    `pages (Vite environment "${PRERENDER_ENVIRONMENT}"), so the pages read the store that ` +
    'Astro inlined into the bundle.'
  );
}

/** Why the plugin did not take effect, or `undefined` when the pages read the store file. */
export function findDataStoreFileProblem(
  sightings: StoreModuleSightings,
  read: StoreRead | undefined,
  storeModuleId: string = RESOLVED_DATA_STORE_ID,
): string | undefined {
  if (!sightings.replaced) return describeUnseenModule(storeModuleId);
  if (read === undefined) {
    return (
      'the pages never read the store through the module it gave the bundle: Astro now loads ' +
      'the store some other way, or renders the pages outside the build process.'
    );
  }
  if ('error' in read) return `the pages could not read the store: ${read.error}`;
  return undefined;
}

/** The Vite plugin: loads the store module before Astro's own plugin does. */
export function dataStoreFilePlugin(
  file: string,
  sightings: StoreModuleSightings = { replaced: false },
  storeModuleId: string = RESOLVED_DATA_STORE_ID,
): VitePlugin {
  return {
    name: DATA_STORE_FILE_PLUGIN,
    apply: 'build',
    load: {
      // Before Astro's loader of the same module, which would inline the whole file.
      order: 'pre',
      filter: { id: new RegExp(`^${storeModuleId}$`) },
      handler(id) {
        if (id !== storeModuleId || this.environment.name !== PRERENDER_ENVIRONMENT) return null;
        if (!existsSync(file)) {
          throw new InternalsGuardError(
            DATA_STORE_FILE_PLUGIN,
            `Astro's store module is in the bundle of the pages, but Astro did not write the ` +
              `store to ${file}.`,
          );
        }
        sightings.replaced = true;
        return {
          code: dataStoreModule(file),
          // As Astro marks its own store module: content data, which the incremental build
          // leaves out of the pages' code hashes (entries are tracked one by one instead).
          meta: { astroIncremental: { kind: 'content-data' } },
        };
      },
    },
    buildEnd(error) {
      // The early alarm: fails before the render, which would read the inlined store.
      if (error !== undefined || this.environment.name !== PRERENDER_ENVIRONMENT) return;
      if (!sightings.replaced) {
        throw new InternalsGuardError(DATA_STORE_FILE_PLUGIN, describeUnseenModule(storeModuleId));
      }
    },
  };
}

/** The integration, with its guard at the end of the build. */
export function dataStoreFromFile(options: DataStoreFileOptions = {}): AstroIntegration {
  const storeModuleId = options.storeModuleId ?? RESOLVED_DATA_STORE_ID;
  /** Undefined when the plugin stays out of this build (not a build, or a chunked store). */
  let sightings: StoreModuleSightings | undefined;
  return {
    name: DATA_STORE_FILE_PLUGIN,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        sightings = undefined;
        if (command !== 'build') return;
        const storage = (config.experimental as { collectionStorage?: unknown }).collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        sightings = { replaced: false };
        clearStoreRead();
        const file = getDataStoreFile(config.cacheDir);
        updateConfig({
          vite: { plugins: [dataStoreFilePlugin(file, sightings, storeModuleId)] },
        });
      },
      'astro:build:done': () => {
        if (sightings === undefined) return;
        const problem = findDataStoreFileProblem(sightings, getStoreRead(), storeModuleId);
        if (problem !== undefined) throw new InternalsGuardError(DATA_STORE_FILE_PLUGIN, problem);
      },
    },
  };
}
