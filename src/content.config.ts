/**
 * Content collections over the top-level content folder (or ATLAS_CONTENT).
 * Their schemas are the ones in src/schema; the Atlas model reads the same
 * files for computed facts, and pages use these collections only to render
 * Markdown bodies (analyses, regulation texts). Astro renders those bodies
 * with the `markdown` options of astro.config.mjs, which come from
 * src/atlas/markdown-syntax.ts: the syntax validation checks, and the sanitiser.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { clauseSchema } from './schema/clause.ts';
import { regulationSchema } from './schema/regulation.ts';

const root = process.env.ATLAS_CONTENT ?? 'content';

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

export const collections = {
  clauses: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: `${root}/clauses`, generateId: byPath }), schema: datesAsWritten(clauseSchema, ['written_on', 'reviewed_on']) }),
  regulations: defineCollection({ loader: glob({ pattern: '*.md', base: `${root}/regulations`, generateId: byPath }), schema: datesAsWritten(regulationSchema, ['reviewed_on']) }),
};
