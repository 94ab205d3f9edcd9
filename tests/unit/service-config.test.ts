import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBuildEnv, loadServiceConfig } from '../../src/service/config.ts';
import {
  formatHeadersFile,
  getCacheControl,
  getStaticHeaders,
  IMMUTABLE_CACHE,
  REVALIDATE_CACHE,
} from '../../src/service/headers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SECRET = 'x'.repeat(32);

describe('loadServiceConfig', () => {
  it('has defaults for running locally', () => {
    const config = loadServiceConfig({}, '/site');
    expect(config).toMatchObject({
      port: 4321,
      host: '127.0.0.1',
      webhookSecret: undefined,
      siteDir: '/site/dist',
      keepReleases: 3,
      tls: false,
    });
    expect(config.site.source.kind).toBe('local');
  });

  it.each([
    [
      { SANITY_WEBHOOK_SECRET: 'short' },
      /SANITY_WEBHOOK_SECRET: is 5 characters long; use at least 32/,
    ],
    [{ PORT: 'http' }, /PORT: "http" is not a whole number/],
    [{ PORT: '70000' }, /PORT: "70000"/],
    [{ HOST: 'a b' }, /HOST: "a b"/],
    [{ KEEP_RELEASES: '0' }, /KEEP_RELEASES/],
    [{ SERVE_TLS: 'yes' }, /SERVE_TLS/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadServiceConfig(env, '/site')).toThrow(message);
  });

  it('never shows the secret in an error and keeps it out of the build environment', () => {
    const secret = 'abc'.repeat(5);
    expect(() => loadServiceConfig({ SANITY_WEBHOOK_SECRET: secret }, '/')).toThrow(
      /^(?!.*abcabc)/s,
    );
    expect(
      loadServiceConfig({ SANITY_WEBHOOK_SECRET: SECRET, SITE_URL: 'https://a.example' }, '/').tls,
    ).toBe(true);
    expect(getBuildEnv({ SANITY_WEBHOOK_SECRET: SECRET, SITE_URL: 'x', UNSET: undefined })).toEqual(
      { SITE_URL: 'x' },
    );
  });
});

describe('headers', () => {
  it('cache hashed files for good and revalidate everything else', () => {
    expect(getCacheControl('/_astro/BaseLayout.Cs78V6jk.css')).toBe(IMMUTABLE_CACHE);
    expect(getCacheControl('/pagefind/fragment/nb_abc.pf_fragment')).toBe(IMMUTABLE_CACHE);
    expect(getCacheControl('/pagefind/pagefind-entry.json')).toBe(REVALIDATE_CACHE);
    expect(getCacheControl('/innlegg/')).toBe(REVALIDATE_CACHE);
    expect(getCacheControl('/rss.xml')).toBe(REVALIDATE_CACHE);
    expect(getStaticHeaders('/', { tls: true })['Strict-Transport-Security']).toMatch(/max-age=/);
    expect(getStaticHeaders('/', { tls: false })['Strict-Transport-Security']).toBeUndefined();
  });

  it('open the feeds, the search index and the open data to any origin, and nothing else', () => {
    const cors = (pathname: string) =>
      getStaticHeaders(pathname, { tls: false })['Access-Control-Allow-Origin'];
    for (const shared of [
      '/rss.xml',
      '/caser/rss.xml',
      '/tema/velferdsteknologi/rss.xml',
      '/tjenesteomrader/helse-og-omsorg/rss.xml',
      '/feeds.opml',
      '/data/caser.json',
      '/data/caser.csv',
      '/pagefind/pagefind-entry.json',
      '/pagefind/fragment/nb_abc.pf_fragment',
    ]) {
      expect(cors(shared), shared).toBe('*');
    }
    for (const own of [
      '/',
      '/caser/',
      '/tema/velferdsteknologi/',
      '/sok/',
      '/rss.xml.bak',
      '/x/rss.xml',
    ]) {
      expect(cors(own), own).toBeUndefined();
    }
  });

  it('ship to static hosts as public/_headers, identical to what the service sends', async () => {
    const file = await fs.readFile(path.join(ROOT, 'public', '_headers'), 'utf8');
    expect(file, 'public/_headers is out of date: run `npm run serve -- --write-headers`').toBe(
      formatHeadersFile(),
    );
    expect(file).toContain("script-src 'self'");
    expect(file).not.toMatch(/unsafe-inline/);
  });
});
