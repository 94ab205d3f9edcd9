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
  } | null;
  building: { startedAt: string; events: { kind: string; detail: string | null }[] } | null;
  queue: { pending: number; events: { kind: string; detail: string | null }[] };
  buildsStarted: number;
  lastBuild: BuildOutcome | null;
  nextScheduledRebuild: string | null;
  lastFailure: { at: string; reason: string } | null;
  source: 'sanity' | 'embedded';
  webhook: 'on' | 'off';
  watching: string | null;
}

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
      ? { at: input.lastFailure.at, reason: input.lastFailure.reason }
      : null,
    source: input.source === 'remote' ? 'sanity' : 'embedded',
    webhook: input.webhook ? 'on' : 'off',
    watching: input.watching ?? null,
  };
}
