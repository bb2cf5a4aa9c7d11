/**
 * bench-collection — importing and building a whole collection.
 *
 *   npm run bench:collection [-- --documents 200] [--versions 2300] [--report docs/bench] [--work tests/.tmp/collection]
 *   npm run bench:collection -- --dataset <release-folder> [--report DIR] [--work DIR]
 *
 * Writes a dataset release made of the atlas's own snapshots at the size asked
 * for (scripts/lib/bench/collection.ts says how), imports it with no map into
 * an empty content folder (`npm run import:ota`), imports it again (must write
 * nothing), builds the site cold, and reports wall time and peak memory of each
 * step (the whole process tree, sampled every 250 ms) and the output's size.
 * With --dataset it measures a published dataset release instead, as it is.
 * Writes collection.md and collection.json into the report folder.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeCollection, writeCollection, type CollectionSummary } from './lib/bench/collection.ts';
import { measure, type Measured } from './lib/bench/measure.ts';
import { siteSize } from './lib/bench/site-size.ts';

const USAGE = 'usage: npm run bench:collection -- [--documents 200] [--versions 2300] [--dataset DIR] [--report DIR] [--work DIR]';
const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '200' },
    versions: { type: 'string', default: '2300' },
    report: { type: 'string', default: 'docs/bench' },
    work: { type: 'string', default: 'tests/.tmp/collection' },
    dataset: { type: 'string' },
  },
  strict: true,
});
const documents = Number(values.documents);
const versions = Number(values.versions);
if (!Number.isInteger(documents) || documents < 1 || !Number.isInteger(versions) || versions < documents) {
  console.error(USAGE);
  process.exit(2);
}

const work = resolve(values.work);
const dataset = values.dataset ? resolve(values.dataset) : join(work, 'dataset');
const content = join(work, 'content');
const out = join(work, 'dist');
const tsx = resolve('node_modules/tsx/dist/cli.mjs');
const astro = resolve('node_modules/astro/bin/astro.mjs');

function check(step: string, result: Measured): Measured {
  if (result.status !== 0) {
    console.error(`bench-collection: ${step} failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
    process.exit(1);
  }
  return result;
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Largest HTML page of the output, raw bytes, with its path. */
function largestPage(dist: string): { path: string; bytes: number } {
  let largest = { path: '', bytes: 0 };
  for (const path of files(dist)) {
    if (!path.endsWith('.html')) continue;
    const bytes = statSync(path).size;
    if (bytes > largest.bytes) largest = { path: path.slice(dist.length), bytes };
  }
  return largest;
}

// Other work on the machine slows every step: the load average is reported with the figures.
const loadBefore = loadavg()[0] ?? 0;
if (values.dataset && !relative(work, dataset).startsWith('..')) {
  console.error(`bench-collection: --dataset ${dataset} is inside --work ${work}, which is emptied first; put it elsewhere`);
  process.exit(2);
}
rmSync(work, { recursive: true, force: true });
mkdirSync(content, { recursive: true });
// An empty atlas with the project's site settings, clause types and law records, as a new deployment would start.
for (const part of ['site.yaml', 'clause-types', 'regulations', 'agencies']) cpSync(join('content', part), join(content, part), { recursive: true });
writeFileSync(join(content, 'ledger.yaml'), 'records: []\n');

const collection: CollectionSummary = values.dataset ? describeCollection(dataset) : writeCollection('content', dataset, documents, versions);
console.log(`collection: ${collection.documents} documents of ${collection.services} services, ${collection.versions} versions, ${(collection.bytes / 2 ** 20).toFixed(1)} MiB`);

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const importRun = check('import', await measure(process.execPath, [tsx, 'scripts/import-ota.ts', dataset, '--content', content], env));
const again = check('second import', await measure(process.execPath, [tsx, 'scripts/import-ota.ts', dataset, '--content', content], env));
const snapshotsWritten = Number(/snapshots: (\d+) written/.exec(importRun.output)?.[1]);
const snapshotsRewritten = Number(/snapshots: (\d+) written/.exec(again.output)?.[1]);
const build = check('build', await measure(process.execPath, [astro, 'build'], { ...env, ATLAS_CONTENT: content, ATLAS_OUT: out, ATLAS_CACHE: join(work, 'astro-cache'), ATLAS_OG_CACHE: join(work, 'og-cache') }));
const size = siteSize(out, () => false);
const largest = largestPage(out);

const mb = (bytes: number | undefined) => (bytes === undefined ? 'unknown' : `${Math.round(bytes / 2 ** 20)} MiB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cores: cpus().length, memoryBytes: totalmem(), node: process.version, loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 } },
  collection,
  import: { ms: Math.round(importRun.ms), peakBytes: importRun.peakBytes, snapshotsWritten },
  secondImport: { ms: Math.round(again.ms), snapshotsWritten: snapshotsRewritten },
  build: { ms: Math.round(build.ms), peakBytes: build.peakBytes, peakProcessBytes: build.peakProcessBytes },
  output: { files: size.files, bytes: size.bytes, htmlPages: size.htmlPages, largestPage: largest },
};

const table = [
  `# Importing and building a whole collection`,
  ``,
  `Generated by \`npm run bench:collection -- ${values.dataset ? `--dataset ${basename(dataset)}` : `--documents ${documents} --versions ${versions}`}\` on ${result.machine.cores} cores and ${mb(result.machine.memoryBytes)} (Node ${process.version}), ${result.measuredAt.slice(0, 10)}. One run; the one-minute load average was ${loadBefore.toFixed(1)} before it and ${result.machine.loadAverage.after.toFixed(1)} after${Math.max(loadBefore, result.machine.loadAverage.after) > result.machine.cores ? ' (above the core count: other work shared the machine, so the times are longer than on an idle one)' : ''}.`,
  ``,
  `${values.dataset ? `The collection is the dataset release \`${basename(dataset)}\`, as published: ${collection.documents} documents of ${collection.services} services, ${collection.versions} versions` : `The collection is made of real policy versions, the atlas's own snapshots (Platform Governance Archive, ODC-BY), arranged as a dataset release: ${collection.sourceDocuments} real document histories reused under numbered service names until there are ${collection.documents} documents of ${collection.services} services, each history thinned evenly to ${collection.versions} versions in all`} (${(collection.bytes / 2 ** 20).toFixed(1)} MiB of text; ${collection.over600KB} versions over 600 KB, the largest ${Math.round(collection.largestBytes / 1024)} KB). It is imported with no map into an empty atlas, imported again, and built cold.`,
  ``,
  `| step | wall time | peak memory, all processes |`,
  `| --- | ---: | ---: |`,
  `| import (${snapshotsWritten} snapshots written) | ${seconds(importRun.ms)} | ${mb(importRun.peakBytes)} |`,
  `| import again (${snapshotsRewritten} written) | ${seconds(again.ms)} | ${mb(again.peakBytes)} |`,
  `| build, cold (pages, OG cards, search index) | ${seconds(build.ms)} | ${mb(build.peakBytes)} (largest process ${mb(build.peakProcessBytes)}) |`,
  ``,
  `Output: ${size.htmlPages} HTML pages, ${size.files} files, ${mb(size.bytes)}; largest page ${Math.round(largest.bytes / 1024)} KB raw (\`${largest.path}\`).`,
  ``,
].join('\n');
mkdirSync(values.report, { recursive: true });
writeFileSync(join(values.report, 'collection.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(values.report, 'collection.md'), table);
console.log(table);
console.log(`wrote ${join(values.report, 'collection.md')} and collection.json`);
