/** All interface text, in bokmål: one dictionary, so wording stays consistent. */
export const t = {
  siteTagline: 'Innovasjon i kommunen – delt med hele Kommune-Norge',
  skipToContent: 'Hopp til hovedinnhold',
  mainNavigation: 'Hovedmeny',
  nav: {
    home: 'Forside',
    posts: 'Innlegg',
    projects: 'Prosjekter',
    cases: 'Caser',
    search: 'Søk',
    subscribe: 'Abonner',
  },
  search: {
    label: 'Søk i innovasjonsarbeidet',
    button: 'Søk',
    placeholder: 'Søk etter caser, prosjekter og innlegg',
  },
  home: {
    latestPosts: 'Siste innlegg',
    allPosts: 'Alle innlegg',
  },
  post: {
    by: 'Av',
    published: 'Publisert',
    updated: 'Sist oppdatert',
    readingTime: (minutes: number) => `${minutes} min lesetid`,
    topics: 'Tema',
    serviceAreas: 'Tjenesteområder',
    related: 'Les også',
  },
  footer: {
    accessibility: 'Tilgjengelighetserklæring',
    feedback: 'Gi tilbakemelding',
    license: 'Innholdet kan gjenbrukes under lisensen',
    feeds: 'RSS-strømmer',
  },
  feeds: {
    site: 'Alt fra',
  },
} as const;
