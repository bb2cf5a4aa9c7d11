/**
 * check-snapshots-unchanged — fail when a branch edits, renames or deletes a
 * committed snapshot. New snapshot files pass. CI runs it on every pull request
 * against the branch it targets.
 *
 *   npx tsx scripts/check-snapshots-unchanged.ts <base> [--content <dir>] [--format text|github]
 *
 * <base>           The commit to compare with, e.g. origin/main; changes are taken from
 *                  `git diff <base>...HEAD` (since the branch left <base>), so the
 *                  history must hold both (checkout with fetch-depth: 0).
 * --content <dir>  Content folder, relative to the repository (default: content).
 * --format github  Problems as GitHub Actions annotations on the file.
 *
 * Exit codes: 0 no committed snapshot changed, 1 some did, 2 usage or git error.
 */
import { parseCommandLine, usageErrorFor, type UsageError } from './lib/cli.ts';
import { spawnSync } from 'node:child_process';
import { formatAnnotation } from '../src/atlas/annotations.ts';
import { formatProblem } from '../src/atlas/problems.ts';
import { parseNameStatus, snapshotChangeProblems } from './lib/snapshot-changes.ts';

const USAGE = 'usage: npx tsx scripts/check-snapshots-unchanged.ts <base> [--content <dir>] [--format text|github]';

const usageError: UsageError = usageErrorFor('check-snapshots-unchanged', USAGE);
const { values, positionals } = parseCommandLine(usageError, USAGE, { content: { type: 'string', default: 'content' }, format: { type: 'string', default: 'text' } });
const [base, ...extra] = positionals;
if (!base || extra.length) usageError(base ? `unexpected argument ${extra.join(' ')}` : 'expected the base commit to compare with, found nothing');
// A revision starting with `-` would be read by git as an option.
if (base.startsWith('-')) usageError(`expected a commit or branch name, found ${JSON.stringify(base)}`);
const format = values.format === 'github' ? formatAnnotation : values.format === 'text' ? formatProblem : usageError(`--format: expected one of text, github, found ${JSON.stringify(values.format)}`);
const snapshots = `${values.content.replace(/\/+$/, '')}/snapshots`;

const git = spawnSync('git', ['diff', '--name-status', '-z', '--find-renames', `${base}...HEAD`, '--', snapshots], { encoding: 'utf8' });
if (git.status !== 0) {
  console.error(`check-snapshots-unchanged: git diff against ${base} failed: ${(git.stderr || git.error?.message || '').trim()}`);
  process.exit(2);
}
const problems = snapshotChangeProblems(parseNameStatus(git.stdout), snapshots, base);
for (const problem of problems) console.log(format(problem));
console.log(`${problems.length ? '✗' : '✓'} ${problems.length} committed snapshot${problems.length === 1 ? '' : 's'} changed since ${base}`);
process.exitCode = problems.length ? 1 : 0;
