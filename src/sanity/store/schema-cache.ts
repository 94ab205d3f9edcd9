/**
 * One collection schema per export file instead of one per entry. Astro calls a collection's
 * schema function for every entry it parses, passing an `image()` of that entry, so each
 * entry built the whole zod schema afresh (the extends, unions and records around the
 * images): at 10,000 documents about 2.5 s of a cold load, ten times the parse itself.
 *
 * The content layer's `image()` depends on nothing but the entry's file path (relative
 * sources are resolved against it), and every entry of the Sanity loader has the export's
 * `data.ndjson` as its file path. So the loader runs each `parseData` inside a scope naming
 * that file path, and the schema built for the first entry of a file is used for the rest.
 * Outside such a scope (Astro's type generation, other callers) the schema is built as usual.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const entryFile = new AsyncLocalStorage<string>();

/** Runs `parse` (a `parseData` call) in the scope of the entry's file path. */
export function parseForFile<T>(filePath: string, parse: () => Promise<T>): Promise<T> {
  return entryFile.run(filePath, parse);
}

/**
 * A schema function that builds its schema once per entry file path (see above), and every
 * time when not called within `parseForFile`.
 */
export function reuseSchemaPerFile<Context, Schema>(
  build: (context: Context) => Schema,
): (context: Context) => Schema {
  const built = new Map<string, Schema>();
  return (context) => {
    const file = entryFile.getStore();
    if (file === undefined) return build(context);
    let schema = built.get(file);
    if (schema === undefined) {
      schema = build(context);
      built.set(file, schema);
    }
    return schema;
  };
}
