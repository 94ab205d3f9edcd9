/**
 * The content store read from its file: the module the plugin gives the server bundle
 * returns exactly what the file holds and names the file when it cannot; the plugin steps in
 * only for Astro's store module, in a server environment, when the file is there.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dataStoreFilePlugin,
  dataStoreModule,
  getDataStoreFile,
} from '../../src/internals/data-store-file.ts';

let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-data-store-'));
});

afterEach(async () => {
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
    expect(await importModule(file, 'good')).toEqual(store);
  });

  it('names the file and the fix when the file is missing or corrupt', async () => {
    const corrupt = path.join(tmp, 'corrupt.json');
    await fs.writeFile(corrupt, '[{"posts":');
    await expect(importModule(corrupt, 'corrupt')).rejects.toThrow(
      new RegExp(`content store ${corrupt}.*Delete the cache folder and build again`),
    );
    const missing = path.join(tmp, 'missing.json');
    await expect(importModule(missing, 'missing')).rejects.toThrow(/ENOENT/);
  });

  it('loads only the store module, only for prerendered pages, only when the file is there', async () => {
    const file = path.join(tmp, 'data-store.json');
    const id = '\0astro:data-layer-content';
    expect(load(file, id, 'prerender')).toBeNull();
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
