/**
 * Content collections over the top-level content folder (or ATLAS_CONTENT).
 * Their schemas are the ones in src/schema; the Atlas model reads the same
 * files for computed facts, and pages use these collections only to render
 * Markdown bodies (analyses, regulation texts). Astro renders those bodies
 * with the `markdown` options of astro.config.mjs, which come from
 * src/atlas/reading/markdown-syntax.ts: the syntax validation checks, and the sanitiser.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { clauseSchema } from './schema/clause.ts';
import { regulationSchema } from './schema/regulation.ts';

const root = process.env.ATLAS_CONTENT ?? 'content';
const byPath = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

export const collections = {
  clauses: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: `${root}/clauses`, generateId: byPath }), schema: clauseSchema }),
  regulations: defineCollection({ loader: glob({ pattern: '*.md', base: `${root}/regulations`, generateId: byPath }), schema: regulationSchema }),
};
