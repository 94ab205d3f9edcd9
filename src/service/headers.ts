/**
 * The response headers of the site, defined once: the service sends them, and
 * `formatHeadersFile` writes the same rules as `public/_headers` (Netlify, Cloudflare Pages
 * and others read that file), so a site hosted without the service gets the same headers.
 * A unit test fails when the file and this module differ. See docs/operations.md.
 */

/** Where the site loads from besides itself: images from Sanity's CDN when built from a project. */
const IMAGE_HOSTS = ['https://cdn.sanity.io'];

/**
 * The Content-Security-Policy: the site's own scripts, styles and workers only, nothing
 * inline (the JSON-LD blocks are data, not scripts, so CSP does not apply to them).
 * `wasm-unsafe-eval` lets Pagefind compile its WebAssembly search; no `unsafe-eval`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  `img-src 'self' data: ${IMAGE_HOSTS.join(' ')}`,
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers every response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sent over TLS only: browsers ignore it over plain HTTP, and it must never lock out a test host. */
export const HSTS_HEADER = 'max-age=63072000; includeSubDomains';

/** For files whose name changes with their content: cache for a year, never revalidate. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** For HTML, feeds, JSON and every other file that keeps its name: ask the server each time. */
export const REVALIDATE_CACHE = 'public, max-age=0, must-revalidate';

/** For the service's own API answers. */
export const NO_STORE = 'no-store';

/**
 * URL path patterns (`*` = any characters) whose files are named by their content: Astro's
 * hashed assets and Pagefind's fragments, index chunks and filters.
 */
export const IMMUTABLE_PATHS: readonly string[] = [
  '/_astro/*',
  '/pagefind/fragment/*',
  '/pagefind/index/*',
  '/pagefind/filter/*',
  '/pagefind/overlay/fragment/*',
  '/pagefind/overlay/index/*',
  '/pagefind/overlay/filter/*',
];

/**
 * URL path patterns (one `*` each, as static hosts' `_headers` allow) of what other sites
 * and tools may read from a browser: the search index (for a network search that merges it),
 * the feeds, the feed list and the open data. Public by nature, so any origin may read them,
 * without credentials. See docs/operations.md.
 */
export const SHARED_PATHS: readonly string[] = [
  '/pagefind/*',
  '/rss.xml',
  '/innlegg/rss.xml',
  '/prosjekter/rss.xml',
  '/caser/rss.xml',
  '/tema/*/rss.xml',
  '/tjenesteomrader/*/rss.xml',
  '/feeds.opml',
  '/data/*',
];

/** The header that lets any origin read a shared path (CORS, no credentials). */
export const SHARED_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
};

/** Whether `pathname` matches a path pattern in which `*` stands for any characters. */
function matchesPattern(pathname: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return pathname === pattern;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return (
    pathname.length >= head.length + tail.length &&
    pathname.startsWith(head) &&
    pathname.endsWith(tail)
  );
}

/** Whether `pathname` names a file whose content never changes under that name. */
export function isImmutablePath(pathname: string): boolean {
  return IMMUTABLE_PATHS.some((pattern) => matchesPattern(pathname, pattern));
}

/** Whether `pathname` names a file that other origins may read (feeds, index, open data). */
export function isSharedPath(pathname: string): boolean {
  return SHARED_PATHS.some((pattern) => matchesPattern(pathname, pattern));
}

/** The Cache-Control header for a path. */
export function getCacheControl(pathname: string): string {
  return isImmutablePath(pathname) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/** The headers the service adds to a static file's response (security and caching). */
export function getStaticHeaders(
  pathname: string,
  options: { tls: boolean },
): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    ...(options.tls ? { 'Strict-Transport-Security': HSTS_HEADER } : {}),
    'Cache-Control': getCacheControl(pathname),
    ...(isSharedPath(pathname) ? SHARED_HEADERS : {}),
  };
}

/**
 * The `_headers` file for static hosts: the security headers and revalidation for every
 * path, then `immutable` for the hashed ones. Static hosts serve over TLS, so HSTS is in.
 */
export function formatHeadersFile(): string {
  const lines = [
    '# Written by `npm run serve -- --write-headers` from src/service/headers.ts; do not edit by hand.',
    '# The same headers the publishing service sends (see docs/operations.md).',
    '/*',
  ];
  const all = { ...SECURITY_HEADERS, 'Strict-Transport-Security': HSTS_HEADER };
  for (const [name, value] of Object.entries(all)) lines.push(`  ${name}: ${value}`);
  lines.push(`  Cache-Control: ${REVALIDATE_CACHE}`);
  for (const pattern of IMMUTABLE_PATHS) {
    // `! Cache-Control` drops the inherited value first, so the two never combine.
    lines.push(pattern, '  ! Cache-Control', `  Cache-Control: ${IMMUTABLE_CACHE}`);
  }
  for (const pattern of SHARED_PATHS) {
    lines.push(pattern);
    for (const [name, value] of Object.entries(SHARED_HEADERS)) lines.push(`  ${name}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
