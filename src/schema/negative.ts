import { z } from 'astro/zod';
import { isoDate, text } from './common.ts';
import { snapshotStamp } from './snapshot.ts';

/**
 * `content/negatives/<platform>/<document>/<clause-type>.yaml`: a checked
 * negative finding, "this version of the document has no clause of this type".
 * The path names the platform, document and clause type; a negative finding is
 * not a permanent page, so it has no record ID.
 */
export const negativeSchema = z
  .object({
    /** File name (without `.md`) of the document's snapshot that was read, e.g. 2026-07-07T12-30-20Z; normally its newest. */
    snapshot: z.string().regex(snapshotStamp, 'a snapshot stamp such as 2024-02-21T12-36-13Z'),
    /** The day a person read that snapshot in full and found no clause of the type (YYYY-MM-DD, not in the future). */
    checked_on: isoDate,
    /** One sentence in our own words: what was looked for, and what the document says instead, if anything. */
    note: text,
  })
  .strict();

export type NegativeData = z.infer<typeof negativeSchema>;
