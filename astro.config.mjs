// @ts-check
import './scripts/require-node.mjs';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { getSiteConfig } from './src/config.ts';

const config = getSiteConfig();

export default defineConfig({
  site: config.siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
});
