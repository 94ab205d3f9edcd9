/**
 * The Studio's configuration, read and checked once. Sanity's build replaces each literal
 * `process.env.SANITY_STUDIO_*` that is set; one that isn't set has no `process` to read from
 * in the browser, hence `read`. Defaults let the Studio build and validate offline.
 */

declare global {
  // The variables the Studio reads; typed so `process.env.NAME` stays the literal the build replaces.
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Node's ProcessEnv lives in this namespace
  namespace NodeJS {
    interface ProcessEnv {
      SANITY_STUDIO_PROJECT_ID?: string;
      SANITY_STUDIO_DATASET?: string;
      SANITY_STUDIO_SITE_URL?: string;
      SANITY_STUDIO_DEMO?: string;
    }
  }
}

/** Placeholder project id: enough to build and validate; set a real one to edit content. */
export const DEFAULT_PROJECT_ID = 'tanketanken';
/** The dataset the site reads by default. */
export const DEFAULT_DATASET = 'production';
/** Where `npm start` serves the site. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

function read(get: () => string | undefined): string | undefined {
  try {
    const value = get()?.trim();
    return value === undefined || value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

function requireMatch(name: string, value: string, pattern: RegExp, hint: string): string {
  if (!pattern.test(value)) {
    throw new Error(`${name}="${value}" kan ikke brukes: ${hint}`);
  }
  return value;
}

function readSiteUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // Falls through to the error below, which names the variable.
  }
  throw new Error(
    `SANITY_STUDIO_SITE_URL="${value}" kan ikke brukes: skriv nettstedets adresse med http:// eller https://.`,
  );
}

/** The project, dataset and site the Studio works against. */
export const studioEnv = {
  projectId: requireMatch(
    'SANITY_STUDIO_PROJECT_ID',
    read(() => process.env.SANITY_STUDIO_PROJECT_ID) ?? DEFAULT_PROJECT_ID,
    /^[a-z0-9-]+$/,
    'prosjekt-id-en består av små bokstaver, tall og bindestrek (se sanity.io/manage).',
  ),
  dataset: requireMatch(
    'SANITY_STUDIO_DATASET',
    read(() => process.env.SANITY_STUDIO_DATASET) ?? DEFAULT_DATASET,
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'datasettnavn består av små bokstaver, tall, _ og -.',
  ),
  siteUrl: readSiteUrl(read(() => process.env.SANITY_STUDIO_SITE_URL) ?? DEFAULT_SITE_URL),
  /**
   * Set only by `npm run studio:demo`: the Studio talks to the local stand-in on its own
   * origin instead of Sanity, and says on screen that it is a demo.
   */
  demo: read(() => process.env.SANITY_STUDIO_DEMO) === 'true',
} as const;
