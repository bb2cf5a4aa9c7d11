/**
 * `npm run validate [-- <content-dir>]`: checks all content and prints every
 * problem as `path[:line] field: expected …, found …`. Exits 1 on any error;
 * warnings are printed and do not fail.
 */
import { contentRoot, formatProblem, loadAtlas } from '../src/atlas/index.ts';

const root = process.argv[2] ?? contentRoot();
const started = performance.now();
const { atlas, errors, warnings, problems } = loadAtlas(root);
for (const problem of problems) console.log(formatProblem(problem));
const ms = Math.round(performance.now() - started);
const summary = `${atlas.platforms.length} platforms, ${atlas.documents.length} documents, ${atlas.snapshots.length} snapshots, ${atlas.clauses.length} clauses checked in ${ms} ms`;
console.log(`${errors.length ? '✗' : '✓'} ${summary}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
process.exitCode = errors.length ? 1 : 0;
