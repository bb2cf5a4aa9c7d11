import { z } from 'astro/zod';
import { httpUrl, text } from './common.ts';
import { legalReviewFields } from './legal-review.ts';

/** `content/agencies/<key>.yaml`: a public body a person can complain to. */
export const agencySchema = z
  .object({
    /** Official name. */
    name: text,
    /** Short name or acronym, e.g. "FTC". */
    short_name: text,
    /** Where it has authority, in words. */
    jurisdiction: text,
    /** ISO 3166 code of the jurisdiction, `EU`, or a subdivision code such as US-CA. */
    jurisdiction_code: z.string().regex(/^(?:EU|[A-Z]{2}(?:-[A-Z0-9]{1,3})?)$/, 'EU, a country code such as US, or a subdivision code such as US-CA'),
    /** The agency's home page. */
    official_url: httpUrl,
    /** Who may file a complaint or report. */
    who_can_file: text,
    /** What to have ready before filing. */
    what_you_need: z.array(text).min(1, 'at least one item'),
    /** What happens after filing, stated without promising outcomes. */
    what_to_expect: text,
    /** Where to file. */
    where_to_file: z.object({ label: text, url: httpUrl }).strict(),
    ...legalReviewFields,
  })
  .strict();

export type Agency = z.infer<typeof agencySchema>;
