/**
 * validate — check all content.
 *
 *   npm run validate [-- [<content-dir>] [--since <git-ref>] [--format text|github]]
 *
 * <content-dir>    Content folder (default: content/, or ATLAS_CONTENT).
 * --since <ref>    Also fail when, compared with where the branch left <ref>, a
 *                  committed snapshot was changed, renamed or deleted, or a ledger
 *                  record or any of its paths was removed or altered
 *                  (scripts/lib/append-only.ts). Needs the history of both (CI
 *                  checks out with fetch-depth: 0 and passes the pull request's base).
 * --format text    (default) every problem as `path[:line] field: expected …, found …`.
 * --format github  every problem as a GitHub Actions workflow command
 *                  (`::error file=…,line=…,title=<field>::expected …, found …`, `::warning`
 *                  for warnings), so CI marks the exact line in a pull request.
 *
 * Exit codes: 0 no errors (warnings do not fail), 1 errors, 2 usage or git error.
 */
import { parseCommandLine, usageErrorFor, type UsageError } from './lib/cli.ts';
import { contentRoot, formatProblem, loadAtlas, type Problem } from '../src/atlas/index.ts';
import { formatAnnotation } from '../src/atlas/checks/annotations.ts';
import { sortProblems } from '../src/atlas/reading/problems.ts';
import { plural } from '../src/atlas/model/wording.ts';
import { appendOnlyProblems } from './lib/append-only.ts';
import { GitError } from './lib/git.ts';

const USAGE = 'usage: npm run validate -- [<content-dir>] [--since <git-ref>] [--format text|github]';
const formats = new Map<string, (problem: Problem) => string>([
  ['text', formatProblem],
  ['github', formatAnnotation],
]);

const usageError: UsageError = usageErrorFor('validate', USAGE);
const { values, positionals } = parseCommandLine(usageError, USAGE, { format: { type: 'string', default: 'text' }, since: { type: 'string' } });
const format = formats.get(values.format);
if (!format) usageError(`--format: expected one of ${[...formats.keys()].join(', ')}, found ${JSON.stringify(values.format)}`);
const [dir, ...extra] = positionals;
if (extra.length > 0) usageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`);

const root = dir ?? contentRoot();
const started = performance.now();
const loaded = loadAtlas(root);
const { atlas } = loaded;
let problems = loaded.problems;
if (values.since !== undefined) {
  try {
    problems = sortProblems([...problems, ...(await appendOnlyProblems(root, values.since))]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    console.error(`validate: ${error.message}`);
    process.exit(2);
  }
}
const errors = problems.filter((p) => p.level === 'error');
const warnings = problems.filter((p) => p.level === 'warning');
for (const problem of problems) console.log(format(problem));
const ms = Math.round(performance.now() - started);
const summary = `${atlas.platforms.length} platforms, ${atlas.documents.length} documents, ${atlas.snapshots.length} snapshots, ${atlas.clauses.length} clauses, ${plural(atlas.negatives.length, 'negative finding')} checked${values.since === undefined ? '' : ` (snapshots and ledger compared with ${values.since})`} in ${ms} ms`;
console.log(`${errors.length ? '✗' : '✓'} ${summary}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
process.exitCode = errors.length ? 1 : 0;
