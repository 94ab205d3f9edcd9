/**
 * The embedded default: without a Sanity project, the service watches the local export
 * (`content/` or LOCAL_DATASET) and asks for a build when it changes, through the same
 * queue as the webhook, so `npm start` shows the whole pipeline offline.
 */
import { watch, type FSWatcher } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A running watch; `close` stops it. */
export interface ExportWatcher {
  /** What is watched, as the log names it. */
  target: string;
  close(): void;
}

/**
 * Whether a changed name inside an export folder is part of the export: `data.ndjson` or
 * a file under `images/` or `files/`. Anything else (an editor's or `sed -i`'s temporary
 * file, a `.DS_Store`) is not content and starts no build. Pure.
 */
export function isExportFile(name: string): boolean {
  const parts = name.split(/[\\/]/);
  if (parts.length === 1) return ['data.ndjson', 'images', 'files'].includes(parts[0] ?? '');
  return parts[0] === 'images' || parts[0] === 'files';
}

/**
 * Watches a folder (recursively) or a single export file and calls `onChange` with the
 * changed file's path relative to the watched folder.
 */
export async function watchExport(
  datasetPath: string,
  onChange: (file: string) => void,
  onError: (error: Error) => void,
): Promise<ExportWatcher> {
  const stat = await fs.stat(datasetPath);
  let watcher: FSWatcher;
  if (stat.isDirectory()) {
    watcher = watch(datasetPath, { recursive: true, persistent: false }, (_event, name) => {
      if (name !== null && isExportFile(String(name))) onChange(String(name));
    });
  } else {
    // A file is often replaced by renaming a new one over it, which ends a watch on the
    // file itself; watching its folder and filtering by name survives that.
    const folder = path.dirname(datasetPath);
    const base = path.basename(datasetPath);
    watcher = watch(folder, { persistent: false }, (_event, name) => {
      if (name !== null && String(name) === base) onChange(base);
    });
  }
  watcher.on('error', onError);
  return {
    target: datasetPath,
    close: () => watcher.close(),
  };
}
