import { z } from 'astro/zod';
import { httpUrl, isoDate, text } from './common.ts';

/** One official source a legal record was checked against. */
export const officialSource = z
  .object({
    /** What the source is, e.g. "Regulation (EU) 2016/679 on EUR-Lex". */
    title: text,
    /**
     * Where it is published. Official hosts only: the legislature's or the Official Journal's own site
     * (EUR-Lex, legislation.gov.uk, leginfo.legislature.ca.gov, uscode.house.gov, ecfr.gov, govinfo.gov)
     * or the enforcing agency's own site; never a commentary or mirror.
     */
    url: httpUrl,
  })
  .strict();

/**
 * Fields every regulation and agency record carries so that law is kept current:
 * when a person last checked every date, threshold, fine, scope statement and
 * complaint route on the page, and against which official sources.
 * `npm run validate` warns when `reviewed_on` is more than REVIEW_MAX_AGE_DAYS
 * before the atlas's content date (src/atlas/legal-review.ts).
 */
export const legalReviewFields = {
  /** The day a person last checked the record against its sources (YYYY-MM-DD; not in the future). */
  reviewed_on: isoDate,
  /** The official sources checked, at least one. */
  sources: z.array(officialSource).min(1, 'at least one official source'),
};

export type OfficialSource = z.infer<typeof officialSource>;
