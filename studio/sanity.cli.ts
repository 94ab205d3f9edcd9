/**
 * The Sanity CLI's configuration: which project the commands talk to, where the extracted
 * schema goes, and how TypeGen finds the site's `defineQuery` calls.
 */
import { defineCliConfig } from 'sanity/cli';
import { studioEnv } from './env.ts';

export default defineCliConfig({
  api: { projectId: studioEnv.projectId, dataset: studioEnv.dataset },
  deployment: { autoUpdates: false },
  schemaExtraction: {
    path: './schema.json',
    // Required fields become non-optional in schema.json and in the generated types.
    enforceRequiredFields: true,
  },
  typegen: {
    path: '../src/**/*.{ts,astro}',
    schema: './schema.json',
    generates: '../src/sanity/sanity.types.ts',
    overloadClientMethods: true,
  },
});
