/**
 * Validates Turtle against the official DCAT-AP-NO 2 SHACL shapes (tests/fixtures/dcat-ap-no/)
 * with a SHACL engine, together with the EU vocabulary concepts the catalogue uses.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { ROOT } from './build-site.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'dcat-ap-no');

/** Parses Turtle into a store; throws with the parser's message (line and cause) when it is not Turtle. */
export function parseTurtle(text: string, baseIRI?: string): Store {
  return new Store(
    new Parser({ format: 'text/turtle', ...(baseIRI ? { baseIRI } : {}) }).parse(text),
  );
}

let shapes: Store | undefined;

/** One result of a validation, readable in a failing expectation. */
export interface ShaclFinding {
  severity: string;
  focus: string;
  path: string;
  message: string;
}

/** Validates a catalogue; returns every result (violations, warnings and infos). */
export async function validateCatalogue(turtle: string): Promise<ShaclFinding[]> {
  shapes ??= parseTurtle(
    await fs.readFile(path.join(FIXTURES, 'DCAT-AP-NO-shacl_shapes_2.00.ttl'), 'utf8'),
  );
  const data = parseTurtle(turtle);
  data.addQuads(
    parseTurtle(await fs.readFile(path.join(FIXTURES, 'eu-vocabularies.ttl'), 'utf8')).getQuads(
      null,
      null,
      null,
      null,
    ),
  );
  const report = await new SHACLValidator(shapes).validate(data);
  return report.results.map((result) => ({
    severity: result.severity?.value.replace(/^.*#/, '') ?? '',
    focus: result.focusNode?.value ?? '',
    path: result.path?.value ?? '',
    message: result.message.map((message) => message.value).join(' '),
  }));
}
