import { describe, expect, test } from 'vitest';
import {
  CASE_RESERVED_HEADING_IDS,
  CASE_SECTIONS,
  PAGE_HEADING_IDS,
  getCaseSectionHeading,
} from '../../content-schemas/case-sections.ts';
import { getDocumentLabels, t } from '../../src/lib/i18n.ts';

describe('getDocumentLabels', () => {
  test('bokmål labels are the interface’s own words; unknown languages fall back to them', () => {
    const nb = getDocumentLabels('nb');
    expect(nb.toc).toBe(t.pages.toc);
    expect(nb.related).toBe(t.post.related);
    expect(getDocumentLabels(undefined)).toBe(nb);
    expect(getDocumentLabels('se')).toBe(nb);
  });

  test('nynorsk and English have every label, non-empty, in their own words', () => {
    const nb = getDocumentLabels('nb');
    for (const language of ['nn', 'en'] as const) {
      const labels = getDocumentLabels(language);
      expect(Object.keys(labels).sort()).toEqual(Object.keys(nb).sort());
      for (const [key, value] of Object.entries(labels)) expect(value, key).not.toBe('');
    }
    expect(getDocumentLabels('nn').toc).toBe('Innhald på sida');
    expect(getDocumentLabels('en').related).toBe('Read also');
  });
});

describe('getCaseSectionHeading', () => {
  test('each section has a heading per language, distinct within a language', () => {
    for (const language of ['nb', 'nn', 'en'] as const) {
      const headings = CASE_SECTIONS.map((section) => getCaseSectionHeading(section, language));
      expect(new Set(headings).size, language).toBe(CASE_SECTIONS.length);
      for (const heading of headings) expect(heading.trim(), language).toBe(heading);
    }
    const solution = CASE_SECTIONS.find((section) => section.field === 'solution');
    if (!solution) throw new Error('no solution section');
    expect(getCaseSectionHeading(solution, 'nb')).toBe('Løsning');
    expect(getCaseSectionHeading(solution, 'nn')).toBe('Løysing');
    expect(getCaseSectionHeading(solution, 'en')).toBe('Solution');
    expect(getCaseSectionHeading(solution, undefined)).toBe('Løsning');
  });

  test('the ids of the share links and «Les også» are reserved on a case page', () => {
    expect(CASE_RESERVED_HEADING_IDS).toContain(PAGE_HEADING_IDS.share);
    expect(CASE_RESERVED_HEADING_IDS).toContain(PAGE_HEADING_IDS.related);
  });
});
