import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatSearchMeasurement, measureSearch } from '../../scripts/bench-search.ts';

let copy: string;

beforeAll(async () => {
  // A copy, since measuring rewrites /pagefind/ and other tests read the shared build.
  copy = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-search-bench-'));
  await fs.cp(inject('siteDir'), copy, { recursive: true });
});

afterAll(async () => {
  await fs.rm(copy, { recursive: true, force: true });
});

describe('search benchmark', () => {
  it('measures index time, index size and the bytes of a first query', async () => {
    const result = await measureSearch(copy, 'sensor');
    const entry = JSON.parse(
      await fs.readFile(path.join(copy, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, item) => sum + item.page_count, 0);
    expect(result.pages).toBe(pages);
    expect(result.indexMs).toBeGreaterThan(0);
    expect(result.indexFiles).toBe(
      (
        await fs.readdir(path.join(copy, 'pagefind'), { recursive: true, withFileTypes: true })
      ).filter((item) => item.isFile()).length,
    );
    expect(result.results).toBeGreaterThan(0);
    expect(result.firstQueryIndexBytes).toBeGreaterThan(0);
    expect(result.firstQueryIndexBytes).toBeLessThan(result.firstQueryBytes);
    // A first query fetches a part of the index, not all of it.
    expect(result.firstQueryIndexBytes).toBeLessThan(result.indexBytes);
    expect(formatSearchMeasurement(result)).toMatch(/^\d+ pages indexed in \d+ ms; index /);
  });

  it('says what to do when the folder is not a built site', async () => {
    await expect(measureSearch(os.tmpdir())).rejects.toThrow(/no sok\/index.html: build the site/);
  });
});
