/**
 * The incremental load's state file, beside Astro's cache: for each line of the export's
 * `data.ndjson`, what the next load needs to know without reading the line again (its
 * hash, its document's id, type and references, the fields the check stage reads and the
 * validation outcome). Written at the end of a load, read at the start of the next.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocumentOutcome } from '../problems.ts';

/** Bumped when the state file's meaning changes. */
const SCHEME = 'tanketanken-load-state/1';

/** The state file, inside Astro's `cacheDir`. */
export function getLoadStateFile(cacheDir: string): string {
  return path.join(cacheDir, 'tanketanken-load', 'state.json');
}

/** What a load keeps of one line (one document) for the next. */
export interface LineRecord {
  /** SHA-1 of the line's bytes, base64. */
  hash: string;
  id: string;
  type: string;
  /** Every `_ref` in the document. */
  refs: string[];
  /** The check stage's fields of the query result (routable, published documents only). */
  fields?: Record<string, unknown>;
  /** The validation outcome (routable, published documents only). */
  outcome?: DocumentOutcome;
  /** Whether the check stage accepted it (it was linkable) at that load. */
  accepted?: boolean;
}

/** The state file. */
export interface LoadState {
  /** The code, configuration and export file it was made with. */
  key: string;
  /** Names this load; the loader keeps it with the entries it stored from it. */
  loadId: string;
  lines: LineRecord[];
}

/** Reads the state a load with `key` left, or undefined when there is none or it is another's. */
export async function readLoadState(file: string, key: string): Promise<LoadState | undefined> {
  try {
    const state = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<
      LoadState & { scheme: string }
    >;
    if (state.scheme !== SCHEME || state.key !== key || !Array.isArray(state.lines)) {
      return undefined;
    }
    if (typeof state.loadId !== 'string') return undefined;
    return { key: state.key, loadId: state.loadId, lines: state.lines };
  } catch {
    return undefined;
  }
}

/** Writes the state of this load, atomically (a temporary file renamed). */
export async function writeLoadState(file: string, state: LoadState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify({ scheme: SCHEME, ...state }));
  await fs.rename(temporary, file);
}
