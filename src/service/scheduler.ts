/**
 * Scheduled publishing: a document whose `publishedAt` is in the future is left out of the
 * build (docs/content-model.md), so the site must be built again when that moment comes.
 * Before each build the service asks the content source for those times and the content's
 * revision; after it, one timer waits for the earliest. On restart the same question is
 * asked again, so no scheduled document is missed. The prize's nomination window counts
 * too: its opening and closing times turn the form page over (README, «Juryen»).
 */
import { CONTENT_TYPES } from '../../content-schemas/constants.ts';
import type { SiteConfig } from '../config.ts';
import { openContentSource } from '../sanity/source.ts';

/** setTimeout's longest wait; a later time is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The dated documents published later than `$now`, and the newest change. Drafts and
 * release versions never count: the build leaves them out too.
 */
const PROBE_QUERY = `{
  "scheduled": *[_type in $types && !(_id in path("drafts.**")) && !(_id in path("versions.**")) && defined(publishedAt) && dateTime(publishedAt) > dateTime($now)].publishedAt,
  "revision": *[!(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(_updatedAt desc)[0]._updatedAt,
  "nominationWindow": *[_id == "siteSettings"][0].nominationWindow{ opens, closes }
}`;

/** What the service learns from the content source before a build. */
export interface ContentProbe {
  /** The earliest future `publishedAt` or nomination window edge (ISO), if any. */
  nextScheduledAt: string | undefined;
  /** The newest `_updatedAt` among published documents. */
  revision: string | undefined;
}

/** The earliest of `times` later than `now` (ISO), ignoring values that are not dates. Pure. */
export function findNextScheduled(times: readonly unknown[], now: Date): string | undefined {
  let next = Number.POSITIVE_INFINITY;
  for (const time of times) {
    if (typeof time !== 'string') continue;
    const at = Date.parse(time);
    if (Number.isFinite(at) && at > now.getTime() && at < next) next = at;
  }
  return Number.isFinite(next) ? new Date(next).toISOString() : undefined;
}

/** Asks the content source for the next scheduled time and the revision (one query). */
export async function probeContent(
  config: SiteConfig,
  options: { cwd: string; now: Date },
): Promise<ContentProbe> {
  const { engine } = await openContentSource(config, options.cwd);
  const result = (await engine.fetch(PROBE_QUERY, {
    types: [...CONTENT_TYPES],
    now: options.now.toISOString(),
  })) as { scheduled?: unknown; revision?: unknown; nominationWindow?: unknown } | null;
  const scheduled = Array.isArray(result?.scheduled) ? (result.scheduled as unknown[]) : [];
  // The prize's nomination form opens and closes at the window's edges: the page is static,
  // so each edge is a rebuild like a scheduled document (src/service/nomination-window.ts).
  const window = result?.nominationWindow;
  if (typeof window === 'object' && window !== null) {
    const { opens, closes } = window as { opens?: unknown; closes?: unknown };
    scheduled.push(opens, closes);
  }
  return {
    nextScheduledAt: findNextScheduled(scheduled, options.now),
    revision: typeof result?.revision === 'string' ? result.revision : undefined,
  };
}

/** One timer for the next scheduled rebuild; setting it again replaces the last one. */
export class ScheduleTimer {
  readonly #onDue: (at: string) => void;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #at: string | undefined;

  constructor(onDue: (at: string) => void, now: () => number = Date.now) {
    this.#onDue = onDue;
    this.#now = now;
  }

  /** Waits for `at` (ISO), or for nothing when undefined. */
  set(at: string | undefined): void {
    this.clear();
    this.#at = at;
    if (at === undefined) return;
    const arm = () => {
      const wait = Date.parse(at) - this.#now();
      this.#timer = setTimeout(
        () => {
          if (Date.parse(at) > this.#now()) {
            arm();
            return;
          }
          this.#timer = undefined;
          this.#at = undefined;
          this.#onDue(at);
        },
        // A few ms late rather than early: the build's clock must see the time as past.
        Math.min(Math.max(wait + 5, 0), MAX_TIMER_MS),
      );
      this.#timer.unref();
    };
    arm();
  }

  /** The time waited for (ISO), if any. */
  get next(): string | undefined {
    return this.#at;
  }

  /** Stops waiting. */
  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#at = undefined;
  }
}
