import { describe, expect, it } from 'vitest';
import { CASE_RESERVED_HEADING_IDS, CASE_SECTIONS } from '../../content-schemas/case-sections.ts';
import { slugifyHeading } from '../../src/lib/portable-text.ts';

describe('case sections', () => {
  it('give each section the id its heading slugifies to, so links to a section stay stable', () => {
    for (const section of CASE_SECTIONS) {
      expect(section.headingId, section.field).toBe(slugifyHeading(section.heading));
    }
  });

  it('reserve every heading id a case page sets, each once', () => {
    expect(new Set(CASE_RESERVED_HEADING_IDS).size).toBe(CASE_RESERVED_HEADING_IDS.length);
    expect(CASE_RESERVED_HEADING_IDS).toContain('fakta');
  });
});
