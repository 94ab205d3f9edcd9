/**
 * The data catalogue (`/data/katalog.ttl`): DCAT-AP-NO 2 that the official SHACL shapes accept
 * with no result at all, the licence and publisher from the settings, and text that stays
 * exactly what the editor wrote however it is spelled.
 */
import { describe, expect, it } from 'vitest';
import {
  buildOpenDataSet,
  writeOpenDataCsv,
  writeOpenDataJson,
  type OpenDataInput,
} from '../../src/lib/open-data.ts';
import { formatCatalogue, toEuLicense, type CatalogueOptions } from '../../src/lib/dcat.ts';
import { parseTurtle, validateCatalogue } from '../helpers/dcat.ts';
import { block } from '../helpers/portable-text.ts';

const SITE = new URL('https://innovasjon.kommune.example/');
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';

const topic = (name: string) => ({
  id: `topic-${name}`,
  type: 'topic',
  title: name,
  slug: name.toLowerCase(),
  href: `/tema/${name.toLowerCase()}/`,
});

function makeCase(id: string, overrides: Partial<OpenDataInput> = {}): OpenDataInput {
  return {
    id,
    type: 'caseStudy',
    rev: 'r1',
    updatedAt: '2024-03-01T10:00:00Z',
    title: `Case ${id}`,
    slug: id,
    href: `/caser/${id}/`,
    excerpt: 'Utdrag',
    publishedAt: '2024-02-01T10:00:00Z',
    language: 'nb',
    authors: [],
    topics: [],
    serviceAreas: [],
    status: 'operational',
    partners: [],
    funding: [],
    municipality: 'Bærum kommune',
    body: [],
    problem: [block('p1', 'Behovet.')],
    solution: [block('s1', 'Løsningen.')],
    results: [],
    lessonsLearned: [],
    sdgs: [],
    awards: [],
    ...overrides,
  };
}

const cases = [
  makeCase('a', {
    publishedAt: '2016-05-01T08:00:00Z',
    topics: [topic('Velferdsteknologi')],
  }),
  makeCase('b', {
    publishedAt: '2024-11-20T08:00:00Z',
    updatedAt: '2024-12-01T09:30:00Z',
    language: 'nn',
    topics: [topic('Ungdom'), topic('Velferdsteknologi')],
  }),
];

const options: CatalogueOptions = {
  site: SITE,
  siteTitle: 'Tanketanken',
  siteDescription: 'Innovasjon i kommunen, delt med resten av Kommune-Norge.',
  organization: 'Bærum kommune',
  organizationNumber: '935478715',
  contactEmail: 'innovasjon@kommune.example',
};

function openData(
  license = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.no' },
) {
  return buildOpenDataSet(cases, {
    site: SITE,
    title: 'Innovasjonscaser fra Bærum kommune',
    description: 'Alle publiserte innovasjonscaser.',
    publisher: 'Bærum kommune',
    license,
  });
}

/** The objects of `predicate` on `subject` in the parsed catalogue. */
function objectsOf(turtle: string, subject: string, predicate: string): string[] {
  return parseTurtle(turtle)
    .getObjects(subject, predicate, null)
    .map((term) => term.value)
    .sort();
}

const catalogueIri = 'https://innovasjon.kommune.example/data/katalog.ttl#katalog';
const datasetIri = 'https://innovasjon.kommune.example/data/katalog.ttl#caser';

describe('the data catalogue', () => {
  it('passes the official DCAT-AP-NO 2 shapes with no violation and no warning', async () => {
    const turtle = await formatCatalogue(openData(), options);
    expect(await validateCatalogue(turtle)).toEqual([]);
  });

  it('describes the catalogue, the publisher by organisation number, and both files', async () => {
    const turtle = await formatCatalogue(openData(), options);
    const publisher = 'https://data.brreg.no/enhetsregisteret/api/enheter/935478715';
    expect(objectsOf(turtle, catalogueIri, `${DCT}publisher`)).toEqual([publisher]);
    expect(objectsOf(turtle, datasetIri, `${DCT}publisher`)).toEqual([publisher]);
    expect(objectsOf(turtle, publisher, `${DCT}identifier`)).toEqual(['935478715']);
    expect(objectsOf(turtle, publisher, `${FOAF}name`)).toEqual(['Bærum kommune']);
    expect(objectsOf(turtle, datasetIri, `${DCAT}keyword`)).toEqual([
      'Ungdom',
      'Velferdsteknologi',
    ]);
    expect(objectsOf(turtle, datasetIri, `${DCT}language`)).toEqual([
      'http://publications.europa.eu/resource/authority/language/NNO',
      'http://publications.europa.eu/resource/authority/language/NOB',
    ]);
    const store = parseTurtle(turtle);
    const [period] = store.getObjects(datasetIri, `${DCT}temporal`, null);
    expect(store.getObjects(period ?? null, `${DCAT}startDate`, null)[0]?.value).toBe('2016-05-01');
    expect(store.getObjects(period ?? null, `${DCAT}endDate`, null)[0]?.value).toBe('2024-11-20');
    const distributions = objectsOf(turtle, datasetIri, `${DCAT}distribution`);
    expect(distributions.flatMap((id) => objectsOf(turtle, id, `${DCAT}downloadURL`))).toEqual([
      'https://innovasjon.kommune.example/data/caser.csv',
      'https://innovasjon.kommune.example/data/caser.json',
    ]);
    expect(distributions.flatMap((id) => objectsOf(turtle, id, `${DCAT}mediaType`)).sort()).toEqual(
      [
        'https://www.iana.org/assignments/media-types/application/json',
        'https://www.iana.org/assignments/media-types/text/csv',
      ],
    );
  });

  it('takes the licence from the settings, as the JSON and the CSV do', async () => {
    const nlod = { name: 'NLOD 2.0', url: 'https://data.norge.no/nlod/no/2.0' };
    for (const [license, iri] of [
      [undefined, 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0'],
      [nlod, 'http://publications.europa.eu/resource/authority/licence/NLOD_2_0'],
    ] as const) {
      const data = openData(license);
      const turtle = await formatCatalogue(data, options);
      const licences = parseTurtle(turtle)
        .getObjects(null, `${DCT}license`, null)
        .map((term) => term.value);
      expect(new Set(licences)).toEqual(new Set([iri]));
      expect((JSON.parse(writeOpenDataJson(data)) as typeof data).license.url).toBe(
        data.license.url,
      );
      expect(writeOpenDataCsv(data)).toContain(data.license.url);
      expect(await validateCatalogue(turtle)).toEqual([]);
    }
  });

  it('maps licence addresses as editors paste them, and leaves others as they are', () => {
    const ccBy = 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0';
    expect(toEuLicense('https://creativecommons.org/licenses/by/4.0/')).toBe(ccBy);
    expect(toEuLicense(' http://www.creativecommons.org/licenses/by/4.0/deed.no')).toBe(ccBy);
    expect(toEuLicense('https://creativecommons.org/licenses/by/4.01/')).toBeUndefined();
    expect(toEuLicense('https://creativecommons.org/publicdomain/zero/1.0/legalcode')).toBe(
      'http://publications.europa.eu/resource/authority/licence/CC0',
    );
    expect(toEuLicense('https://example.org/egen-lisens')).toBeUndefined();
  });

  it('names a licence outside the EU list by its address, which the shapes then report', async () => {
    const turtle = await formatCatalogue(
      openData({ name: 'Egen lisens', url: 'https://kommune.example/lisens' }),
      options,
    );
    expect(parseTurtle(turtle).getObjects(null, `${DCT}license`, null)[0]?.value).toBe(
      'https://kommune.example/lisens',
    );
    const findings = await validateCatalogue(turtle);
    expect(findings.filter((finding) => finding.path === `${DCT}license`).length).toBeGreaterThan(
      0,
    );
  });

  it('without an organisation number or a contact address still conforms', async () => {
    const bare: CatalogueOptions = {
      site: options.site,
      siteTitle: options.siteTitle,
      siteDescription: options.siteDescription,
      organization: options.organization,
    };
    const turtle = await formatCatalogue(openData(), bare);
    expect(objectsOf(turtle, catalogueIri, `${DCT}publisher`)).toEqual([
      'https://innovasjon.kommune.example/data/katalog.ttl#utgiver',
    ]);
    expect(await validateCatalogue(turtle)).toEqual([]);
  });

  it('keeps odd and hostile text exactly as written', async () => {
    const organization = 'Kommune «Øst» "AS" \\ <script>alert(1)</script>\nlinje 2 ; . @nb';
    const turtle = await formatCatalogue(openData(), { ...options, organization });
    const publisher = 'https://data.brreg.no/enhetsregisteret/api/enheter/935478715';
    expect(objectsOf(turtle, publisher, `${FOAF}name`)).toEqual([organization]);
    expect(await validateCatalogue(turtle)).toEqual([]);
  });

  it('an empty case library still gives a catalogue that conforms', async () => {
    const empty = buildOpenDataSet([], {
      site: SITE,
      title: 'Innovasjonscaser',
      description: 'Ingen ennå.',
      publisher: 'Bærum kommune',
      license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    });
    expect(await validateCatalogue(await formatCatalogue(empty, options))).toEqual([]);
  });
});
