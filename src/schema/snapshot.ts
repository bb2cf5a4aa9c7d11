import { z } from 'astro/zod';
import { httpUrl, isoDate, isoInstant, text } from './common.ts';

/** File-name stamp of a snapshot, the capture instant with colons replaced: 2024-02-21T12-36-13Z. */
export const snapshotStamp = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/;

/** Front matter of `content/snapshots/<platform>/<document>/<stamp>.md`; the body is the captured text. */
export const snapshotSchema = z
  .object({
    /** When the text was captured (UTC); must agree with the file name. */
    captured_at: isoInstant,
    /** The URL the text was captured from; left out when an imported dataset does not tell it. */
    source_url: httpUrl.optional(),
    /** Where `source_url` led after redirects, as captured (set by `npm run capture`). */
    final_url: httpUrl.optional(),
    /** SHA-256 of the body's bytes, lowercase hex; re-checked at every build. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hexadecimal digits'),
    /** A public archive copy of the source near the capture time (e.g. the Wayback Machine). */
    archive_url: httpUrl.optional(),
    /** How the text was obtained. */
    obtained: z
      .object({
        /** `import` from a dataset or `capture` from the live page. */
        method: z.enum(['import', 'capture']),
        /** The tool and version that wrote the file. */
        tool: text,
        /** For imports: the dataset the version came from, as it should be credited. */
        dataset: text.optional(),
      })
      .strict(),
    /** False when the normalised text equals the previous snapshot's (only markup or whitespace changed). */
    substantive: z.boolean(),
    /** The effective or last-updated date the text states for itself, when it states one. */
    effective_date: isoDate.optional(),
  })
  .strict();

export type SnapshotData = z.infer<typeof snapshotSchema>;
