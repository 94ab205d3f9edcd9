/**
 * All interface text, in bokmål: one dictionary, so wording stays consistent. The labels
 * inside a document follow the document's language (`getDocumentLabels`). The case
 * sections' headings are not here: they live with the sections in
 * `content-schemas/case-sections.ts`, which the browser's search script need not load.
 */

/** The languages a document can be written in. */
export type DocumentLanguage = 'nb' | 'nn' | 'en';

/** The language of the interface's own text (header, footer, menus, breadcrumbs): bokmål. */
export const INTERFACE_LANGUAGE = 'nb';

export const t = {
  siteTagline: 'Innovasjon i kommunen – delt med hele Kommune-Norge',
  skipToContent: 'Hopp til hovedinnhold',
  mainNavigation: 'Hovedmeny',
  breadcrumbs: 'Brødsmulesti',
  nav: {
    home: 'Forside',
    posts: 'Innlegg',
    projects: 'Prosjekter',
    cases: 'Caser',
    topics: 'Tema',
    search: 'Søk',
    subscribe: 'Abonner',
  },
  overviews: {
    topics: {
      title: 'Tema',
      intro:
        'Alt innovasjonsarbeidet ordnet etter tema. Velg et tema for å se innlegg, prosjekter og caser om det.',
    },
    serviceAreas: {
      title: 'Tjenesteområder',
      intro: 'Innovasjonsarbeidet ordnet etter tjenesteområdene i kommunen.',
    },
    people: {
      title: 'Personer',
      intro: 'Menneskene som skriver her, og som du kan kontakte om prosjektene og casene.',
    },
    archive: {
      title: 'Arkiv',
      intro: 'Alt vi har publisert, år for år.',
    },
    prize: {
      title: 'Innovasjonsprisen',
      intro:
        'Kommunens innovasjonspris deles ut hvert år i kategoriene Årets innovasjon, Stjæl med stil og Beste feil. Her er vinnerne og de nominerte, år for år.',
      empty: 'Ingen priser er delt ut ennå.',
    },
    articleCount: (count: number) => (count === 1 ? '1 sak' : `${count} saker`),
    personCount: (written: number, contactFor: number) =>
      [
        written > 0 ? `${written} ${written === 1 ? 'sak' : 'saker'} skrevet` : '',
        contactFor > 0 ? `kontaktperson for ${contactFor}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    prizeCount: (winners: number, nominees: number) =>
      `${winners} ${winners === 1 ? 'vinner' : 'vinnere'}, ${nominees} ${nominees === 1 ? 'nominert' : 'nominerte'}`,
  },
  search: {
    label: 'Søk i innovasjonsarbeidet',
    button: 'Søk',
    placeholder: 'Søk etter caser, prosjekter og innlegg',
  },
  searchPage: {
    title: 'Søk',
    description: 'Søk i innlegg, prosjekter og innovasjonscaser på bokmål, nynorsk og engelsk.',
    intro: 'Søk i alt innovasjonsarbeidet – på bokmål, nynorsk og engelsk.',
    formLabel: 'Søk på siden',
    fieldLabel: 'Søkeord',
    filtersHeading: 'Avgrens søket',
    filterLegends: {
      type: 'Innholdstype',
      tema: 'Tema',
      tjenesteområde: 'Tjenesteområde',
      status: 'Status',
      år: 'År',
    },
    clearFilters: 'Fjern alle filtre',
    resultsHeading: 'Treff',
    loading: 'Søker …',
    showMore: 'Vis flere treff',
    noScript: 'Søket trenger JavaScript, som er slått av eller ikke lastet i nettleseren din.',
    noScriptLink: 'Bla i alle innovasjonscaser i stedet',
    unavailable: 'Søket er ikke tilgjengelig akkurat nå. Prøv igjen senere, eller',
    resultCount: (count: number, query: string) =>
      `${count} treff${query === '' ? '' : ` for «${query}»`}`,
    filteredHint: (filters: number) =>
      filters === 1 ? 'avgrenset med 1 filter' : `avgrenset med ${filters} filtre`,
    startHint: 'Skriv ett eller flere ord, eller velg et filter for å se innhold.',
    emptyHeading: 'Ingen treff',
    emptyTips: [
      'Sjekk stavingen, eller prøv et annet eller mer generelt ord.',
      'Søk på bokmål, nynorsk eller engelsk – alle språk søkes samtidig.',
      'Fjern ett eller flere filtre.',
    ],
    emptyBrowse: 'Bla i alle innovasjonscaser',
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
  pages: {
    lists: {
      post: {
        title: 'Innlegg',
        intro: 'Nyheter, erfaringer og refleksjoner fra innovasjonsarbeidet.',
      },
      projectStory: {
        title: 'Prosjekter',
        intro:
          'Prosjektene vi jobber med, fra idé til drift – med status og oppdateringer underveis.',
      },
      caseStudy: {
        title: 'Innovasjonscaser',
        intro:
          'Caser som andre kommuner kan lære av og ta i bruk: behov, løsning, resultater, hva vi lærte og hva det kostet.',
      },
    },
    pageOf: (page: number, count: number) => `Side ${page} av ${count}`,
    pagination: 'Sider',
    previous: 'Forrige side',
    next: 'Neste side',
    goToPage: (page: number) => `Side ${page}`,
    empty: 'Her er det ikke publisert noe ennå.',
    featuredCases: 'Utvalgte innovasjonscaser',
    allCases: 'Alle innovasjonscaser',
    openProjects: 'Pågående prosjekter',
    allProjects: 'Alle prosjekter',
    toc: 'Innhold på siden',
    status: 'Status',
    period: 'Periode',
    started: 'Startet',
    partners: 'Samarbeidspartnere',
    funding: 'Finansiering',
    contact: 'Kontaktperson',
    updates: 'Oppdateringer',
    facts: 'Fakta',
    municipality: 'Kommune',
    serviceArea: 'Tjenesteområde',
    year: 'År',
    sdgs: 'Bærekraftsmål',
    sdg: (value: number, title: string) => `${value}. ${title}`,
    awards: 'Innovasjonsprisen',
    award: (year: number, category: string, result: string) => `${result}, ${category} ${year}`,
    winners: 'Vinnere',
    nominees: 'Nominerte',
    caseSections: 'Casen del for del',
    topic: 'Tema',
    topicIntro: (title: string) => `Innlegg, prosjekter og caser om ${title}.`,
    serviceAreaIntro: (title: string) =>
      `Innlegg, prosjekter og caser fra tjenesteområdet ${title}.`,
    person: 'Person',
    email: 'E-post',
    phone: 'Telefon',
    contentBy: (name: string) => `Innhold av ${name}`,
    contactFor: 'Kontaktperson for',
    archive: (year: number) => `Arkiv ${year}`,
    archiveIntro: (year: number, count: number) =>
      `Alt vi publiserte i ${year}: ${count} ${count === 1 ? 'sak' : 'saker'}.`,
    archiveYears: 'Arkiv etter år',
    prize: (year: number) => `Innovasjonsprisen ${year}`,
    prizeIntro: (year: number) =>
      `Vinnere og nominerte til kommunens innovasjonspris i ${year}, kategori for kategori.`,
    prizeYears: 'Innovasjonsprisen andre år',
    notFoundTitle: 'Fant ikke siden',
    notFoundText:
      'Siden du leter etter finnes ikke, eller den er flyttet. Prøv søket, eller gå til forsiden.',
    toHome: 'Gå til forsiden',
    typeAndDate: 'Type og dato',
  },
  footer: {
    navigation: 'Mer på nettstedet',
    browse: 'Utforsk',
    about: 'Om nettstedet',
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
  },
  network: {
    title: 'Fra nettverket',
    intro: (site: string) =>
      `Det siste fra andre kommuner som deler innovasjonsarbeidet sitt slik ${site} gjør. Lenkene går til kommunenes egne nettsteder.`,
    empty: 'Ingen andre kommuner er med i nettverket ennå.',
    nothingYet: 'Ingenting å vise herfra ennå.',
    unavailable: (date: string | undefined) =>
      date
        ? `Nettstedet svarte ikke da siden sist ble oppdatert. Innleggene under ble hentet ${date}.`
        : 'Nettstedet svarte ikke da siden sist ble oppdatert.',
    visitSite: (name: string) => `Gå til nettstedet til ${name}`,
    opmlTitle: 'Følg hele nettverket',
    opmlText:
      'Last ned listen over nettverkets RSS-strømmer og importer den i RSS-leseren din, så følger du alle kommunene på én gang.',
    opmlLink: 'Last ned nettverkets strømmer (OPML)',
    opmlFileTitle: (site: string) => `Nettverket til ${site}`,
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
    copyButtonText: 'Kopier adresse',
    /** Completes the copy button's name for screen readers: «Kopier adresse til …». */
    copyButtonTarget: (name: string) => ` til ${name}`,
    copied: (name: string) => `Adressen til ${name} er kopiert.`,
    copyFailed: 'Kunne ikke kopiere. Marker adressen og kopier den selv.',
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
    catalogueLink: 'Datakatalog (DCAT-AP-NO, for data.norge.no)',
    networkText:
      'Det siste fra andre kommuner som deler innovasjonsarbeidet sitt på samme måte, finner du under',
    license: 'Dataene og innholdet kan gjenbrukes under lisensen',
  },
} as const;

/** The labels inside a document: they follow the document's language, not the interface's. */
export interface DocumentLabels {
  toc: string;
  facts: string;
  status: string;
  period: string;
  started: string;
  municipality: string;
  serviceArea: string;
  year: string;
  partners: string;
  funding: string;
  contact: string;
  email: string;
  phone: string;
  sdgs: string;
  awards: string;
  updates: string;
  related: string;
  topics: string;
  serviceAreas: string;
  share: string;
  shareByEmail: string;
  shareOnLinkedIn: string;
  shareOnFacebook: string;
  /** Says a share link opens another site (LinkedIn, Facebook). */
  opensElsewhere: string;
}

const DOCUMENT_LABELS: Record<DocumentLanguage, DocumentLabels> = {
  nb: {
    toc: t.pages.toc,
    facts: t.pages.facts,
    status: t.pages.status,
    period: t.pages.period,
    started: t.pages.started,
    municipality: t.pages.municipality,
    serviceArea: t.pages.serviceArea,
    year: t.pages.year,
    partners: t.pages.partners,
    funding: t.pages.funding,
    contact: t.pages.contact,
    email: t.pages.email,
    phone: t.pages.phone,
    sdgs: t.pages.sdgs,
    awards: t.pages.awards,
    updates: t.pages.updates,
    related: t.post.related,
    topics: t.post.topics,
    serviceAreas: t.post.serviceAreas,
    share: 'Del denne siden',
    shareByEmail: 'Del på e-post',
    shareOnLinkedIn: 'Del på LinkedIn',
    shareOnFacebook: 'Del på Facebook',
    opensElsewhere: '(åpner et annet nettsted)',
  },
  nn: {
    toc: 'Innhald på sida',
    facts: 'Fakta',
    status: 'Status',
    period: 'Periode',
    started: 'Starta',
    municipality: 'Kommune',
    serviceArea: 'Tenesteområde',
    year: 'År',
    partners: 'Samarbeidspartnarar',
    funding: 'Finansiering',
    contact: 'Kontaktperson',
    email: 'E-post',
    phone: 'Telefon',
    sdgs: 'Berekraftsmål',
    awards: 'Innovasjonsprisen',
    updates: 'Oppdateringar',
    related: 'Les òg',
    topics: 'Tema',
    serviceAreas: 'Tenesteområde',
    share: 'Del denne sida',
    shareByEmail: 'Del på e-post',
    shareOnLinkedIn: 'Del på LinkedIn',
    shareOnFacebook: 'Del på Facebook',
    opensElsewhere: '(opnar ein annan nettstad)',
  },
  en: {
    toc: 'On this page',
    facts: 'Facts',
    status: 'Status',
    period: 'Period',
    started: 'Started',
    municipality: 'Municipality',
    serviceArea: 'Service area',
    year: 'Year',
    partners: 'Partners',
    funding: 'Funding',
    contact: 'Contact person',
    email: 'Email',
    phone: 'Phone',
    sdgs: 'Sustainable Development Goals',
    awards: 'Innovation prize',
    updates: 'Updates',
    related: 'Read also',
    topics: 'Topics',
    serviceAreas: 'Service areas',
    share: 'Share this page',
    shareByEmail: 'Share by email',
    shareOnLinkedIn: 'Share on LinkedIn',
    shareOnFacebook: 'Share on Facebook',
    opensElsewhere: '(opens another website)',
  },
};

/** Returns the labels for a document written in `language` (bokmål for anything unknown). */
export function getDocumentLabels(language: string | undefined): DocumentLabels {
  return language === 'nn' || language === 'en' ? DOCUMENT_LABELS[language] : DOCUMENT_LABELS.nb;
}
