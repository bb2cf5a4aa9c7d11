/** Committed snapshots are append-only: what `npm run validate -- --since <ref>` reports from a git diff (scripts/lib/snapshot-changes.ts). */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/atlas/reading/problems.ts';
import { parseNameStatus, snapshotChangeProblems } from '../../scripts/lib/snapshot-changes.ts';

const S = 'content/snapshots/acme/privacy-policy';
const diff = [
  'A', `${S}/2024-05-01T00-00-00Z.md`,
  'M', `${S}/2023-02-01T00-00-00Z.md`,
  'D', `${S}/2023-08-01T00-00-00Z.md`,
  'R097', `${S}/2024-03-01T00-00-00Z.md`, `${S}/2024-03-02T00-00-00Z.md`,
  'M', 'content/clauses/acme/privacy-policy/ai-training.md',
  'M', 'content/snapshots-notes.md',
  '',
].join('\0');

describe('snapshot changes', () => {
  it('parses name-status output with renames', () => {
    expect(parseNameStatus(diff).map((e) => e.status)).toEqual(['A', 'M', 'D', 'R', 'M', 'M']);
    expect(parseNameStatus(diff)[3]).toEqual({ status: 'R', path: `${S}/2024-03-01T00-00-00Z.md`, to: `${S}/2024-03-02T00-00-00Z.md` });
    expect(parseNameStatus('')).toEqual([]);
  });

  it('passes added snapshots and reports every modified, deleted or renamed one', () => {
    expect(snapshotChangeProblems(parseNameStatus(diff), 'content/snapshots', 'origin/main').map(formatProblem)).toEqual([
      `${S}/2023-02-01T00-00-00Z.md file: expected a committed snapshot left exactly as it was (snapshots are append-only), found modified since origin/main — restore the file; a new capture goes in a new snapshot file with its own capture time`,
      `${S}/2023-08-01T00-00-00Z.md file: expected a committed snapshot left exactly as it was (snapshots are append-only), found deleted since origin/main — restore the file; a new capture goes in a new snapshot file with its own capture time`,
      `${S}/2024-03-01T00-00-00Z.md file: expected a committed snapshot left exactly as it was (snapshots are append-only), found renamed since origin/main (now ${S}/2024-03-02T00-00-00Z.md) — restore the file; a new capture goes in a new snapshot file with its own capture time`,
    ]);
  });

  it('reports nothing when only new snapshots were added', () => {
    expect(snapshotChangeProblems(parseNameStatus(`A\0${S}/2025-01-01T00-00-00Z.md\0`), 'content/snapshots', 'origin/main')).toEqual([]);
  });
});
