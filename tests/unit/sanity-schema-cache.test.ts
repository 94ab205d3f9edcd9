/**
 * `reuseSchemaPerFile`: a collection's schema is built once per entry file within
 * `parseForFile`, and every time outside it (Astro's type generation calls it bare).
 */
import { describe, expect, test } from 'vitest';
import { parseForFile, reuseSchemaPerFile } from '../../src/sanity/store/schema-cache.ts';

describe('reuseSchemaPerFile', () => {
  test('builds once per file inside parseForFile, each time outside it', async () => {
    const built: string[] = [];
    const schema = reuseSchemaPerFile((context: { name: string }) => {
      built.push(context.name);
      return { builtFor: context.name };
    });
    const inFile = (file: string, name: string) =>
      parseForFile(file, () => Promise.resolve(schema({ name })));

    const first = await inFile('a/data.ndjson', 'first');
    const second = await inFile('a/data.ndjson', 'second');
    expect(second).toBe(first);
    // Concurrent parses, as eight collections do, see their own file.
    const [other, again] = await Promise.all([
      inFile('b/data.ndjson', 'other'),
      inFile('a/data.ndjson', 'third'),
    ]);
    expect(other.builtFor).toBe('other');
    expect(again).toBe(first);
    expect(schema({ name: 'bare' }).builtFor).toBe('bare');
    expect(built).toEqual(['first', 'other', 'bare']);
  });
});
