import { z } from 'astro/zod';
import { entryKey, isoDate, severity, text } from './common.ts';
import { recordId } from './record-id.ts';

/** Front matter of `content/clauses/<platform>/<document>/<slug>.md` (or `.mdx`); the body is the analysis. */
export const clauseSchema = z
  .object({
    /** Permanent record ID (`<PREFIX>-P-000001`), assigned from the ledger. */
    id: recordId('clause'),
    /** A short, neutral title naming what the clause does. */
    title: text,
    /** One sentence, in plain language, on what the clause means for a user. */
    summary: text.max(240, 'at most 240 characters'),
    /** Key of the clause type (`content/clause-types/<key>.yaml`). */
    clause_type: entryKey,
    /** How much the clause can affect the people bound by it. */
    severity,
    /** How sure the analysis is of its reading of the text. */
    confidence: z.enum(['low', 'medium', 'high']),
    /** The clause's words, verbatim from the document; must occur in at least one snapshot. */
    quote: text.min(20, 'at least 20 characters, so the quote is specific'),
    /** Keys of regulations that bear on the clause (`content/regulations/<key>.md`). */
    regulations: z.array(entryKey).default([]),
    /** Keys of agencies a person could turn to (`content/agencies/<key>.yaml`). */
    agencies: z.array(entryKey).default([]),
    /** Free topic tags, e.g. `artificial-intelligence`, `minors`. */
    categories: z.array(entryKey).default([]),
    /** Other clause types the clause also bears on (keys in `content/clause-types/`), besides its main `clause_type`. */
    secondary_types: z.array(entryKey).default([]),
    /** Clauses read together with this one, as `<platform>/<document>/<slug>`, in any document; the link is shown on both pages. */
    related: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/, 'a clause as <platform>/<document>/<slug>')).default([]),
    /** When the analysis was written (YYYY-MM-DD): not in the future, not before the quote's first capture. Left out when not recorded. */
    written_on: isoDate.optional(),
    /** When a person last checked the analysis against the policy (YYYY-MM-DD): not before `written_on`, not in the future. */
    reviewed_on: isoDate.optional(),
    /** Who wrote or reviewed the analysis, as they want to be credited (names or handles); the atlas's publisher is credited when empty. */
    contributors: z.array(text).default([]),
  })
  .strict();

export type ClauseData = z.infer<typeof clauseSchema>;
/** Clause front matter as written, before defaults are filled in. */
export type ClauseFrontMatter = z.input<typeof clauseSchema>;

/** Section headings every analysis must have, in this order; `Interpretive note` may follow. */
export const requiredSections = ['What it is', 'Why it matters', 'Consumer impact'] as const;
/** Section headings an analysis may add after the required ones. */
export const optionalSections = ['Interpretive note'] as const;
