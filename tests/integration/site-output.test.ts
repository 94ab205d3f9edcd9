/**
 * Whole-site checks over the shared build of the embedded dataset: every HTML file is
 * valid, no page but search loads a script, every internal link and image resolves,
 * and every page has the head the issue asks for.
 */
import { existsSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TYPE_SEGMENTS } from '../../content-schemas/routes.ts';

const SITE_ORIGIN = 'https://tanketanken.example';

let siteDir: string;
let pages: { file: string; html: string }[];

beforeAll(async () => {
  siteDir = inject('siteDir');
  const files = (await fs.readdir(siteDir, { recursive: true }))
    .filter((file) => file.endsWith('.html'))
    .sort();
  pages = await Promise.all(
    files.map(async (file) => ({
      file,
      html: await fs.readFile(path.join(siteDir, file), 'utf8'),
    })),
  );
});

/** Whether a page is the search page, which the search engineer owns and may script. */
const NOINDEX_PAGES = [
  '404.html',
  'innovasjonsprisen/meld-inn/kvittering/index.html',
  'innovasjonsprisen/meld-inn/stengt/index.html',
];
const isSearchPage = (file: string) => file.split(path.sep)[0] === 'sok';

describe('built HTML', () => {
  it('has a page of every type', () => {
    const files = pages.map((page) => page.file.split(path.sep).join('/'));
    for (const expected of [
      'index.html',
      '404.html',
      'innlegg/index.html',
      'innlegg/side/2/index.html',
      'prosjekter/index.html',
      'caser/index.html',
      'om/index.html',
      'tilgjengelighet/index.html',
    ]) {
      expect(files).toContain(expected);
    }
    for (const folder of [...Object.values(TYPE_SEGMENTS), 'arkiv', 'innovasjonsprisen']) {
      expect(
        files.some((file) => new RegExp(`^${folder}/(?!side/)[^/]+/index\\.html$`).test(file)),
        folder,
      ).toBe(true);
    }
  });

  it('passes html-validate (recommended) with zero errors in every file', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // HTML5 allows ids that start with a digit; headings like «1. Feil må ha eit namn»
        // get such ids, and fragment links to them work in every browser.
        'valid-id': ['error', { relaxed: true }],
      },
    });
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.file);
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(
            `${page.file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          );
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('loads no script on any page but search and subscribe (JSON-LD data blocks are not scripts that run)', () => {
    const offenders: string[] = [];
    // The subscribe page's copy button is its only script (progressive enhancement).
    const isSubscribePage = (file: string) => file === path.join('abonner', 'index.html');
    for (const page of pages.filter(
      (candidate) => !isSearchPage(candidate.file) && !isSubscribePage(candidate.file),
    )) {
      for (const match of page.html.matchAll(/<script\b[^>]*>/gi)) {
        if (!/^<script type="application\/ld\+json">$/i.test(match[0])) {
          offenders.push(`${page.file}: ${match[0]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    const others = pages.filter((page) => !isSearchPage(page.file));
    expect(others.filter((page) => page.html.includes('application/ld+json'))).toHaveLength(
      others.length,
    );
  });

  it('gives every page a title, description, canonical, OG/Twitter image and safe JSON-LD', () => {
    for (const page of pages.filter((candidate) => !isSearchPage(candidate.file))) {
      const { html, file } = page;
      expect(html, file).toMatch(/<title>[^<]+<\/title>/);
      expect(html, file).toMatch(/<meta name="description" content="[^"]+">/);
      // The 404 page is served at every missing URL, and the nomination form's receipt and
      // closed pages answer a POST: none names a canonical URL, and none is for search engines.
      if (NOINDEX_PAGES.includes(file.split(path.sep).join('/'))) {
        expect(html, file).toContain('<meta name="robots" content="noindex">');
        expect(html, file).not.toContain('rel="canonical"');
      } else {
        expect(html, file).toMatch(new RegExp(`<link rel="canonical" href="${SITE_ORIGIN}/`));
        expect(html, file).not.toContain('name="robots"');
      }
      expect(html, file).toMatch(new RegExp(`<meta property="og:image" content="${SITE_ORIGIN}/`));
      expect(html, file).toMatch(new RegExp(`<meta name="twitter:image" content="${SITE_ORIGIN}/`));
      expect(html, file).toMatch(
        /<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/rss\.xml"/,
      );
      const jsonLd =
        /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      expect(jsonLd, file).not.toMatch(/[<>]/);
      const graph = JSON.parse(jsonLd) as { '@type': string }[];
      expect(
        graph.map((node) => node['@type']),
        file,
      ).toContain('Organization');
    }
  });

  it('marks posts as BlogPosting and projects and cases as Article, with their language', () => {
    const detail = (folder: string) =>
      pages.filter((page) =>
        new RegExp(`^${folder}/(?!side/)[^/]+/index\\.html$`).test(
          page.file.split(path.sep).join('/'),
        ),
      );
    for (const [folder, type] of [
      ['innlegg', 'BlogPosting'],
      ['prosjekter', 'Article'],
      ['caser', 'Article'],
    ] as const) {
      for (const page of detail(folder)) {
        const lang = /<html lang="(nb|nn|en)">/.exec(page.html)?.[1];
        const jsonLd =
          /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.html)?.[1] ?? '[]';
        const article = (JSON.parse(jsonLd) as Record<string, unknown>[]).find(
          (node) => node['@type'] === type,
        );
        expect(article?.['inLanguage'], page.file).toBe(lang);
      }
    }
  });
});

/** Every URL a page points at: href, src, each srcset candidate and preview images. */
function collectUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\s(href|src|srcset|content)="([^"]*)"/g)) {
    const [, name, raw = ''] = match;
    const value = raw.replace(/&amp;/g, '&');
    if (name === 'srcset') {
      urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
    } else if (name === 'content') {
      if (value.startsWith(`${SITE_ORIGIN}/`) && /\.(png|jpe?g|webp|avif)$/.test(value))
        urls.push(value);
    } else {
      urls.push(value);
    }
  }
  return urls.filter(Boolean);
}

/** The file in dist a site path stands for, if there is one. */
function resolveInDist(root: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/')
    ? [path.join(root, decoded, 'index.html')]
    : [path.join(root, decoded), path.join(root, decoded, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

describe('link check over dist', () => {
  it('resolves every internal href, src and srcset entry to a file, and every #fragment to an id', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const pageUrl = new URL(
        `/${page.file
          .split(path.sep)
          .join('/')
          .replace(/index\.html$/, '')}`,
        SITE_ORIGIN,
      );
      for (const raw of collectUrls(page.html)) {
        if (raw.startsWith('#')) {
          const id = decodeURIComponent(raw.slice(1));
          checked += 1;
          if (!page.html.includes(`id="${id}"`)) broken.push(`${page.file}: ${raw} (no such id)`);
          continue;
        }
        let url: URL;
        try {
          url = new URL(raw, pageUrl);
        } catch {
          broken.push(`${page.file}: ${raw} (not a URL)`);
          continue;
        }
        if (url.origin !== SITE_ORIGIN) continue;
        if (url.pathname === '/sok/' && url.search) continue;
        checked += 1;
        const file = resolveInDist(siteDir, url.pathname);
        if (!file) broken.push(`${page.file}: ${raw}`);
        else if (url.hash && file.endsWith('.html') && url.pathname !== pageUrl.pathname) {
          // Fragments into other pages are checked against that page's ids.
          const target = pages.find((candidate) => path.join(siteDir, candidate.file) === file);
          const id = decodeURIComponent(url.hash.slice(1));
          if (target && !target.html.includes(`id="${id}"`))
            broken.push(`${page.file}: ${raw} (no such id)`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it('serves robots.txt pointing at the absolute sitemap, which exists', async () => {
    const robots = await fs.readFile(path.join(siteDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE_ORIGIN}/sitemap-index.xml`);
    expect(existsSync(path.join(siteDir, 'sitemap-index.xml'))).toBe(true);
  });
});
