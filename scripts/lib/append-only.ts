/**
 * `npm run validate -- --since <ref>`: what a branch may not do to the
 * published record, judged against the commit where it left `<ref>` (their
 * merge base, so snapshots added to `<ref>` later are not taken for deletions)
 * and the content folder as it is on disk (uncommitted changes count):
 * - a committed snapshot edited, renamed or deleted (scripts/lib/snapshot-changes.ts);
 * - a ledger record, or any of its paths or its withdrawal, removed or altered
 *   (scripts/lib/ledger-changes.ts).
 * Git runs asynchronously (scripts/lib/git.ts); problems name files relative to
 * `displayBase`, like the rest of validate's.
 */
import { join, relative } from 'node:path';
import { LEDGER_FILE, parseLedger, readLedgerFile } from '../../src/atlas/reading/ledger-file.ts';
import type { Problem } from '../../src/atlas/reading/problems.ts';
import { git, GitError, repositoryOf } from './git.ts';
import { ledgerChangeProblems } from './ledger-changes.ts';
import { parseNameStatus, snapshotChangeProblems } from './snapshot-changes.ts';

/**
 * Problems for every change to the published record since `since`. Throws
 * GitError (a usage problem, not a content one) when the folder is not in a
 * git repository or `since` names no commit.
 */
export async function appendOnlyProblems(contentRoot: string, since: string, displayBase = process.cwd()): Promise<Problem[]> {
  // A revision starting with `-` would be read by git as an option.
  if (since.startsWith('-') || since === '') throw new GitError(`--since: expected a commit or branch name, found ${JSON.stringify(since)}`);
  const repository = await repositoryOf(contentRoot);
  if (!repository) throw new GitError(`--since: expected the content folder ${contentRoot} inside a git repository, found none`);
  const { top, prefix } = repository;
  const show = (path: string) => relative(displayBase, join(top, path)).split('\\').join('/');
  await git(['rev-parse', '--verify', '--quiet', `${since}^{commit}`], top).catch(() => {
    throw new GitError(`--since: expected a commit known to this repository, found ${JSON.stringify(since)} (fetch it, e.g. with fetch-depth: 0)`);
  });
  const base = (await git(['merge-base', since, 'HEAD'], top)).trim();

  const snapshots = `${prefix}snapshots`;
  const diff = await git(['diff', '--name-status', '-z', '--find-renames', '--no-ext-diff', base, '--', snapshots], top);
  const problems = snapshotChangeProblems(parseNameStatus(diff), snapshots, since).map((problem) => ({ ...problem, file: show(problem.file) }));

  const ledgerPath = `${prefix}${LEDGER_FILE}`;
  const atBase = (await git(['ls-tree', '--name-only', base, '--', ledgerPath], top)).trim() !== '';
  if (atBase) {
    const before = parseLedger(await git(['show', `${base}:${ledgerPath}`], top), ledgerPath);
    const after = await readLedgerFile(join(contentRoot, LEDGER_FILE));
    // An unreadable ledger at the base cannot be compared; one unreadable now is reported by validate itself.
    if (before.problems.length === 0 && after.problems.length === 0) {
      problems.push(...ledgerChangeProblems(before.ledger, after.ledger, show(ledgerPath), after.text ?? '', since));
    }
  }
  return problems;
}
