/**
 * The case query against the case sections descriptor: TypeGen needs the query text
 * written out, so this holds the projection and `CASE_SECTIONS` together — every section
 * fetched, in page order, Portable Text ones through the block projection.
 */
import { describe, expect, test } from 'vitest';
import { CASE_SECTIONS } from '../../content-schemas/case-sections.ts';
import { caseStudiesQuery } from '../../src/sanity/query/queries.ts';

/** Where each case section's projection starts in the query, by field. */
function findSection(field: string, kind: 'blocks' | 'text'): number {
  const pattern =
    kind === 'blocks'
      ? new RegExp(`"${field}": ${field}\\[\\]\\{`)
      : new RegExp(`\\n\\s*${field},`);
  return caseStudiesQuery.search(pattern);
}

describe('caseStudiesQuery', () => {
  test.each(CASE_SECTIONS.map((section) => [section.field, section.kind] as const))(
    'fetches the section %s as %s',
    (field, kind) => {
      expect(findSection(field, kind)).toBeGreaterThan(0);
    },
  );

  test('fetches the sections in the order of CASE_SECTIONS', () => {
    const positions = CASE_SECTIONS.map((section) => findSection(section.field, section.kind));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('fetches no reference target (the checker resolves _ref itself)', () => {
    expect(caseStudiesQuery).not.toContain('->');
  });
});
