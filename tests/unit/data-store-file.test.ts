/**
 * The content store read from its file: the module the plugin gives the server bundle
 * returns exactly what the file holds and names the file when it cannot; the plugin steps in
 * only for Astro's store module, in a server environment, and its guard fails the build
 * when the store file is missing, when the plugin never saw the module (as after an Astro
 * that renamed it) or when the pages never read the store through it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin as VitePlugin } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RESOLVED_DATA_STORE_ID,
  clearStoreRead,
  dataStoreFilePlugin,
  dataStoreFromFile,
  dataStoreModule,
  findDataStoreFileProblem,
  getDataStoreFile,
  getStoreRead,
} from '../../src/internals/data-store-file.ts';
import { InternalsGuardError } from '../../src/internals/guard.ts';

let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-data-store-'));
});

afterEach(async () => {
  clearStoreRead();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Writes the module for `file` and imports it, as the bundle would. */
async function importModule(file: string, name: string): Promise<unknown> {
  const module = path.join(tmp, `${name}.mjs`);
  await fs.writeFile(module, dataStoreModule(file));
  const imported = (await import(pathToFileURL(module).href)) as { default: unknown };
  return imported.default;
}

type LoadHandler = (this: unknown, id: string) => unknown;

/** Calls the plugin's load hook as Vite would, in the named environment. */
function load(file: string, id: string, environment: string): unknown {
  const hook = dataStoreFilePlugin(file).load as { order: string; handler: LoadHandler };
  expect(hook.order).toBe('pre');
  return hook.handler.call({ environment: { name: environment } }, id);
}

describe('the content store read from its file', () => {
  it('is the file in the cache folder that Astro writes the store to', () => {
    expect(getDataStoreFile(pathToFileURL(`${tmp}/cache/`))).toBe(
      path.join(tmp, 'cache', 'data-store.json'),
    );
  });

  it('gives the bundle what the file holds, strings with quotes and æøå included', async () => {
    const file = path.join(tmp, 'it\'s "data-store".json');
    const store = [{ posts: 1 }, 'Bærum', 'sier "hei"\n', 42, null];
    await fs.writeFile(file, JSON.stringify(store));
    expect(getStoreRead()).toBeUndefined();
    expect(await importModule(file, 'good')).toEqual(store);
    // What the guard reads at the end of the build: the pages read the store from the file.
    expect(getStoreRead()).toEqual({ file });
  });

  it('names the file and the fix when the file is missing or corrupt', async () => {
    const corrupt = path.join(tmp, 'corrupt.json');
    await fs.writeFile(corrupt, '[{"posts":');
    await expect(importModule(corrupt, 'corrupt')).rejects.toThrow(
      new RegExp(`content store ${corrupt}.*Delete the cache folder and build again`),
    );
    // Astro swallows the module's error, so the module notes it for the guard.
    expect(getStoreRead()).toEqual({
      error: expect.stringMatching(/^Cannot read the content store .*corrupt\.json/) as unknown,
    });
    const missing = path.join(tmp, 'missing.json');
    await expect(importModule(missing, 'missing')).rejects.toThrow(/ENOENT/);
  });

  it('loads only the store module, only for prerendered pages, and fails without the file', async () => {
    const file = path.join(tmp, 'data-store.json');
    const id = '\0astro:data-layer-content';
    expect(() => load(file, id, 'prerender')).toThrow(
      new RegExp(
        `^tanketanken:data-store-file did not take effect: .*did not write the store to ${file}\\..*docs/upgrading\\.md`,
      ),
    );
    await fs.writeFile(file, '[]');
    expect(load(file, id, 'prerender')).toEqual({
      code: dataStoreModule(file),
      meta: { astroIncremental: { kind: 'content-data' } },
    });
    // The browser's bundle, and a server bundle for an adapter, which runs elsewhere.
    expect(load(file, id, 'client')).toBeNull();
    expect(load(file, id, 'ssr')).toBeNull();
    expect(load(file, 'astro:data-layer-content', 'prerender')).toBeNull();
    expect(load(file, '\0astro:content', 'prerender')).toBeNull();
  });
});

/** The integration's hooks and Vite plugin as `astro build` would set them up. */
function setUpIntegration(integration: AstroIntegration, cacheDir: URL) {
  const plugins: VitePlugin[] = [];
  const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
  hooks['astro:config:setup']?.({
    command: 'build',
    config: { cacheDir, experimental: {} },
    updateConfig: (config: { vite: { plugins: VitePlugin[] } }) =>
      plugins.push(...config.vite.plugins),
  });
  const plugin = plugins[0];
  if (!plugin) throw new Error('The integration added no Vite plugin.');
  const handler = (plugin.load as { handler: LoadHandler }).handler;
  const buildEnd = plugin.buildEnd as (this: unknown, error?: Error) => void;
  const prerender = { environment: { name: 'prerender' } };
  return {
    /** Vite loading Astro's store module for the pages' bundle. */
    loadStore: () => handler.call(prerender, RESOLVED_DATA_STORE_ID),
    /** The end of the pages' bundle. */
    endBundle: () => buildEnd.call(prerender),
    /** The end of the build. */
    finish: () => hooks['astro:build:done']?.({}),
  };
}

describe('the guard of the content store read from its file', () => {
  it('lets a build pass where the plugin replaced the module and the pages read the file', async () => {
    const file = path.join(tmp, 'data-store.json');
    await fs.writeFile(file, '[]');
    const build = setUpIntegration(dataStoreFromFile(), pathToFileURL(`${tmp}/`));
    expect(build.loadStore()).not.toBeNull();
    expect(() => build.endBundle()).not.toThrow();
    await importModule(file, 'read');
    expect(() => build.finish()).not.toThrow();
  });

  it('fails the bundle when Astro renames its store module (the plugin then never sees it)', async () => {
    await fs.writeFile(path.join(tmp, 'data-store.json'), '[]');
    const renamed = '\0astro:data-layer-content-v2';
    const build = setUpIntegration(
      dataStoreFromFile({ storeModuleId: renamed }),
      pathToFileURL(`${tmp}/`),
    );
    // Vite asks for the module under Astro's id; the plugin waits for another one.
    expect(build.loadStore()).toBeNull();
    expect(() => build.endBundle()).toThrow(InternalsGuardError);
    expect(() => build.endBundle()).toThrow(
      /^tanketanken:data-store-file did not take effect: Astro's store module "\\u0000astro:data-layer-content-v2" never came to the bundle of the pages \(Vite environment "prerender"\)/,
    );
    expect(() => build.finish()).toThrow(/never came to the bundle of the pages/);
  });

  it('fails the build when the pages never read the store through the module', async () => {
    const file = path.join(tmp, 'data-store.json');
    await fs.writeFile(file, '[]');
    const build = setUpIntegration(dataStoreFromFile(), pathToFileURL(`${tmp}/`));
    build.loadStore();
    build.endBundle();
    expect(() => build.finish()).toThrow(
      /did not take effect: the pages never read the store through the module/,
    );
  });

  it('names the error Astro swallowed when the module could not read the store', () => {
    expect(
      findDataStoreFileProblem({ replaced: true }, { error: 'Cannot read the content store x' }),
    ).toBe('the pages could not read the store: Cannot read the content store x');
    expect(findDataStoreFileProblem({ replaced: true }, { file: 'x' })).toBeUndefined();
  });
});
