/**
 * The prize's nomination window (site settings' `nominationWindow`) against a clock: open,
 * not yet open, or over. Pure, so the form page (at build time) and the service (per
 * request) decide alike; the scheduler rebuilds at both edges (scheduler.ts).
 */

/** The window as the site settings give it (ISO date-times, `closes` after `opens`). */
export interface NominationWindow {
  opens: string;
  closes: string;
}

/** Where `now` falls relative to the window. */
export type WindowState =
  | { kind: 'open'; closes: string }
  | { kind: 'upcoming'; opens: string; closes: string }
  | { kind: 'over'; closed: string }
  | { kind: 'unset' };

const TIME_ZONE = 'Europe/Oslo';

const dateTime = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});
const yearOnly = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE });

/** Decides whether nominations are taken at `now`; a window that cannot be read counts as unset. */
export function getWindowState(window: NominationWindow | undefined, now: Date): WindowState {
  if (!window) return { kind: 'unset' };
  const opens = Date.parse(window.opens);
  const closes = Date.parse(window.closes);
  if (!Number.isFinite(opens) || !Number.isFinite(closes) || closes <= opens) {
    return { kind: 'unset' };
  }
  const at = now.getTime();
  if (at < opens) return { kind: 'upcoming', opens: window.opens, closes: window.closes };
  if (at >= closes) return { kind: 'over', closed: window.closes };
  return { kind: 'open', closes: window.closes };
}

/** Formats a moment as «4. januar 2027 kl. 09:00», in Norway's time zone. */
export function formatOsloDateTime(iso: string): string {
  const parts = dateTime.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((item) => item.type === type)?.value ?? '';
  return `${part('day')}. ${part('month')} ${part('year')} kl. ${part('hour')}:${part('minute')}`;
}

/** The prize year a nomination counts for: the year (in Norway) the window closes. */
export function getNominationYear(window: NominationWindow): number {
  return Number(yearOnly.format(new Date(window.closes)));
}
