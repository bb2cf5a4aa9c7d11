/**
 * The ledger is append-only: every record it ever held stays, with the same
 * kind, every path it had (in order; new paths are added at the end) and, once
 * withdrawn, the same withdrawal. Only version control knows what the ledger
 * held before, so this compares two parsed ledgers — the one at a base commit
 * and the one on disk — and turns every removal or alteration into a problem.
 * Adding records, adding paths to a record and withdrawing a record pass.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Problem } from '../../src/atlas/reading/problems.ts';
import type { Ledger, LedgerRecord } from '../../src/schema/ledger.ts';

const HINT = 'restore it as it was; the ledger only grows (add a path at the end, or withdraw the record)';

/** The 1-based line of a record's `id:` in the ledger text, when it can be found. */
function lineOf(text: string, id: string): number | undefined {
  const index = text.search(new RegExp(`^[ \\t-]*id:[ \\t]*['"]?${id}['"]?[ \\t]*(?:#.*)?$`, 'm'));
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

const describeRecord = (record: LedgerRecord) => `${record.id} (${record.kind}, ${record.paths.join(', ')}${record.withdrawn ? `, withdrawn ${record.withdrawn.on}` : ''})`;

/**
 * Problems for every record of `before` that `after` removed or altered.
 * `file` is the ledger as shown to the user, `text` its current text (for line
 * numbers) and `base` names the compared commit.
 */
export function ledgerChangeProblems(before: Ledger, after: Ledger, file: string, text: string, base: string): Problem[] {
  const now = new Map(after.records.map((record, index) => [record.id, { record, index }]));
  const problems: Problem[] = [];
  const problem = (field: string, expected: string, found: string, id?: string): void => {
    problems.push({ file, line: id === undefined ? undefined : lineOf(text, id), field, expected, found: `${found} since ${base}`, level: 'error', hint: HINT });
  };
  for (const old of before.records) {
    const current = now.get(old.id);
    if (!current) {
      problem('records', `record ${describeRecord(old)} kept (record IDs are permanent and never reused)`, `it removed`);
      continue;
    }
    const { record, index } = current;
    if (record.kind !== old.kind) problem(`records.${index}.kind`, `${old.kind}, as ${old.id} was`, `${record.kind}`, old.id);
    const kept = record.paths.slice(0, old.paths.length);
    if (!isDeepStrictEqual(kept, old.paths)) {
      const missing = old.paths.filter((path) => !record.paths.includes(path));
      problem(
        `records.${index}.paths`,
        `the paths ${old.id} had, in order, before any new one (${old.paths.join(', ')})`,
        missing.length > 0 ? `${missing.join(', ')} removed` : `them reordered to ${record.paths.join(', ')}`,
        old.id,
      );
    }
    if (old.withdrawn && !isDeepStrictEqual(record.withdrawn, old.withdrawn)) {
      problem(
        `records.${index}.withdrawn`,
        `the withdrawal of ${old.id} kept as it was (on ${old.withdrawn.on}: ${JSON.stringify(old.withdrawn.reason)})`,
        record.withdrawn ? `it changed to on ${record.withdrawn.on}: ${JSON.stringify(record.withdrawn.reason)}` : 'it removed',
        old.id,
      );
    }
  }
  return problems;
}
