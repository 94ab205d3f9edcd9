/**
 * The layout of `src/sanity/`: a pipeline that reads front to back. Stage folders are ranked
 * read → query → check → normalise → store; a stage module may import its own stage or an
 * earlier one (the shapes data arrives in), never a later one, and never a composer
 * (`content.ts`, `source.ts`, `incremental.ts`, `loader.ts`). Shared vocabulary
 * (`collections.ts`, `problems.ts`, `sanity.types.ts`) imports no stage. No import circles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../src/sanity');

const STAGES = ['read', 'query', 'check', 'normalise', 'store'] as const;
const VOCABULARY = new Set(['collections.ts', 'problems.ts', 'sanity.types.ts']);
const COMPOSERS = new Set(['content.ts', 'source.ts', 'incremental.ts', 'loader.ts']);

/** Every `.ts` module under `src/sanity/`, relative to it. */
function listModules(): string[] {
  return fs
    .readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The `src/sanity/` modules a module imports or re-exports, relative to `src/sanity/`. */
function getImports(module: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, module), 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map(
    (match) => match[1] ?? '',
  );
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      path.posix.normalize(path.posix.join(path.posix.dirname(module), specifier)),
    )
    .filter((target) => !target.startsWith('..'));
}

/** A module's rank: vocabulary 0, the stages 1–5 in pipeline order, composers 6. */
function getRank(module: string): number {
  if (VOCABULARY.has(module)) return 0;
  if (COMPOSERS.has(module)) return STAGES.length + 1;
  const stage = STAGES.indexOf(module.split('/')[0] as (typeof STAGES)[number]);
  if (stage < 0)
    throw new Error(
      `src/sanity/${module} is in no stage; file it in one (see docs/architecture.md)`,
    );
  return stage + 1;
}

/** The import circles among `modules`, each as the path that closes it. */
function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (module: string, trail: string[]) => {
    if (state.get(module) === 'done') return;
    if (state.get(module) === 'open') {
      circles.push([...trail.slice(trail.indexOf(module)), module]);
      return;
    }
    state.set(module, 'open');
    for (const target of graph.get(module) ?? []) visit(target, [...trail, module]);
    state.set(module, 'done');
  };
  for (const module of graph.keys()) visit(module, []);
  return circles;
}

const modules = listModules();
const graph = new Map(modules.map((module) => [module, getImports(module)]));

describe('src/sanity/ reads front to back', () => {
  test('the stage folders hold the modules', () => {
    expect(modules.length).toBeGreaterThan(20);
    for (const module of modules) expect(getRank(module)).toBeGreaterThanOrEqual(0);
  });

  test.each(modules)('%s imports no later stage and no composer', (module) => {
    const later = (graph.get(module) ?? []).filter(
      (target) => !COMPOSERS.has(module) && getRank(target) > getRank(module),
    );
    expect(later).toEqual([]);
  });

  test('every import resolves to a module', () => {
    const missing = [...graph].flatMap(([module, targets]) =>
      targets
        .filter((target) => !modules.includes(target))
        .map((target) => `${module} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  test('there are no import circles', () => {
    expect(findCircles(graph)).toEqual([]);
  });

  test('the circle finder finds a circle', () => {
    const circular = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCircles(circular)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
