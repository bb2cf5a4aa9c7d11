/**
 * fuzz — mutate the fixture atlas with hostile values and check that whatever
 * validation accepts builds into well-formed output.
 *
 *   npm run fuzz -- [--cases N] [--seed S] [--builds B] [--mutations M] [--quiet]
 *
 * Runs N validation-level cases (default 500; each one mutation of a fresh copy
 * of tests/fixtures/atlas), then B full builds (default 1), each of a copy
 * carrying up to M accepted mutations (default 60). The same seed (default 1)
 * replays the same run. Prints every case unless --quiet, then a summary and
 * each failure.
 *
 * Exit codes: 0 every promise held, 1 failures found, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { fuzz } from './lib/fuzz/run.ts';

const USAGE = 'usage: npm run fuzz -- [--cases N] [--seed S] [--builds B] [--mutations M] [--quiet]';

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    console.error(`fuzz: --${name} expects a whole number, found ${JSON.stringify(value)}\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
}

let values;
try {
  ({ values } = parseArgs({
    options: { cases: { type: 'string' }, seed: { type: 'string' }, builds: { type: 'string' }, mutations: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  }));
} catch (error) {
  console.error(`fuzz: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const started = Date.now();
const report = await fuzz({
  fixture: join(import.meta.dirname, '..', 'tests', 'fixtures', 'atlas'),
  cases: count('cases', values.cases, 500),
  seed: count('seed', values.seed, 1),
  builds: count('builds', values.builds, 1),
  mutationsPerBuild: count('mutations', values.mutations, 60),
  now: new Date(),
  log: values.quiet ? undefined : (line) => console.log(line),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `\n${report.cases} cases: ${report.rejected} rejected by validation, ${report.accepted} accepted, ${report.skipped} not applicable; ` +
    `${report.builds.length} builds (${report.builds.map((b) => `${b.mutations.length} mutations, exit ${b.status}, ${b.filesChecked} files checked`).join('; ') || 'none'}); ${seconds} s`,
);
for (const failure of report.failures) console.log(`✗ ${failure}`);
console.log(report.failures.length ? `✗ ${report.failures.length} failures` : '✓ every promise held');
process.exit(report.failures.length ? 1 : 0);
