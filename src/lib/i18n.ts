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
    siteDescription: (site: string) =>
      `Alt nytt fra ${site}: innlegg, prosjekter og innovasjonscaser.`,
    typeTitle: (site: string, type: string) => `${site}: ${type}`,
    typeDescription: (type: string, site: string) => `${type} fra ${site}, nyeste først.`,
    topicTitle: (site: string, topic: string) => `${site}: tema ${topic}`,
    topicDescription: (topic: string) => `Innlegg, prosjekter og caser om ${topic}.`,
    serviceAreaTitle: (site: string, area: string) => `${site}: tjenesteområdet ${area}`,
    serviceAreaDescription: (area: string) =>
      `Innlegg, prosjekter og caser fra tjenesteområdet ${area}.`,
    typeNames: { post: 'Innlegg', projectStory: 'Prosjekter', caseStudy: 'Innovasjonscaser' },
    opmlTitle: (site: string) => `Alle RSS-strømmer fra ${site}`,
    caseSections: {
      problem: 'Behov og utfordring',
      targetGroup: 'Målgruppe',
      solution: 'Løsning',
      results: 'Resultater og gevinster',
      lessonsLearned: 'Hva vi lærte',
      reuse: 'Slik kan andre ta det i bruk',
      costs: 'Kostnader',
    },
  },
  subscribe: {
    title: 'Abonner',
    intro:
      'Følg med på innovasjonsarbeidet uten å måtte besøke nettstedet. Med en RSS-leser får du beskjed hver gang vi publiserer noe nytt – om alt, om én innholdstype, eller bare om temaene og tjenesteområdene du jobber med.',
    howTitle: 'Slik abonnerer du',
    howSteps: [
      'Åpne RSS-leseren din, for eksempel Feedly, Inoreader, NetNewsWire eller Outlook.',
      'Velg «Legg til strøm», «Abonner» eller tilsvarende.',
      'Lim inn adressen til strømmen du vil følge, fra listene under.',
    ],
    copyHint: 'Marker adressen og kopier den (Ctrl+C, eller Cmd+C på Mac).',
    allFeedsTitle: 'Hele nettstedet og innholdstyper',
    topicsTitle: 'Tema',
    serviceAreasTitle: 'Tjenesteområder',
    feedAddress: (name: string) => `Adresse til strømmen for ${name}`,
    opmlTitle: 'Alle strømmene på én gang',
    opmlText:
      'Vil du følge alt? Last ned OPML-filen og importer den i RSS-leseren din, så får du alle strømmene i én operasjon.',
    opmlLink: 'Last ned alle strømmene (OPML)',
    openDataTitle: 'Åpne data',
    openDataText:
      'Alle publiserte innovasjonscaser finnes også som åpne data, med fakta og tekst, til bruk i egne oversikter og analyser.',
    jsonLink: 'Innovasjonscaser som JSON',
    csvLink: 'Innovasjonscaser som CSV (åpnes i Excel)',
    license: 'Dataene og innholdet kan gjenbrukes under lisensen',
  },
} as const;
