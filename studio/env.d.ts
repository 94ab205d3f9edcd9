/** The environment variables the Studio reads (see env.ts); all optional. */
declare namespace NodeJS {
  interface ProcessEnv {
    SANITY_STUDIO_PROJECT_ID?: string;
    SANITY_STUDIO_DATASET?: string;
    SANITY_STUDIO_SITE_URL?: string;
  }
}
