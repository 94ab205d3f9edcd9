/** Table of contents: shown on long pages, built from the headings the renderer gave ids. */
import type { Heading } from './portable-text.ts';

/** A page gets a table of contents from this many second-level headings on. */
export const TOC_MIN_H2 = 3;

/** An entry in the table of contents, with its sub-entries. */
export interface TocEntry {
  id: string;
  text: string;
  children: { id: string; text: string }[];
}

/** Builds a two-level table of contents, or undefined when the page has fewer than three h2. */
export function buildToc(headings: readonly Heading[]): TocEntry[] | undefined {
  if (headings.filter((heading) => heading.level === 2).length < TOC_MIN_H2) return undefined;
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.level === 2) {
      entries.push({ id: heading.id, text: heading.text, children: [] });
    } else if (heading.level === 3) {
      entries.at(-1)?.children.push({ id: heading.id, text: heading.text });
    }
  }
  return entries;
}
