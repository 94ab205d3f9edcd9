/**
 * Builds the embedded site once for the whole test run; integration and browser tests
 * read the same `test-results/site/`. A failed build fails the run with its output.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from './helpers/build-site.ts';

/** Where the shared build goes. */
export const SITE_DIR = path.join(ROOT, 'test-results', 'site');

const shared = globalThis as { tanketankenSiteBuild?: ReturnType<typeof buildSite> };

export default async function setup(project: TestProject): Promise<void> {
  // Integration and browser projects share one build per run.
  shared.tanketankenSiteBuild ??= buildSite(SITE_DIR, { SITE_URL: 'https://tanketanken.example' });
  const result = await shared.tanketankenSiteBuild;
  if (result.code !== 0) {
    throw new Error(`The embedded site did not build (exit ${result.code}):\n${result.output}`);
  }
  project.provide('siteDir', SITE_DIR);
  project.provide('buildOutput', result.output);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    buildOutput: string;
  }
}
