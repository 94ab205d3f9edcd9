/**
 * Builds the embedded site once for the whole test run; integration and browser tests
 * read the same `test-results/site/`. A failed build fails the run with its output.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from './helpers/build-site.ts';

/** Where this run's shared build goes; one folder per run, so parallel runs never collide. */
export const SITE_DIR = path.join(ROOT, 'test-results', `site-${process.pid}`);

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

/** Removes this run's build when the run ends. */
export async function teardown(): Promise<void> {
  await fs.rm(SITE_DIR, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    buildOutput: string;
  }
}
