import { z } from 'astro/zod';
import { entryKey, severity, text } from './common.ts';
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
  })
  .strict();

export type ClauseData = z.infer<typeof clauseSchema>;

/** Section headings every analysis must have, in this order; `Interpretive note` may follow. */
export const requiredSections = ['What it is', 'Why it matters', 'Consumer impact'] as const;
/** Section headings an analysis may add after the required ones. */
export const optionalSections = ['Interpretive note'] as const;
