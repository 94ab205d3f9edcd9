/**
 * The data catalogue: the case library described in DCAT-AP-NO 2 (Turtle), for
 * data.norge.no and other harvesters. One catalogue with one dataset (the cases) and one
 * distribution per open-data file (JSON and CSV), published by the organisation in the site
 * settings. Controlled values come from the EU vocabularies that DCAT-AP-NO requires (data
 * theme, file type, language, licence, access right). See docs/architecture.md, «Open data».
 * Pure: the endpoint hands in the open data and the settings.
 */
import { DataFactory, Writer, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { ROUTES, toAbsoluteUrl } from '../../content-schemas/routes.ts';
import type { OpenDataSet } from './open-data.ts';

/** The namespaces the catalogue uses, with the prefixes it writes them under. */
const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority/';

/** The EU vocabulary IRIs the catalogue points at (the harvester knows each by its scheme). */
export const EU_VOCABULARY = {
  /** Data theme «Government and public sector»: what a municipality's innovation work is. */
  themeGovernment: `${EU}data-theme/GOVE`,
  /** Access right «public». */
  accessPublic: `${EU}access-right/PUBLIC`,
  /** The file types of the two distributions. */
  fileTypeJson: `${EU}file-type/JSON`,
  fileTypeCsv: `${EU}file-type/CSV`,
} as const;

/** The EU language IRI of each document language the site has. */
const LANGUAGE_IRIS: Readonly<Record<string, string>> = {
  nb: `${EU}language/NOB`,
  nn: `${EU}language/NNO`,
  en: `${EU}language/ENG`,
};

/**
 * Licences by the address of their text, as editors paste it (any language version of the
 * deed, with or without `https`, `www` or a trailing slash) → the EU licence vocabulary's IRI.
 */
const KNOWN_LICENSES: readonly { pattern: RegExp; iri: string }[] = [
  { pattern: /^creativecommons\.org\/licenses\/by\/4\.0(\/|$)/, iri: `${EU}licence/CC_BY_4_0` },
  {
    pattern: /^creativecommons\.org\/licenses\/by-sa\/4\.0(\/|$)/,
    iri: `${EU}licence/CC_BYSA_4_0`,
  },
  { pattern: /^creativecommons\.org\/publicdomain\/zero\/1\.0(\/|$)/, iri: `${EU}licence/CC0` },
  { pattern: /^data\.norge\.no\/nlod\/(no|en)\/2\.0(\/|$)/, iri: `${EU}licence/NLOD_2_0` },
];

/**
 * The EU licence vocabulary's IRI for a licence text's address, or undefined when the
 * licence is not one it lists (the catalogue then names the address itself, which
 * data.norge.no reports as a licence outside the vocabulary).
 */
export function toEuLicense(url: string): string | undefined {
  const bare = url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '');
  return KNOWN_LICENSES.find((known) => known.pattern.test(bare))?.iri;
}

/** Where Enhetsregisteret publishes an organisation: the publisher's IRI harvesters expect. */
export function toPublisherIri(organizationNumber: string): string {
  return `https://data.brreg.no/enhetsregisteret/api/enheter/${organizationNumber}`;
}

/** What the catalogue needs from the site settings besides the open data itself. */
export interface CatalogueOptions {
  site: URL;
  siteTitle: string;
  siteDescription: string;
  organization: string;
  organizationNumber?: string;
  contactEmail?: string;
}

/** The catalogue's own address, under which its resources are named (`#katalog`, `#caser`…). */
const CATALOGUE_PATH = ROUTES.dataCatalogue;

/** The day part (YYYY-MM-DD) of an ISO date-time, as the catalogue's `xsd:date` values. */
function toDay(value: string): string {
  return value.slice(0, 10);
}

/** Builds the catalogue's statements (see the module comment). */
function buildQuads(data: OpenDataSet, options: CatalogueOptions) {
  const iri = (path: string) => DataFactory.namedNode(toAbsoluteUrl(path, options.site));
  const term = (prefix: keyof typeof PREFIXES, local: string) =>
    DataFactory.namedNode(`${PREFIXES[prefix]}${local}`);
  const text = (value: string) => DataFactory.literal(value, 'nb');
  const date = (value: string) => DataFactory.literal(toDay(value), term('xsd', 'date'));
  const type = term('rdf', 'type');
  const quads: Quad[] = [];
  const add = (subject: Quad_Subject, predicate: string, object: Quad_Object) => {
    const [prefix, local] = predicate.split(':') as [keyof typeof PREFIXES, string];
    quads.push(DataFactory.quad(subject, term(prefix, local), object));
  };

  const catalogue = iri(`${CATALOGUE_PATH}#katalog`);
  const dataset = iri(`${CATALOGUE_PATH}#caser`);
  const publisher = options.organizationNumber
    ? DataFactory.namedNode(toPublisherIri(options.organizationNumber))
    : iri(`${CATALOGUE_PATH}#utgiver`);
  const licenseUrl = data.license.url.trim();
  const license = DataFactory.namedNode(toEuLicense(licenseUrl) ?? licenseUrl);

  quads.push(DataFactory.quad(catalogue, type, term('dcat', 'Catalog')));
  add(catalogue, 'dct:title', text(`Datakatalog for ${options.siteTitle}`));
  add(catalogue, 'dct:description', text(options.siteDescription));
  add(catalogue, 'dct:identifier', DataFactory.literal(catalogue.value));
  add(catalogue, 'dct:publisher', publisher);
  add(catalogue, 'foaf:homepage', iri('/'));
  add(catalogue, 'dct:language', DataFactory.namedNode(LANGUAGE_IRIS['nb'] ?? ''));
  add(catalogue, 'dcat:dataset', dataset);
  if (data.updated) add(catalogue, 'dct:modified', date(data.updated));

  quads.push(DataFactory.quad(publisher, type, term('foaf', 'Agent')));
  add(publisher, 'foaf:name', text(options.organization));
  if (options.organizationNumber) {
    add(publisher, 'dct:identifier', DataFactory.literal(options.organizationNumber));
  }

  quads.push(DataFactory.quad(dataset, type, term('dcat', 'Dataset')));
  add(dataset, 'dct:title', text(data.title));
  add(dataset, 'dct:description', text(data.description));
  add(dataset, 'dct:identifier', DataFactory.literal(dataset.value));
  add(dataset, 'dct:publisher', publisher);
  add(dataset, 'dcat:theme', DataFactory.namedNode(EU_VOCABULARY.themeGovernment));
  add(dataset, 'dct:accessRights', DataFactory.namedNode(EU_VOCABULARY.accessPublic));
  add(dataset, 'dcat:landingPage', iri('/caser/'));
  if (data.updated) add(dataset, 'dct:modified', date(data.updated));
  const languages = [...new Set(data.cases.map((item) => item.language))].sort();
  for (const language of languages) {
    const languageIri = LANGUAGE_IRIS[language];
    if (languageIri) add(dataset, 'dct:language', DataFactory.namedNode(languageIri));
  }
  const keywords = new Set<string>();
  for (const item of data.cases) {
    for (const link of [...item.topics, ...item.serviceAreas]) keywords.add(link.name);
  }
  for (const keyword of [...keywords].sort((a, b) => a.localeCompare(b, 'nb'))) {
    add(dataset, 'dcat:keyword', text(keyword));
  }
  const published = data.cases.map((item) => toDay(item.publishedAt)).sort();
  const [first] = published;
  const last = published.at(-1);
  if (first !== undefined && last !== undefined) {
    const period = DataFactory.blankNode('periode');
    add(dataset, 'dct:temporal', period);
    quads.push(DataFactory.quad(period, type, term('dct', 'PeriodOfTime')));
    add(period, 'dcat:startDate', DataFactory.literal(first, term('xsd', 'date')));
    add(period, 'dcat:endDate', DataFactory.literal(last, term('xsd', 'date')));
  }
  if (options.contactEmail) {
    const contact = DataFactory.blankNode('kontakt');
    add(dataset, 'dcat:contactPoint', contact);
    quads.push(DataFactory.quad(contact, type, term('vcard', 'Organization')));
    add(contact, 'vcard:fn', text(options.organization));
    add(contact, 'vcard:hasEmail', DataFactory.namedNode(`mailto:${options.contactEmail}`));
  }

  const distributions = [
    {
      id: 'caser-json',
      path: '/data/caser.json',
      title: 'Innovasjonscasene som JSON',
      format: EU_VOCABULARY.fileTypeJson,
      mediaType: 'application/json',
    },
    {
      id: 'caser-csv',
      path: '/data/caser.csv',
      title: 'Innovasjonscasene som CSV',
      format: EU_VOCABULARY.fileTypeCsv,
      mediaType: 'text/csv',
    },
  ];
  for (const file of distributions) {
    const distribution = iri(`${CATALOGUE_PATH}#${file.id}`);
    add(dataset, 'dcat:distribution', distribution);
    quads.push(DataFactory.quad(distribution, type, term('dcat', 'Distribution')));
    add(distribution, 'dct:title', text(file.title));
    add(distribution, 'dcat:accessURL', iri(file.path));
    add(distribution, 'dcat:downloadURL', iri(file.path));
    add(distribution, 'dct:format', DataFactory.namedNode(file.format));
    add(
      distribution,
      'dcat:mediaType',
      DataFactory.namedNode(`https://www.iana.org/assignments/media-types/${file.mediaType}`),
    );
    add(distribution, 'dct:license', license);
    if (data.updated) add(distribution, 'dct:modified', date(data.updated));
  }
  return quads;
}

/** Writes the catalogue as Turtle. */
export function formatCatalogue(data: OpenDataSet, options: CatalogueOptions): Promise<string> {
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  writer.addQuads(buildQuads(data, options));
  return new Promise((resolve, reject) => {
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result)));
  });
}
