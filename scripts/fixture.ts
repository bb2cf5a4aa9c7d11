/**
 * fixture — generate a synthetic atlas for tests and benchmarks.
 *
 *   npm run fixture -- --platforms N --clauses M --versions V --out DIR [--seed S] [--force]
 *
 * Writes a complete, valid content root into DIR: invented platforms, each with
 * a privacy policy and terms of service (sometimes community guidelines or a
 * cookie policy), V snapshots per document (10–60 KB of Markdown each, with
 * realistic edits between versions and some markup-only versions), M analysed
 * clauses spread over the clause types, a ledger, and the clause types,
 * regulations and agencies of this repository's content/. Build it with
 * `ATLAS_CONTENT=DIR npm run build`.
 *
 * The same options give byte-identical output (seeded PRNG, default seed 1, no
 * clock). DIR must be missing or empty unless --force; the atlas is written
 * into DIR.tmp-<pid> and renamed into place only when complete.
 *
 * Exit codes: 0 success, 1 the output folder cannot be used or writing failed, 2 usage error.
 */
import { fixtureFiles } from './lib/fixture/atlas.ts';
import { parseFixtureArgs, USAGE, UsageError } from './lib/fixture/options.ts';
import { OutputFolderError, writeFixture } from './lib/fixture/write.ts';

let options;
try {
  options = parseFixtureArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`fixture: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const started = performance.now();
try {
  const { files, bytes } = writeFixture(options.out, fixtureFiles(options), options.force);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fixture: wrote ${options.out}: ${plural(options.platforms, 'platform')}, ${plural(options.clauses, 'clause')}, ${plural(options.versions, 'version')} per document, seed ${options.seed} — ${files} files, ${(bytes / 1048576).toFixed(1)} MiB in ${seconds} s`,
  );
} catch (error) {
  console.error(`fixture: ${error instanceof OutputFolderError ? error.message : (error as Error).stack ?? String(error)}`);
  process.exit(1);
}
