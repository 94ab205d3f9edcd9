/**
 * Builds the Studio in demo mode once for the `studio` test project; every test serves the
 * same build against its own stand-in. A failed build fails the run with its output.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemoStudio, ROOT } from '../../scripts/studio-demo/build-studio.ts';

/** This run's Studio build; one folder per run, so parallel runs never collide. */
const STUDIO_DIR = path.join(ROOT, 'test-results', `studio-${process.pid}`);

/** The site origin the Studio's «Vis på nettstedet» links are built with in the tests. */
export const TEST_SITE_URL = 'https://tanketanken.example';

export default async function setup(project: TestProject): Promise<void> {
  await buildDemoStudio(STUDIO_DIR, { SANITY_STUDIO_SITE_URL: TEST_SITE_URL });
  project.provide('studioDir', STUDIO_DIR);
}

/** Removes this run's build when the run ends. */
export async function teardown(): Promise<void> {
  await fs.rm(STUDIO_DIR, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    studioDir: string;
  }
}
