// @ts-check
import './scripts/require-node.mjs';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { getSiteConfig } from './src/config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

const config = getSiteConfig();

export default defineConfig({
  site: config.siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap(), pagefindIntegration()],
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
});
