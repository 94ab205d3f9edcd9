/**
 * Renders a case's introduction and its sections once, the same way for the case page and
 * its feed item: the sections come from `content-schemas/case-sections.ts` in its order, each
 * with its heading and heading id, and body headings never take an id the page sets itself
 * (docs/content-model.md, "Innovasjonscase").
 */
import { escapeHTML } from '@portabletext/to-html';
import type { CollectionEntry } from 'astro:content';
import {
  CASE_RESERVED_HEADING_IDS,
  CASE_SECTIONS,
  getCaseSectionHeading,
  type CaseSection,
} from '../../content-schemas/case-sections.ts';
import { splitParagraphs, type RenderedText } from '../lib/portable-text.ts';
import { loadBlocks, renderText } from './render-text.ts';

/** One section that has content, rendered, with the descriptor it comes from. */
export interface RenderedCaseSection {
  section: CaseSection;
  /** The section's heading in the case's own language (nynorsk and English have their own). */
  heading: string;
  html: string;
}

/** A Portable Text problem, with the field it was met in. */
export interface CaseProblem {
  field: string;
  problem: string;
}

/** A case's text as its page and feed item show it. */
export interface RenderedCase {
  /** The body, above the sections; its headings go into the table of contents. */
  intro: RenderedText;
  /** The sections that have content, in the descriptor's order. */
  sections: RenderedCaseSection[];
  /** Every problem met, the body's first, then each section's in order. */
  problems: CaseProblem[];
}

/** Plain text written as paragraphs, escaped. */
function renderParagraphs(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) => `<p>${escapeHTML(paragraph)}</p>`)
    .join('');
}

/**
 * Renders a case's body and sections. Blocks files are read only for sections that have
 * blocks; empty sections are left out.
 */
export async function renderCase(doc: CollectionEntry<'caseStudy'>['data']): Promise<RenderedCase> {
  // The page sets the section headings, the facts box and the prize list itself: their ids
  // are reserved before any text is rendered, so a body heading gets another.
  const usedIds = new Set<string>(CASE_RESERVED_HEADING_IDS);
  const headingOf = (section: CaseSection) => getCaseSectionHeading(section, doc.language);
  const intro = await renderText(await loadBlocks(doc, 'body'), { usedIds });
  const problems: CaseProblem[] = intro.problems.map((problem) => ({ field: 'body', problem }));
  const sections: RenderedCaseSection[] = [];
  for (const section of CASE_SECTIONS) {
    if (section.kind === 'text') {
      const text = doc[section.field];
      if (text)
        sections.push({ section, heading: headingOf(section), html: renderParagraphs(text) });
      continue;
    }
    if (doc[section.field].count === 0) continue;
    const rendered = await renderText(await loadBlocks(doc, section.field), {
      usedIds,
      headingOffset: 1,
    });
    sections.push({ section, heading: headingOf(section), html: rendered.html });
    problems.push(...rendered.problems.map((problem) => ({ field: section.field, problem })));
  }
  return { intro, sections, problems };
}
