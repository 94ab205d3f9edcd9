/**
 * What a collection's last complete load came from, kept in the collection's `meta` in
 * Astro's data store between builds: the loader compares it with this build's source
 * fingerprint to decide whether the stored entries can stay as they are.
 */
import type { LoaderContext } from 'astro/loaders';

/** The key, in each collection's `meta`, of what the stored entries were loaded from. */
export const SYNC_STATE_KEY = 'sanity-sync-state';

/** What a collection's last complete load came from, kept in its `meta` between builds. */
export interface SyncState {
  fingerprint: string;
  /** How many entries that load left in the store. */
  entries: number;
  /** When the earliest scheduled document falls due (ISO); the state is stale from then. */
  expiresAt: string | undefined;
  /** Total content problems of that load, all collections together. */
  problems: number;
  /** This collection's warning lines, printed again when the load is skipped. */
  warnings: string[];
  /** The summary line and its level (kept by the summary collection only). */
  summary: { level: 'info' | 'warn'; line: string } | undefined;
  /** The incremental load the stored entries are from (see `incremental.ts`). */
  loadId: string | undefined;
}

function readSummary(value: unknown): SyncState['summary'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const { level, line } = value as Record<string, unknown>;
  if ((level !== 'info' && level !== 'warn') || typeof line !== 'string') return undefined;
  return { level, line };
}

/** Reads the collection's sync state, or undefined when there is none or it is unreadable. */
export function readSyncState(meta: LoaderContext['meta']): SyncState | undefined {
  const text = meta.get(SYNC_STATE_KEY);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SyncState> | null;
    if (
      typeof value?.fingerprint !== 'string' ||
      typeof value.entries !== 'number' ||
      typeof value.problems !== 'number' ||
      !Array.isArray(value.warnings)
    ) {
      return undefined;
    }
    return {
      fingerprint: value.fingerprint,
      entries: value.entries,
      expiresAt: typeof value.expiresAt === 'string' ? value.expiresAt : undefined,
      problems: value.problems,
      warnings: value.warnings.filter((line): line is string => typeof line === 'string'),
      summary: readSummary(value.summary),
      loadId: typeof value.loadId === 'string' ? value.loadId : undefined,
    };
  } catch {
    return undefined;
  }
}

/** Forgets the collection's sync state: a build that stops half-way must not look complete. */
export function clearSyncState(meta: LoaderContext['meta']): void {
  if (meta.has(SYNC_STATE_KEY)) meta.delete(SYNC_STATE_KEY);
}

/** Records what the collection's stored entries were loaded from. */
export function writeSyncState(meta: LoaderContext['meta'], state: SyncState): void {
  meta.set(SYNC_STATE_KEY, JSON.stringify(state));
}
