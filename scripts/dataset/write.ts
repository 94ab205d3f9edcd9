/**
 * Writes a generated dataset to disk in the layout `sanity dataset export` unpacks to:
 * `<out>/data.ndjson` and `<out>/images/<sha1>-<w>x<h>.<ext>`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedDataset } from './documents.ts';

/** Replaces `outDir` with the dataset; returns the path of data.ndjson. */
export async function writeDataset(dataset: GeneratedDataset, outDir: string): Promise<string> {
  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(path.join(outDir, 'images'), { recursive: true });
  for (const image of dataset.images) {
    await fs.writeFile(path.join(outDir, 'images', image.fileName), image.bytes);
  }
  const dataFile = path.join(outDir, 'data.ndjson');
  const handle = await fs.open(dataFile, 'w');
  try {
    // Written in slices so 50,000 documents never build one giant string.
    for (let start = 0; start < dataset.documents.length; start += 500) {
      const slice = dataset.documents.slice(start, start + 500);
      await handle.write(slice.map((document) => `${JSON.stringify(document)}\n`).join(''));
    }
  } finally {
    await handle.close();
  }
  return dataFile;
}
