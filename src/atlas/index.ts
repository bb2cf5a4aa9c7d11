/**
 * The domain core's entry point: load a content root, build the model and
 * validate it, in one pass over the files. No Astro imports, so scripts and
 * tests use it directly.
 *
 * The core is split by trade, each folder's index saying what it offers:
 * reading/ (content files) → model/ (records and computed facts) → checks/
 * and outputs/; routes.ts and site-url.ts are the public paths all of them
 * share. Imports run only that way, to src/schema and src/support, and to
 * libraries: tests/unit/import-graph.test.ts keeps it so.
 */
import { resolve } from 'node:path';
import { loadContent, sortProblems, type Problem } from './reading/index.ts';
import { buildAtlas, type Atlas } from './model/index.ts';
import { validateContent } from './checks/index.ts';

export * from './model/model.ts';
export { formatProblem, type Problem } from './reading/problems.ts';

export interface LoadResult {
  atlas: Atlas;
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
}

/** Loads, links, computes and validates the atlas at `root`. */
export function loadAtlas(root: string, options: { now?: Date; displayBase?: string } = {}): LoadResult {
  const absolute = resolve(root);
  const { content, problems: loadProblems } = loadContent(absolute, options.displayBase ?? process.cwd());
  const atlas = buildAtlas(content);
  const problems = sortProblems([...loadProblems, ...validateContent(content, atlas, options.now ?? new Date())]);
  return {
    atlas,
    problems,
    errors: problems.filter((p) => p.level === 'error'),
    warnings: problems.filter((p) => p.level === 'warning'),
  };
}

export { contentRoot } from './reading/content-layout.ts';

// Keyed on globalThis so the build's integrations and its page bundle, which hold
// separate copies of this module, share one loaded atlas per process.
const loadedKey = Symbol.for('clause-atlas:loaded');
type LoadedCache = Map<string, LoadResult>;

/** Like loadAtlas, but loads each content root at most once per process. */
export function loadAtlasOnce(root: string): LoadResult {
  const store = globalThis as typeof globalThis & { [loadedKey]?: LoadedCache };
  const cache = (store[loadedKey] ??= new Map());
  const key = resolve(root);
  let result = cache.get(key);
  if (!result) {
    result = loadAtlas(key);
    cache.set(key, result);
  }
  return result;
}
