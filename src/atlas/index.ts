/**
 * The domain core's entry point: load a content root, build the model and
 * validate it, in one pass over the files. No Astro imports, so scripts and
 * tests use it directly.
 */
import { resolve } from 'node:path';
import { loadContent } from './load.ts';
import { buildAtlas, type Atlas } from './model.ts';
import { sortProblems, type Problem } from './problems.ts';
import { validateContent } from './validate.ts';

export * from './model.ts';
export { formatProblem, type Problem } from './problems.ts';

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

/** The content root: `ATLAS_CONTENT` when set (fixture atlases), else `content/`. */
export function contentRoot(): string {
  return resolve(process.env.ATLAS_CONTENT ?? 'content');
}
