/**
 * Content collections over the top-level content folder (or ATLAS_CONTENT).
 * Their folders, globs and schemas come from the content layout table
 * (src/atlas/reading/content-layout.ts); the Atlas model reads the same
 * files for computed facts, and pages use these collections only to render
 * Markdown bodies (analyses, regulation texts). Astro renders those bodies
 * with the `markdown` options the clauseAtlas() integration sets, which come from
 * src/atlas/reading/markdown-syntax.ts: the syntax validation checks, and the sanitiser.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_LAYOUT, contentFolder, contentGlob, contentRoot, type ContentKind } from './atlas/reading/content-layout.ts';

const root = contentRoot();
const byPath = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');
const collection = (kind: ContentKind & ('clause' | 'regulation')) =>
  defineCollection({ loader: glob({ pattern: contentGlob(kind), base: contentFolder(root, kind), generateId: byPath }), schema: CONTENT_LAYOUT[kind].schema });

export const collections = {
  clauses: collection('clause'),
  regulations: collection('regulation'),
};
