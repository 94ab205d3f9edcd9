import { describe, expect, it } from 'vitest';
import {
  buildOpenDataSet,
  CSV_COLUMNS,
  quoteCsvField,
  toPlainTextFromBlocks,
  UTF8_BOM,
  utf8Stream,
  openDataCsvPieces,
  openDataJsonPieces,
  writeOpenDataCsv,
  writeOpenDataJson,
  type OpenDataInput,
} from '../../src/lib/open-data.ts';
import { parseCsv } from '../helpers/csv.ts';

const SITE = 'https://innovasjon.kommune.example';

const block = (text: string, extra: Record<string, unknown> = {}) => ({
  _type: 'block',
  _key: text.slice(0, 8),
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: 's', text, marks: [] }],
  ...extra,
});

function makeCase(overrides: Partial<OpenDataInput> & { id: string }): OpenDataInput {
  return {
    type: 'caseStudy',
    rev: 'r1',
    updatedAt: '2024-03-01T10:00:00Z',
    title: `Case ${overrides.id}`,
    slug: overrides.id,
    href: `/caser/${overrides.id}/`,
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
    problem: [block('Behovet.')],
    solution: [block('Løsningen.')],
    results: [],
    lessonsLearned: [],
    sdgs: [],
    awards: [],
    ...overrides,
  };
}

const options = {
  site: SITE,
  title: 'Innovasjonscaser',
  description: 'Åpne data',
  publisher: 'Bærum kommune',
  license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.no' },
};

describe('toPlainTextFromBlocks', () => {
  it('turns paragraphs, lists, fact boxes, quotes and callouts into plain text', () => {
    expect(
      toPlainTextFromBlocks([
        block('Første avsnitt.'),
        block('Punkt en', { listItem: 'bullet', level: 1 }),
        block('Punkt to', { listItem: 'bullet', level: 1 }),
        { _type: 'factBox', _key: 'f', title: 'Fakta', items: ['A', 'B'] },
        { _type: 'pullQuote', _key: 'q', text: 'Vi lærte mye', attribution: 'Kari' },
        { _type: 'callout', _key: 'c', tone: 'tip', text: 'Start smått.' },
        { _type: 'image', _key: 'i', alt: 'En sensor', src: {} },
      ]),
    ).toBe(
      'Første avsnitt.\n\n- Punkt en\n- Punkt to\n\nFakta\n- A\n- B\n\n«Vi lærte mye» – Kari\n\nStart smått.\n\nEn sensor',
    );
  });
});

describe('quoteCsvField', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(quoteCsvField('enkel')).toBe('enkel');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('si "hei"')).toBe('"si ""hei"""');
    expect(quoteCsvField('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
  });
});

describe('buildOpenDataSet', () => {
  const cases = [
    makeCase({
      id: 'eldre',
      publishedAt: '2020-01-01T00:00:00Z',
      updatedAt: '2024-09-01T00:00:00Z',
      sdgs: [3, 11],
      awards: [{ year: 2016, category: 'arets-innovasjon', result: 'winner' }],
      contact: { id: 'p', type: 'person', title: 'Kari', slug: 'kari', href: '/personer/kari/' },
      topics: [
        { id: 't', type: 'topic', title: 'Velferd', slug: 'velferd', href: '/tema/velferd/' },
      ],
      partners: ['NAV', 'Skolen, Bekkestua'],
      targetGroup: 'Eldre som bor hjemme',
    }),
    makeCase({ id: 'nyere', title: 'Sier "hei", på ny linje\nog mer', excerpt: undefined }),
  ];
  const data = buildOpenDataSet(cases, options);

  it('lists every case newest first with facts as labels and absolute URLs', () => {
    expect(data.count).toBe(2);
    expect(data.updated).toBe('2024-09-01T00:00:00Z');
    expect(data.license).toEqual(options.license);
    expect(data.cases.map((record) => record.id)).toEqual(['nyere', 'eldre']);
    const older = data.cases[1];
    expect(older?.url).toBe(`${SITE}/caser/eldre/`);
    expect(older?.statusTitle).toBe('I drift');
    expect(older?.sdgs).toEqual([
      { goal: 3, title: 'God helse og livskvalitet' },
      { goal: 11, title: 'Bærekraftige byer og lokalsamfunn' },
    ]);
    expect(older?.awards).toEqual([
      {
        year: 2016,
        category: 'arets-innovasjon',
        categoryTitle: 'Årets innovasjon',
        result: 'winner',
        resultTitle: 'Vinner',
      },
    ]);
    expect(older?.contact).toEqual({ name: 'Kari', url: `${SITE}/personer/kari/` });
    expect(older?.topics).toEqual([{ name: 'Velferd', url: `${SITE}/tema/velferd/` }]);
    expect(older?.problem).toBe('Behovet.');
    expect(older?.solution).toBe('Løsningen.');
    expect(older?.targetGroup).toBe('Eldre som bor hjemme');
  });

  it('writes JSON that reads back to the same data', () => {
    expect(JSON.parse(writeOpenDataJson(data))).toEqual(data);
  });

  it('writes the JSON a case a piece, as JSON.stringify would write it whole', () => {
    const one = { ...data, count: 1, cases: data.cases.slice(0, 1) };
    const none = buildOpenDataSet([], options);
    for (const set of [data, one, none]) {
      const pieces = [...openDataJsonPieces(set)];
      expect(pieces).toHaveLength(set.cases.length === 0 ? 1 : set.cases.length + 2);
      expect(pieces.join('')).toBe(`${JSON.stringify(set, null, 2)}\n`);
    }
  });

  it('writes the CSV a row a piece, and streams pieces as the bytes of the whole text', async () => {
    const pieces = [...openDataCsvPieces(data)];
    expect(pieces).toHaveLength(data.cases.length + 1);
    expect(pieces.join('')).toBe(writeOpenDataCsv(data));
    const text = writeOpenDataCsv(data) + writeOpenDataJson(data);
    const bytes = await new Response(utf8Stream([...pieces, ...openDataJsonPieces(data)])).bytes();
    expect(Buffer.from(bytes)).toEqual(Buffer.from(text, 'utf8'));
    // Pieces larger and smaller than a chunk, and none at all.
    const long = ['æ'.repeat(100_000), 'ø', 'å'.repeat(70_000)];
    expect(await new Response(utf8Stream(long)).text()).toBe(long.join(''));
    expect(await new Response(utf8Stream([])).text()).toBe('');
  });

  it('writes CSV with a BOM, CRLF rows and quoting that survives commas, quotes and line breaks', () => {
    const csv = writeOpenDataCsv(data);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows[1]?.[column('title')]).toBe('Sier "hei", på ny linje\nog mer');
    expect(rows[2]?.[column('partners')]).toBe('NAV | Skolen, Bekkestua');
    expect(rows[2]?.[column('sdgs')]).toBe('3 | 11');
    expect(rows[2]?.[column('awards')]).toBe('2016 Årets innovasjon: Vinner');
    expect(rows[2]?.[column('license')]).toBe(
      'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.no)',
    );
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('neutralises cells a spreadsheet would read as a formula; the JSON keeps them exact', () => {
    const formulas: [string, ...string[]] = [
      '=HYPERLINK("https://evil.example","Klikk")',
      '+1+1',
      '- punkt',
      '@SUM(A1)',
      '\tTAB',
      '\rCR',
    ];
    const set = buildOpenDataSet(
      [
        makeCase({
          id: 'f',
          title: formulas[0],
          partners: formulas.slice(1),
          problem: [block('- punkt')],
        }),
      ],
      options,
    );
    const rows = parseCsv(writeOpenDataCsv(set).slice(1));
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows[1]?.[column('title')]).toBe(`'${formulas[0]}`);
    expect(rows[1]?.[column('partners')]).toBe(`'${formulas.slice(1).join(' | ')}`);
    expect(rows[1]?.[column('problem')]).toBe("'- punkt");
    // No cell of the data rows starts with a character that begins a formula.
    for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const json = JSON.parse(writeOpenDataJson(set)) as {
      cases: { title: string; partners: string[]; problem: string }[];
    };
    expect(json.cases[0]?.title).toBe(formulas[0]);
    expect(json.cases[0]?.partners).toEqual(formulas.slice(1));
    expect(json.cases[0]?.problem).toBe('- punkt');
  });

  it('gives an empty data set, not an error, when there are no cases', () => {
    const empty = buildOpenDataSet([], options);
    expect(empty).toMatchObject({ count: 0, updated: null, cases: [] });
    expect(writeOpenDataCsv(empty)).toBe(`${UTF8_BOM}${CSV_COLUMNS.join(',')}\r\n`);
  });
});
