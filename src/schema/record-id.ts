import { z } from 'astro/zod';

/** Record kinds and the letter each uses in its ID. */
export const recordKinds = { clause: 'P', document: 'D' } as const;
export type RecordKind = keyof typeof recordKinds;

const digits: Record<RecordKind, number> = { clause: 6, document: 5 };

/** The pattern of a record ID of one kind, e.g. `CA-P-000042`; the prefix is checked against the site. */
export function recordIdPattern(kind: RecordKind, prefix = '[A-Z][A-Z0-9]{1,9}'): RegExp {
  return new RegExp(`^${prefix}-${recordKinds[kind]}-\\d{${digits[kind]}}$`);
}

/** Formats record number `n` of a kind as an ID, e.g. (clause, 42, 'CA') → `CA-P-000042`. */
export function formatRecordId(kind: RecordKind, n: number, prefix: string): string {
  return `${prefix}-${recordKinds[kind]}-${String(n).padStart(digits[kind], '0')}`;
}

/** A record ID of the given kind. */
export function recordId(kind: RecordKind) {
  const example = formatRecordId(kind, 1, 'CA');
  return z.string().regex(recordIdPattern(kind), `a ${kind} record ID such as ${example}`);
}
