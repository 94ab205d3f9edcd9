/**
 * Every published document of the embedded dataset (content/data.ndjson) passes the schema's
 * validation rules, with Sanity's own validation run offline (studio/validate-documents.ts).
 * A missing dataset fails the test: the site cannot build without one either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatProblems,
  validateDocuments,
  type LooseDocument,
} from '../../studio/validate-documents.ts';

const DATASET = path.resolve(import.meta.dirname, '../../content/data.ndjson');

function readDataset(): LooseDocument[] {
  if (!fs.existsSync(DATASET)) {
    throw new Error(`${DATASET} is missing: the embedded dataset must exist to be validated.`);
  }
  return fs
    .readFileSync(DATASET, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as LooseDocument;
      } catch (error) {
        throw new Error(`content/data.ndjson line ${index + 1} is not JSON: ${String(error)}`, {
          cause: error,
        });
      }
    });
}

function isPublished(document: LooseDocument): boolean {
  return !document._id.startsWith('drafts.') && !document._id.startsWith('versions.');
}

describe('content/data.ndjson against the schema', () => {
  it('has published documents of every content type', () => {
    const types = new Set(
      readDataset()
        .filter(isPublished)
        .map((document) => document._type),
    );
    for (const type of ['post', 'projectStory', 'caseStudy', 'person', 'topic', 'serviceArea']) {
      expect(types, `no published ${type} in content/data.ndjson`).toContain(type);
    }
  });

  it('passes every validation rule in every published document', async () => {
    const dataset = readDataset();
    const published = dataset.filter(isPublished);
    const problems = await validateDocuments(published, { dataset });
    const errors = problems.filter((problem) => problem.level === 'error');
    expect(errors, `\n${formatProblems(errors)}`).toEqual([]);
    const unknownFields = problems.filter((problem) => problem.code === 'object.unknown-field');
    expect(unknownFields, `\n${formatProblems(unknownFields)}`).toEqual([]);
  }, 120_000);
});
