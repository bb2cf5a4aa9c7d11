/**
 * import-ota — import an Open Terms Archive dataset into the atlas.
 *
 *   npm run import:ota -- <dataset-dir> [--map <file>] [--content <dir>] [--dry-run]
 *
 * <dataset-dir>    OTA layout: <Service>/<Terms type>/<YYYY-MM-DDTHH-MM-SSZ>.md
 *                  (files directly inside it, such as SOURCE-README.md, are ignored).
 * --map <file>     Import map (e.g. import/pga-v2.yaml; schema in scripts/lib/import-ota.ts):
 *                  dataset credit, and per service its platform, the platform entry to
 *                  create and its documents. Without a map, every service and terms type
 *                  must already have entries (content/platforms/<service>.yaml,
 *                  content/documents/<service>/<terms-type>.yaml, slugified names).
 * --content <dir>  Content folder (default: content).
 * --dry-run        Check everything and list what would be written; write nothing.
 *
 * Creates missing platform and document entries (new document IDs from the ledger,
 * records appended to content/ledger.yaml) and writes every version as
 * content/snapshots/<platform>/<document>/<stamp>.md. Existing entries and
 * snapshots are never rewritten; running it twice writes nothing the second time.
 * All input is checked first: on any problem, every problem is printed and nothing
 * is written.
 *
 * Exit codes: 0 success, 1 problems in the input (nothing written), 2 usage error.
 */
import { parseCommandLine, usageErrorFor, type UsageError } from './lib/cli.ts';
import { importOta, summarize } from './lib/import-ota.ts';

const USAGE = 'usage: npm run import:ota -- <dataset-dir> [--map <file>] [--content <dir>] [--dry-run]';

const usageError: UsageError = usageErrorFor('import-ota', USAGE);
const { values, positionals } = parseCommandLine(usageError, USAGE, {
      map: { type: 'string' },
      content: { type: 'string', default: 'content' },
      'dry-run': { type: 'boolean', default: false },
    });
const [datasetDir, ...extra] = positionals;
if (datasetDir === undefined) usageError('missing <dataset-dir>');
if (extra.length > 0) usageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`);
if (values.map === '') usageError('--map needs a file');
if (values.content === '') usageError('--content needs a folder');

try {
  const result = await importOta({
    datasetDir,
    contentDir: values.content,
    mapFile: values.map,
    dryRun: values['dry-run'],
  });
  const { plan } = result;
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
  if (plan.notes.length > 0) {
    console.log('\nTo do by hand:');
    for (const note of plan.notes) console.log(`  ${note}`);
  }
} catch (error) {
  console.error(`import-ota: ${(error as Error).message}`);
  process.exit(1);
}
