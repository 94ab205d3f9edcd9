import { describe, expect, it } from 'vitest';
import {
  CASE_BLOCKS_FIELDS,
  CASE_RESERVED_HEADING_IDS,
  CASE_SECTIONS,
  PAGE_HEADING_IDS,
} from '../../content-schemas/case-sections.ts';
import { caseStudy } from '../../content-schemas/case-study.ts';
import { slugifyHeading } from '../../src/lib/portable-text.ts';
import { validateDocuments } from '../../studio/validate-documents.ts';

/** The Studio's case fields by name, as `defineType` keeps them. */
const studioFields = new Map(
  (caseStudy.fields as unknown as Record<string, unknown>[]).map((field) => [field['name'], field]),
);

describe('case sections', () => {
  it('give each section the id its heading slugifies to, so links to a section stay stable', () => {
    for (const section of CASE_SECTIONS) {
      expect(section.headingId, section.field).toBe(slugifyHeading(section.heading));
    }
  });

  it('reserve every heading id a case page sets, each once', () => {
    expect(new Set(CASE_RESERVED_HEADING_IDS).size).toBe(CASE_RESERVED_HEADING_IDS.length);
    expect(CASE_RESERVED_HEADING_IDS).toContain(PAGE_HEADING_IDS.facts);
    expect(CASE_RESERVED_HEADING_IDS).toContain(PAGE_HEADING_IDS.prize);
  });

  it('weight the two highest sections above the rest in search, all below the title (7)', () => {
    const byWeight = [...CASE_SECTIONS].sort((a, b) => b.searchWeight - a.searchWeight);
    expect(byWeight.slice(0, 2).map((section) => section.field)).toEqual(['problem', 'results']);
    const [, second, third] = byWeight;
    expect(second?.searchWeight).toBeGreaterThan(third?.searchWeight ?? Infinity);
    for (const section of CASE_SECTIONS) expect(section.searchWeight).toBeLessThan(7);
  });

  it('make the Studio refuse a case without a required section, with its message', async () => {
    const problems = await validateDocuments([
      {
        _id: 'case-empty',
        _type: 'caseStudy',
        _createdAt: '2024-01-01T00:00:00Z',
        _updatedAt: '2024-01-01T00:00:00Z',
        _rev: 'r1',
      },
    ]);
    const sectionErrors = problems
      .filter((problem) => problem.level === 'error')
      .filter((problem) => CASE_SECTIONS.some((section) => section.field === problem.path))
      .map((problem) => ({ path: problem.path, message: problem.message }));
    expect(sectionErrors).toEqual(
      CASE_SECTIONS.filter((section) => section.required).map((section) => ({
        path: section.field,
        message: section.requiredMessage,
      })),
    );
  }, 30_000);

  it('list the Portable Text sections in page order', () => {
    expect(CASE_BLOCKS_FIELDS).toEqual(
      CASE_SECTIONS.filter((section) => section.kind === 'blocks').map((section) => section.field),
    );
  });

  it('become the Studio case form: each section a field with its title, type, group and help', () => {
    const names = [...studioFields.keys()];
    const positions = CASE_SECTIONS.map((section) => names.indexOf(section.field));
    // The sections stand together, in the descriptor's order.
    expect(positions).toEqual(positions.map((_, index) => (positions[0] ?? -1) + index));
    for (const section of CASE_SECTIONS) {
      expect(studioFields.get(section.field), section.field).toMatchObject({
        title: section.studioTitle,
        type: section.kind === 'blocks' ? 'blockContent' : 'text',
        group: section.studioGroup,
        description: section.studioDescription,
        ...(section.kind === 'text' ? { rows: section.rows } : {}),
      });
    }
  });
});
