/**
 * Helpers for the prize nomination tests: a build of the fixture export with the
 * nomination window open around now (and nominations of its own in the dataset, which the
 * build must pass over in silence), and a client that fetches the form and posts it as a
 * browser would, reading the token with a real HTML parser.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { defaultTreeAdapter, parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { parseNdjson } from '../../src/sanity/read/dataset-file.ts';
import { buildSite, ROOT, type BuildResult } from './build-site.ts';

/** The fixture's one service area, which the form offers. */
export const SERVICE_AREA_ID = 'area-helse';

/** A nomination as a person would fill it in (the form's names). */
export const VALID_NOMINATION: Readonly<Record<string, string>> = {
  title: 'Trygghetsalarm «på ordentlig» – <script>alert("æøå")</script>',
  need: 'Eldre som bor alene i Bærum trengte hjelp raskere om natten, og pårørende ville vite at «alt er vel».',
  achieved:
    'Responstiden gikk ned fra 40 til 12 minutter; 97 % av brukerne sier de føler seg tryggere. Ærlig & åpent.',
  serviceArea: SERVICE_AREA_ID,
  category: 'arets-innovasjon',
  name: 'Åse Ødegård',
  email: 'ase.odegard@kommune.example',
  unit: 'Helse og omsorg – Hjemmetjenesten øst',
  consent: 'ja',
};

/** The fixture export with a nomination window from a day ago to `closesInDays` ahead. */
export async function writeNominationExport(
  dir: string,
  window: { opens: string; closes: string },
): Promise<RawDocument[]> {
  const fixture = path.join(ROOT, 'tests/fixtures/dataset');
  await fs.cp(fixture, dir, { recursive: true });
  const documents = parseNdjson(
    await fs.readFile(path.join(fixture, 'data.ndjson'), 'utf8'),
    'data.ndjson',
  ).map((doc) => (doc._id === 'siteSettings' ? { ...doc, nominationWindow: window } : doc));
  // Nominations in the dataset, a draft and a published one: the build must ignore both.
  const nomination = {
    _type: 'prizeNomination',
    title: 'Nominasjon som aldri skal vises',
    need: 'Et behov som bare juryen skal lese om.',
    achieved: 'Noe som bare juryen skal lese om.',
    category: 'beste-feil',
    year: 2026,
    reference: 'NOM-2026-AAAAAA',
  };
  documents.push(
    { _id: 'drafts.nomination-fixture', ...nomination },
    { _id: 'nomination-published', ...nomination },
  );
  await fs.writeFile(
    path.join(dir, 'data.ndjson'),
    documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n',
  );
  return documents;
}

/** Builds that export into `outDir` (search index included, as the service requires). */
export function buildNominationSite(exportDir: string, outDir: string): Promise<BuildResult> {
  return buildSite(outDir, { LOCAL_DATASET: exportDir, SITE_URL: 'https://pris.example' });
}

function findElement(
  node: DefaultTreeAdapterTypes.ParentNode,
  test: (element: DefaultTreeAdapterTypes.Element) => boolean,
): DefaultTreeAdapterTypes.Element | undefined {
  for (const child of node.childNodes) {
    if (!defaultTreeAdapter.isElementNode(child)) continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Parses HTML and finds the first element `test` accepts. */
export function findInHtml(
  html: string,
  test: (element: DefaultTreeAdapterTypes.Element) => boolean,
): DefaultTreeAdapterTypes.Element | undefined {
  return findElement(parse(html), test);
}

/** An attribute's value. */
export function attr(
  element: DefaultTreeAdapterTypes.Element | undefined,
  name: string,
): string | undefined {
  return element?.attrs.find((item) => item.name === name)?.value;
}

/** An element's text, as a browser's textContent. */
export function textOf(node: DefaultTreeAdapterTypes.ParentNode | undefined): string {
  if (!node) return '';
  return node.childNodes
    .map((child) =>
      defaultTreeAdapter.isTextNode(child)
        ? child.value
        : defaultTreeAdapter.isElementNode(child)
          ? textOf(child)
          : '',
    )
    .join('');
}

/** Fetches the form and returns its token (the hidden field `skjema`). */
export async function openForm(origin: string): Promise<string> {
  const response = await fetch(`${origin}/innovasjonsprisen/meld-inn/`);
  if (response.status !== 200) throw new Error(`The form answered ${response.status}`);
  const input = findInHtml(
    await response.text(),
    (element) => element.tagName === 'input' && attr(element, 'name') === 'skjema',
  );
  const token = attr(input, 'value');
  if (!token) throw new Error('The form has no token');
  return token;
}

/** Posts the form as a browser does (urlencoded, with its Origin unless told otherwise). */
export async function submitForm(
  origin: string,
  values: Readonly<Record<string, string>>,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string; headers: Headers }> {
  const body = new URLSearchParams({
    ...values,
    ...(options.token ? { skjema: options.token } : {}),
  });
  const response = await fetch(`${origin}/innovasjonsprisen/meld-inn/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin,
      ...options.headers,
    },
    body,
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}
