/** How documents are summed up in the Studio's lists: type, status and date on one line. */
import { getStatusTitle } from './constants.ts';

const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/Oslo',
});

/** What a list preview knows about a document. */
export interface PreviewFacts {
  typeLabel: string;
  status?: unknown;
  publishedAt?: unknown;
}

/**
 * Returns a list subtitle such as `Prosjekt · Utprøving · 12. mars 2024`; a date after `now`
 * reads `planlagt …`, because such a document is not on the site yet.
 */
export function formatPreviewSubtitle(facts: PreviewFacts, now: Date): string {
  const parts = [facts.typeLabel];
  if (typeof facts.status === 'string') parts.push(getStatusTitle(facts.status) ?? facts.status);
  const date = typeof facts.publishedAt === 'string' ? new Date(facts.publishedAt) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    parts.push('uten dato');
  } else {
    const formatted = dateFormat.format(date);
    parts.push(date.getTime() > now.getTime() ? `planlagt ${formatted}` : formatted);
  }
  return parts.join(' · ');
}
