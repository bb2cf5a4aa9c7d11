import { z } from 'astro/zod';
import { isoDate, slug, text } from './common.ts';
import { recordKinds } from './record-id.ts';

/** A page path the site may serve; every segment is a slug, as a page built there must be creatable on any file system. */
const sitePath = z
  .string()
  .regex(/^\/(?:[a-z0-9-]+\/)+$/, 'a site path such as /platform/x/privacy-policy/')
  .refine((path) => !/^\/(?:[a-z0-9-]+\/)+$/.test(path) || path.split('/').filter(Boolean).every((segment) => slug.safeParse(segment).success), 'a site path whose every part is a slug of at most 64 characters and no Windows device name');

/** One record ever published: its ID and every site path it has had. */
export const ledgerRecordSchema = z
  .object({
    /** The record ID, never reused. */
    id: z.string().regex(/^[A-Z][A-Z0-9]{1,9}-[PD]-\d{5,6}$/, 'a record ID such as CA-P-000001'),
    /** Whether the record is a clause or a document. */
    kind: z.enum(Object.keys(recordKinds) as ['clause', 'document']),
    /** Every path the record's page has had, oldest first; the last is the current one. */
    paths: z.array(sitePath).min(1, 'at least one path'),
    /** Set when the record is withdrawn; its ID then resolves to a tombstone page. */
    withdrawn: z.object({ on: isoDate, reason: text }).strict().optional(),
  })
  .strict();

/** `content/ledger.yaml`: every record ID ever published. Append-only. */
export const ledgerSchema = z
  .object({
    /** The records, in the order their IDs were assigned. */
    records: z.array(ledgerRecordSchema),
  })
  .strict();

export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;
export type Ledger = z.infer<typeof ledgerSchema>;
