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
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { CONTENT_LAYOUT, contentFolder, contentGlob, contentRoot, type ContentKind } from './atlas/reading/content-layout.ts';

const root = contentRoot();

/**
 * Astro parses front matter as YAML 1.1, which turns an unquoted date such as
 * `reviewed_on: 2026-11-29` into a Date; the atlas's own loader (and so
 * validation) keeps dates as the text written. Giving Astro the same text back
 * for the named fields lets one schema serve both.
 */
function datesAsWritten<T extends z.ZodType>(schema: T, fields: readonly string[]) {
  return z.preprocess((data) => {
    if (typeof data !== 'object' || data === null) return data;
    const record = data as Record<string, unknown>;
    const dates = fields.flatMap((field) => {
      const value = record[field];
      return value instanceof Date ? [[field, value.toISOString().slice(0, 10)]] : [];
    });
    return dates.length ? { ...record, ...Object.fromEntries(dates) } : data;
  }, schema);
}
const byPath = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');
const collection = (kind: ContentKind & ('clause' | 'regulation'), dateFields: readonly string[]) =>
  defineCollection({ loader: glob({ pattern: contentGlob(kind), base: contentFolder(root, kind), generateId: byPath }), schema: datesAsWritten(CONTENT_LAYOUT[kind].schema, dateFields) });

export const collections = {
  clauses: collection('clause', ['written_on', 'reviewed_on']),
  regulations: collection('regulation', ['reviewed_on']),
};
