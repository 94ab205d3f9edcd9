import './scripts/require-node.mjs';
import { defineConfig } from 'vitest/config';

/** Whole-build projects: one shared build of the sample site, one file at a time. */
const wholeBuild = {
  globalSetup: ['tests/global-setup.ts'],
  hookTimeout: 300_000,
  fileParallelism: false,
};

export default defineConfig({
  test: {
    // `npm test` runs unit, integration and e2e; `npm run test:bench` runs bench on its own.
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 300_000,
          ...wholeBuild,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          ...wholeBuild,
        },
      },
      {
        // The benchmark tooling (scripts/bench*): slow whole benchmark runs that test the
        // measuring, not the site, so they stay out of npm test and CI runs them apart.
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          testTimeout: 300_000,
          ...wholeBuild,
        },
      },
      {
        test: {
          name: 'studio',
          include: ['tests/studio/**/*.test.ts'],
          globalSetup: ['tests/studio/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
