/** Dates as Norwegian readers expect them: nb-NO, in Norway's time zone. */

const TIME_ZONE = 'Europe/Oslo';

const longDate = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

const monthYear = new Intl.DateTimeFormat('nb-NO', {
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

// Formatters are built once: creating an Intl.DateTimeFormat per call dominated render
// time at 10,000 documents (see BENCHMARKS.md).
const yearOnly = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE });
const calendarDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** Formats a date as «12. mars 2024». */
export function formatDate(value: string | Date): string {
  return longDate.format(typeof value === 'string' ? new Date(value) : value);
}

/** Formats a date as «mars 2024». */
export function formatMonth(value: string | Date): string {
  return monthYear.format(typeof value === 'string' ? new Date(value) : value);
}

/** Returns the calendar year of a date in Norway. */
export function getYear(value: string | Date): number {
  return Number(yearOnly.format(typeof value === 'string' ? new Date(value) : value));
}

/** Returns an ISO 8601 date-time, for `<time datetime>`. */
export function toIsoDate(value: string | Date): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

/** Whether two timestamps fall on different days in Norway (for «sist oppdatert»). */
export function isDifferentDay(a: string, b: string): boolean {
  return calendarDay.format(new Date(a)) !== calendarDay.format(new Date(b));
}
