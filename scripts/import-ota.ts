/**
 * import-ota — import an Open Terms Archive dataset into the atlas.
 *
 *   npm run import:ota -- <dataset> [--map <file>] [--write-map <file>] [--content <dir>] [--strict] [--dry-run]
 *
 * <dataset>          An OTA collection, either a dataset release
 *                    (<Service>/<Terms type>/<YYYY-MM-DDTHH-MM-SSZ>.md; files directly inside
 *                    it, such as SOURCE-README.md, are ignored) or a clone of a *-versions git
 *                    repository (<Service>/<Terms type>.md; every commit that changes the file
 *                    is a version, captured at the commit's author date, as OTA records it).
 * --map <file>       Import map (e.g. import/pga-v2.yaml; schema in scripts/lib/import-ota/map.ts):
 *                    dataset credit, and per service its platform, the platform entry to
 *                    create and its documents. Services and terms types it does not list
 *                    (or all, without a map) become platform <service-slug> named after the
 *                    service and document <terms-type-slug> titled "<Service> <Terms type>";
 *                    what the dataset cannot tell (website, headquarters, description,
 *                    source_url, capture) is left out, shown as "not recorded" and listed
 *                    by `npm run validate` as warnings. Never guessed: a service that an
 *                    existing platform is or was named, or a terms type whose platform already
 *                    has a document of that type, is skipped until the map says where it goes.
 * --write-map <file> Write the map this run used (given and derived entries) to a new file,
 *                    for a person to refine and pass as --map next time. Never overwrites.
 * --content <dir>    Content folder (default: content).
 * --strict           All or nothing: a version that cannot be imported is a problem.
 *                    Without it such versions (empty, not UTF-8, badly named, unknown terms
 *                    type) are skipped and listed with the reason; the rest is imported.
 * --dry-run          Check everything and list what would be written; write nothing.
 *
 * Creates missing platform and document entries (new document IDs from the ledger,
 * records appended to content/ledger.yaml) and writes every version as
 * content/snapshots/<platform>/<document>/<stamp>.md. Existing entries and
 * snapshots are never rewritten; running it twice writes nothing the second time.
 * All input is checked first: on any problem, every problem is printed and nothing
 * is written.
 *
 * Exit codes: 0 success (skipped versions are listed), 1 problems in the input
 * (nothing written), 2 usage error.
 */
import { access } from 'node:fs/promises';
import { parseCommandLine, usageErrorFor, type UsageError } from './lib/cli.ts';
import { importOta, summarize, writeImportMap } from './lib/import-ota.ts';

const USAGE = 'usage: npm run import:ota -- <dataset> [--map <file>] [--write-map <file>] [--content <dir>] [--strict] [--dry-run]';

const usageError: UsageError = usageErrorFor('import-ota', USAGE);
const { values, positionals } = parseCommandLine(usageError, USAGE, {
      map: { type: 'string' },
      'write-map': { type: 'string' },
      strict: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      'dry-run': { type: 'boolean', default: false },
    });
const [datasetDir, ...extra] = positionals;
if (datasetDir === undefined) usageError('missing <dataset>');
if (extra.length > 0) usageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`);
if (values.map === '') usageError('--map needs a file');
if (values['write-map'] === '') usageError('--write-map needs a file');
if (values.content === '') usageError('--content needs a folder');

try {
  // Checked before importing, so a map that cannot be written never follows an import that was.
  if (values['write-map'] !== undefined && (await access(values['write-map']).then(() => true, () => false))) {
    console.error(`import-ota: ${values['write-map']}: expected a new file for --write-map, found an existing one (a map is never overwritten); nothing was imported`);
    process.exit(1);
  }
  const result = await importOta({
    datasetDir,
    contentDir: values.content,
    mapFile: values.map,
    strict: values.strict,
    dryRun: values['dry-run'],
  });
  const { plan } = result;
  if (values['write-map'] !== undefined && Object.keys(plan.map.services).length > 0) {
    await writeImportMap(values['write-map'], plan.map);
    console.log(`wrote the import map used to ${values['write-map']}`);
  }
  if (plan.problems.length > 0) {
    for (const problem of plan.problems) console.error(problem);
    console.error(`\nimport-ota: ${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'}; nothing was written.`);
    process.exit(1);
  }
  if (result.dryRun) {
    console.log('Dry run: nothing was written. Would write:');
    for (const file of [...plan.platforms.create, ...plan.documents.create]) console.log(`  ${file.path}`);
    if (plan.ledger.append.length > 0) console.log(`  ${plan.ledger.path} (+${plan.ledger.append.map((r) => r.id).join(', ')})`);
    for (const file of plan.snapshots.create) console.log(`  ${file.path}`);
  } else {
    for (const file of [...plan.platforms.create, ...plan.documents.create]) console.log(`created ${file.path}`);
  }
  console.log(summarize(result));
  if (plan.skipped.length > 0) {
    console.log(`\nSkipped (${plan.skipped.length}; --strict refuses the whole import instead):`);
    for (const skipped of plan.skipped) console.log(`  ${skipped.path}: ${skipped.reason}`);
  }
  if (plan.unrecorded.length > 0) {
    console.log('\nNot recorded (the dataset cannot tell; shown as "not recorded", npm run validate warns):');
    for (const entry of plan.unrecorded) console.log(`  ${entry.path}: ${entry.fields.join(', ')}`);
  }
  if (plan.notes.length > 0) {
    console.log('\nTo do by hand:');
    for (const note of plan.notes) console.log(`  ${note}`);
  }
} catch (error) {
  console.error(`import-ota: ${(error as Error).message}`);
  process.exit(1);
}
