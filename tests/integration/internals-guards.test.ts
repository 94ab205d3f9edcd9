/**
 * The guards of the plugins in src/internals/, in real builds of the small fixture dataset:
 * each build swaps one plugin for a copy that simulates the Astro upgrade its guard is there
 * for (a renamed store module, a renamed bundle environment, an output folder emptied
 * against the plugin's request), and the build must fail naming the plugin, what changed and
 * the upgrade checklist. The builds that pass with every plugin in effect are the other
 * whole-build tests (the shared build, the incremental builds into a kept folder).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from '../helpers/build-site.ts';

let tmp: string;

const ENV = {
  SITE_URL: 'https://vakt.example',
  LOCAL_DATASET: path.join(ROOT, 'tests', 'fixtures', 'dataset'),
  FORCE_COLOR: '0',
};

/** The three plugins' modules, imported by the configs the tests write. */
const MODULES = ['data-store-file', 'keep-output', 'release-memory'].map(
  (name) => pathToFileURL(path.join(ROOT, 'src', 'internals', `${name}.ts`)).href,
);

/**
 * Builds the fixture site with the site's config, but with the integration `name` replaced
 * by `replacement` (an expression over the plugins' factories); returns what the build said.
 */
async function buildWith(
  label: string,
  name: string,
  replacement: string,
  prepare: (outDir: string) => Promise<void> = async () => {},
): Promise<BuildResult> {
  const outDir = path.join(tmp, `${label}-dist`);
  const config = path.join(tmp, `${label}.config.mjs`);
  await fs.writeFile(
    config,
    [
      `import base from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'astro.config.mjs')).href)};`,
      `import { dataStoreFromFile } from ${JSON.stringify(MODULES[0])};`,
      `import { keepOutput } from ${JSON.stringify(MODULES[1])};`,
      `import { releaseBuildMemory } from ${JSON.stringify(MODULES[2])};`,
      `const integrations = base.integrations.map((integration) =>`,
      `  integration.name === ${JSON.stringify(name)} ? ${replacement} : integration,`,
      `);`,
      `export default { ...base, integrations, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(path.join(tmp, `${label}-cache`))} };`,
      ``,
    ].join('\n'),
  );
  await prepare(outDir);
  return buildSite(outDir, ENV, { config: path.relative(ROOT, config), search: false });
}

/** The guard's message for `plugin`, as the build printed it. */
function guardMessage(plugin: string, detail: string): RegExp {
  return new RegExp(
    `${plugin} did not take effect: ${detail}.*read the section "${plugin}" of docs/upgrading\\.md`,
  );
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-guards-'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the guards of the plugins that lean on internals, in real builds', () => {
  it('data-store-file: fails the build, before the render, when Astro renames its store module', async () => {
    const built = await buildWith(
      'store',
      'tanketanken:data-store-file',
      `dataStoreFromFile({ storeModuleId: '\\0astro:data-layer-content-v2' })`,
    );
    expect(built.code).not.toBe(0);
    expect(built.output).toMatch(
      guardMessage(
        'tanketanken:data-store-file',
        `Astro's store module "\\\\u0000astro:data-layer-content-v2" never came to the bundle of the pages`,
      ),
    );
    // The alarm comes at the end of the pages' bundle: no page was rendered.
    await expect(fs.stat(path.join(built.outDir, 'index.html'))).rejects.toThrow(/ENOENT/);
  });

  it('release-memory: fails the build when Astro bundles the pages in another environment', async () => {
    const built = await buildWith(
      'memory',
      'tanketanken:release-memory',
      `releaseBuildMemory({ pagesEnvironment: 'pages' })`,
    );
    expect(built.code).not.toBe(0);
    expect(built.output).toMatch(
      guardMessage(
        'tanketanken:release-memory',
        'the release after the bundle of the pages never ran: no bundle closed in the Vite environment "pages"',
      ),
    );
  });

  it('keep-output: fails the build when Astro empties the output folder all the same', async () => {
    const earlier = path.join('innlegg', 'fra-en-tidligere-bygging', 'index.html');
    const built = await buildWith(
      'output',
      'tanketanken:keep-output',
      'keepOutput({ keepFolder: false })',
      async (outDir) => {
        // What an earlier build left, which Astro deletes when it empties the folder.
        await fs.mkdir(path.dirname(path.join(outDir, earlier)), { recursive: true });
        await fs.writeFile(path.join(outDir, earlier), '<!doctype html>');
      },
    );
    expect(built.code).not.toBe(0);
    expect(built.output).toMatch(
      guardMessage(
        'tanketanken:keep-output',
        'Astro emptied the output folder .* although vite\\.build\\.emptyOutDir is false',
      ),
    );
    await expect(fs.stat(path.join(built.outDir, earlier))).rejects.toThrow(/ENOENT/);
  });
});
