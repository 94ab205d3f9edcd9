/**
 * Validates documents offline with Sanity's own validation (`@sanity/validation`), against
 * the Studio's compiled schema: required fields, lengths, lists, custom rules, references and
 * slug uniqueness. The Content Lake is replaced by groq-js running Sanity's own queries (such
 * as the default slug `isUnique`) over the documents given, so no network is needed.
 */
import {
  validateDocument,
  validateDocumentWithWorkspace,
  validationMarkerCodes,
  type DocumentValidationMarker,
  type ValidationClient,
} from '@sanity/validation';
import { getFallbackLocaleSource } from '@sanity/validation/_internal';
import { evaluate, parse } from 'groq-js';
import { createSchema, type SanityClient, type SanityDocument, type Schema } from 'sanity';
import { schemaTypes } from '../content-schemas/index.ts';

/** One rule a document breaks, named so the person who must act can find it. */
export interface DocumentProblem {
  id: string;
  type: string;
  level: 'error' | 'warning' | 'info';
  /** Where in the document, e.g. `awards[_key=="a1"].result`; empty for the whole document. */
  path: string;
  message: string;
  /** Sanity's machine-readable code, e.g. `value.required` or `slug.not-unique`. */
  code: string;
}

/** A document as read from an export or a query: at least an id and a type. */
export type LooseDocument = { _id: string; _type: string } & Record<string, unknown>;

/** Options for {@link validateDocuments}. */
export interface ValidateDocumentsOptions {
  /**
   * Every document that references and slug checks may look at; defaults to the documents
   * validated. Pass the whole dataset when validating only part of it.
   */
  dataset?: readonly LooseDocument[];
}

let compiledSchema: Schema | undefined;

/** Returns the content model compiled the way the Studio compiles it; throws on schema errors. */
export function getCompiledSchema(): Schema {
  if (compiledSchema !== undefined) return compiledSchema;
  const schema = createSchema({ name: 'tanketanken', types: schemaTypes });
  const problems = (schema._validation ?? []).flatMap((group) =>
    group.problems
      .filter((problem) => problem.severity === 'error')
      .map(
        (problem) => `${group.path.map((segment) => segment.name).join('.')}: ${problem.message}`,
      ),
  );
  if (problems.length > 0) {
    throw new Error(`The schema in content-schemas/ has errors:\n${problems.join('\n')}`);
  }
  compiledSchema = schema;
  return schema;
}

/**
 * Returns a client that answers GROQ from memory with groq-js: enough for Sanity's
 * validation, which only fetches. Requests to other endpoints fail with a clear message.
 */
export function createLocalClient(documents: readonly LooseDocument[]): ValidationClient {
  const fetch = async (query: string, params?: Record<string, unknown>): Promise<unknown> => {
    const result = await evaluate(parse(query), {
      dataset: [...documents],
      params: params ?? {},
    });
    return result.get();
  };
  const unavailable = (): never => {
    throw new Error('The offline validation client only answers GROQ queries (fetch).');
  };
  const client = {
    fetch,
    getDataUrl: (operation: string, path?: string) => `offline:${operation}/${path ?? ''}`,
    observable: { fetch: unavailable, request: unavailable },
    withConfig: () => client,
  };
  // The validation package types the client as the full SanityClient; this one implements the
  // part validation uses (fetch), which is checked by the tests that run it.
  return client as unknown as ValidationClient;
}

function formatPath(path: DocumentValidationMarker['path']): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (typeof segment === 'string') return index === 0 ? segment : `.${segment}`;
      if (Array.isArray(segment)) return `[${segment.join(':')}]`;
      return `[_key=="${segment._key}"]`;
    })
    .join('');
}

/**
 * Validates each document against the content model, offline, and returns every problem
 * found (errors, warnings and infos), in document order.
 */
export async function validateDocuments(
  documents: readonly LooseDocument[],
  options: ValidateDocumentsOptions = {},
): Promise<DocumentProblem[]> {
  const schema = getCompiledSchema();
  const dataset = options.dataset ?? documents;
  const client = createLocalClient(dataset);
  const ids = new Set(dataset.map((document) => document._id));
  const problems: DocumentProblem[] = [];
  const workspace = {
    schema,
    getClient: () => client as unknown as SanityClient,
    i18n: getFallbackLocaleSource(),
  };
  const getDocumentExists = ({ id }: { id: string }) => Promise.resolve(ids.has(id));
  for (const document of documents) {
    const sanityDocument = document as unknown as SanityDocument;
    // In Sanity 6.16 the CLI mode adds its unknown-field check to an object's own rules with
    // `.warning()`, which turns every failure of those rules (a duplicate slug, say) into a
    // warning. So: rule levels as the Studio sees them, plus the CLI's unknown-field markers.
    const [asStudio, asCli] = await Promise.all([
      validateDocumentWithWorkspace({
        document: sanityDocument,
        workspace,
        environment: 'studio',
        getDocumentExists,
      }),
      validateDocument({ document: sanityDocument, schema, client, getDocumentExists }),
    ]);
    const unknownFields = asCli.markers.filter(
      (marker) => marker.code === validationMarkerCodes.objectUnknownField,
    );
    const seen = new Set<string>();
    for (const marker of [...asStudio, ...unknownFields]) {
      const problem: DocumentProblem = {
        id: document._id,
        type: document._type,
        level: marker.level,
        path: formatPath(marker.path),
        message: marker.message,
        code: marker.code,
      };
      const key = JSON.stringify(problem);
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/** Formats problems one per line: `error post-1 title: Skriv en tittel. (value.required)`. */
export function formatProblems(problems: readonly DocumentProblem[]): string {
  return problems
    .map(
      (problem) =>
        `${problem.level} ${problem.id} (${problem.type}) ${problem.path || '<dokument>'}: ${problem.message} (${problem.code})`,
    )
    .join('\n');
}
