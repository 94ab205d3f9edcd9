/**
 * The service's state as `GET /api/status` answers it: the live release, the build in
 * progress, the queue, the next scheduled rebuild and the last failure. Built from named
 * fields only, so no token or secret can slip in.
 */
import type { QueueState } from './build-queue.ts';
import type { BuildFailure, BuildOutcome } from './publisher.ts';
import type { ReleaseInfo } from './releases.ts';

/** The JSON of `/api/status`. */
export interface ServiceStatus {
  ok: boolean;
  live: {
    release: string;
    builtAt: string;
    durationMs: number | null;
    documents: number | null;
    contentRevision: string | null;
    /** The content warnings of the live release's build: documents left out, fields dropped. */
    warnings: { count: number; list: string[]; more: number } | null;
  } | null;
  building: { startedAt: string; events: { kind: string; detail: string | null }[] } | null;
  queue: { pending: number; events: { kind: string; detail: string | null }[] };
  buildsStarted: number;
  lastBuild: BuildOutcome | null;
  nextScheduledRebuild: string | null;
  /** The last failed build; `resolvedBy` names the release of a later build that succeeded. */
  lastFailure: { at: string; reason: string; resolvedBy: string | null } | null;
  source: 'sanity' | 'embedded';
  webhook: 'on' | 'off';
  /** The export watched, relative to the project (or its name when outside). */
  watching: string | null;
}

/** How many content warnings the status lists; the rest are counted. */
export const MAX_LISTED_WARNINGS = 50;

/** Formats the status. Pure. */
export function formatStatus(input: {
  live: ReleaseInfo | undefined;
  queue: QueueState;
  lastBuild: BuildOutcome | undefined;
  nextScheduledAt: string | undefined;
  lastFailure: BuildFailure | undefined;
  source: 'remote' | 'local';
  webhook: boolean;
  watching: string | undefined;
}): ServiceStatus {
  const events = (reasons: QueueState['pending']) =>
    reasons.slice(0, 20).map((reason) => ({ kind: reason.kind, detail: reason.detail ?? null }));
  return {
    ok: input.live !== undefined && input.lastBuild?.ok !== false,
    live: input.live
      ? {
          release: input.live.id,
          builtAt: input.live.builtAt,
          durationMs: input.live.durationMs ?? null,
          documents: input.live.documents ?? null,
          contentRevision: input.live.contentRevision ?? null,
          warnings: input.live.warnings
            ? {
                count: input.live.warnings.length,
                list: input.live.warnings.slice(0, MAX_LISTED_WARNINGS),
                more: Math.max(0, input.live.warnings.length - MAX_LISTED_WARNINGS),
              }
            : null,
        }
      : null,
    building: input.queue.running
      ? {
          startedAt: new Date(input.queue.running.startedAt).toISOString(),
          events: events(input.queue.running.reasons),
        }
      : null,
    queue: { pending: input.queue.pending.length, events: events(input.queue.pending) },
    buildsStarted: input.queue.started,
    lastBuild: input.lastBuild ?? null,
    nextScheduledRebuild: input.nextScheduledAt ?? null,
    lastFailure: input.lastFailure
      ? {
          at: input.lastFailure.at,
          reason: input.lastFailure.reason,
          resolvedBy: input.lastFailure.resolvedBy ?? null,
        }
      : null,
    source: input.source === 'remote' ? 'sanity' : 'embedded',
    webhook: input.webhook ? 'on' : 'off',
    watching: input.watching ?? null,
  };
}
