/**
 * Snapshots are append-only: once committed, a snapshot file is never edited,
 * renamed or deleted. The SHA-256 check catches an edited text whose hash was
 * left alone; only version control can catch an edit that rewrote the hash as
 * well. This reads `git diff --name-status -z` output and turns every change
 * to an existing snapshot into a problem; added files pass.
 */
import type { Problem } from '../../src/atlas/reading/problems.ts';

/** What each git status letter means for a snapshot that already existed. */
const statusNames: Record<string, string> = {
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied over',
  T: 'changed in type',
  U: 'left unmerged',
};

/** One entry of `git diff --name-status -z`: a status, its path, and the new path for renames and copies. */
interface NameStatus {
  status: string;
  path: string;
  to?: string;
}

/** Parses NUL-separated `--name-status -z` output (`M\0path\0R100\0old\0new\0`). */
export function parseNameStatus(output: string): NameStatus[] {
  const fields = output.split('\0');
  const entries: NameStatus[] = [];
  for (let i = 0; i + 1 < fields.length; ) {
    const status = fields[i++] ?? '';
    if (!status) break;
    const path = fields[i++] ?? '';
    if (/^[RC]/.test(status)) entries.push({ status: status[0] ?? status, path, to: fields[i++] ?? '' });
    else entries.push({ status: status[0] ?? status, path });
  }
  return entries;
}

/** Problems for every committed snapshot under `snapshotsDir` that the diff changes; `base` names the compared commit. */
export function snapshotChangeProblems(entries: NameStatus[], snapshotsDir: string, base: string): Problem[] {
  const prefix = `${snapshotsDir.replace(/\/+$/, '')}/`;
  return entries
    .filter((entry) => entry.status !== 'A' && entry.path.startsWith(prefix))
    .map((entry) => ({
      file: entry.path,
      field: 'file',
      expected: 'a committed snapshot left exactly as it was (snapshots are append-only)',
      found: `${statusNames[entry.status] ?? `changed (git status ${entry.status})`} since ${base}${entry.to ? ` (now ${entry.to})` : ''}`,
      level: 'error' as const,
      hint: 'restore the file; a new capture goes in a new snapshot file with its own capture time',
    }));
}
