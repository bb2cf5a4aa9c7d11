import { z } from 'astro/zod';
import { entryKey, httpUrl, text } from './common.ts';
import { legalReviewFields } from './legal-review.ts';

/** Front matter of `content/regulations/<key>.md`; the body explains the law in plain language. */
export const regulationSchema = z
  .object({
    /** The law's full official name. */
    name: text,
    /** The short name people use, e.g. "GDPR". */
    short_name: text,
    /** Where it applies, in words, e.g. "European Union" or "California, United States". */
    jurisdiction: text,
    /** ISO 3166 code of the jurisdiction, or `EU` for the European Union; used for filtering. */
    jurisdiction_code: z.string().regex(/^(?:EU|[A-Z]{2}(?:-[A-Z0-9]{1,3})?)$/, 'EU, a country code such as US, or a subdivision code such as US-CA'),
    /** The official text or the regulator's page about it. */
    official_url: httpUrl,
    /** The formal citation, e.g. "Regulation (EU) 2016/679". */
    citation: text,
    /** Keys of agencies that enforce it. */
    agencies: z.array(entryKey).default([]),
    ...legalReviewFields,
  })
  .strict();

export type Regulation = z.infer<typeof regulationSchema>;
