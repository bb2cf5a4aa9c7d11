/**
 * bench — how the build scales.
 *
 *   npm run bench [-- --sizes 1000,5000,10000] [--versions 5] [--report docs/bench] [--work tests/.tmp/bench]
 *
 * For each size it generates a synthetic atlas (npm run fixture; one platform
 * per 50 clauses, at least 5), times the Atlas core's stages in a child
 * process, builds the site cold (empty OG cache), edits one clause's title and
 * builds warm (OG cache kept: only that clause's card should be drawn again),
 * and — in the same run, on the same machine — builds a plain Astro project
 * with as many trivial Markdown pages as the atlas build wrote: the floor for
 * this stack. Prints a table and writes report.md and report.json.
 */
import { contentFolder } from '../src/atlas/reading/content-layout.ts';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureFiles } from './lib/fixture/atlas.ts';
import { writeFixture } from './lib/fixture/write.ts';
import { writeFloorProject } from './lib/bench/floor.ts';
import { measure, type Measured } from './lib/bench/measure.ts';
import { writeReport, type Build, type Row } from './lib/bench/report.ts';
import { siteSize } from './lib/bench/site-size.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    versions: { type: 'string', default: '5' },
    report: { type: 'string', default: 'docs/bench' },
    work: { type: 'string', default: 'tests/.tmp/bench' },
  },
  strict: true,
});
const sizes = values.sizes.split(',').map(Number);
const versions = Number(values.versions);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(versions) || versions < 1) {
  console.error('usage: npm run bench -- [--sizes 1000,5000,10000] [--versions 5] [--report DIR] [--work DIR]');
  process.exit(2);
}
const work = resolve(values.work);
const astro = resolve('node_modules/astro/bin/astro.mjs');

function check(step: string, result: Measured): Measured {
  if (result.status !== 0) {
    console.error(`bench: ${step} failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
    process.exit(1);
  }
  return result;
}

async function build(content: string, out: string, ogCache: string, label: string): Promise<Build> {
  const timings = join(work, `${label}.timings.jsonl`);
  rmSync(timings, { force: true });
  const env = { ...process.env, ATLAS_CONTENT: content, ATLAS_OUT: out, ATLAS_CACHE: join(work, 'astro-cache'), ATLAS_OG_CACHE: ogCache, ATLAS_TIMINGS: timings, ASTRO_TELEMETRY_DISABLED: '1' };
  const result = check(label, await measure(process.execPath, [astro, 'build'], env));
  const phases: Record<string, number> = {};
  let ogRendered = 0;
  let ogImages = 0;
  let ogSinceBuildStart: number | undefined;
  for (const line of existsSync(timings) ? readFileSync(timings, 'utf8').trim().split('\n') : []) {
    const entry = JSON.parse(line) as { phase: string; ms: number; rendered?: number; images?: number; sinceBuildStart?: number };
    phases[entry.phase] = entry.ms;
    if (entry.phase === 'og') {
      ogRendered = entry.rendered ?? 0;
      ogImages = entry.images ?? 0;
      ogSinceBuildStart = entry.sinceBuildStart;
    }
  }
  return { ms: Math.round(result.ms), peakBytes: result.peakBytes, peakProcessBytes: result.peakProcessBytes, phases, ogRendered, ogImages, ogSinceBuildStart };
}

/** Appends " (edited)" to the title of the atlas's first clause file, as a contributor's one-line change would. */
function editOneClause(content: string): void {
  const platformDir = join(contentFolder(content, 'clause'), readdirSync(contentFolder(content, 'clause')).sort()[0] ?? '');
  const documentDir = join(platformDir, readdirSync(platformDir).sort()[0] ?? '');
  const file = join(documentDir, readdirSync(documentDir).sort()[0] ?? '');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^title: (.*)$/m, 'title: $1 (edited)');
  if (edited === text) throw new Error(`bench: ${file} has no title line to edit`);
  writeFileSync(file, edited);
}

const rows: Row[] = [];
mkdirSync(work, { recursive: true });
for (const clauses of sizes) {
  const platforms = Math.max(5, Math.round(clauses / 50));
  const content = join(work, `atlas-${clauses}`);
  const options = { platforms, clauses, versions, seed: 1 };
  console.log(`\n# ${clauses} clauses, ${platforms} platforms, ${versions} versions per document`);
  writeFixture(content, fixtureFiles(options), true);
  const core = JSON.parse(check('atlas core', await measure(process.execPath, ['--import', 'tsx', 'scripts/lib/bench/atlas-phases.ts', content], process.env)).output.trim().split('\n')[0] ?? '{}');
  const out = join(work, `dist-${clauses}`);
  const ogCache = join(work, `og-${clauses}`);
  rmSync(ogCache, { recursive: true, force: true });
  const cold = await build(content, out, ogCache, `cold-${clauses}`);
  editOneClause(content);
  const warm = await build(content, out, ogCache, `warm-${clauses}`);
  const size = siteSize(out, (path) => /^\/platform\/[^/]+\/[^/]+\/(?!versions\/)[^/]+\/$/.test(path));
  const floorDir = join(work, `floor-${clauses}`);
  writeFloorProject(floorDir, size.htmlPages);
  const floor = check('floor build', await measure(process.execPath, [astro, 'build', '--root', floorDir], { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }));
  const row: Row = { clauses, platforms, snapshots: core.snapshots, core, cold, warm, floor: { pages: size.htmlPages, ms: Math.round(floor.ms) }, size };
  rows.push(row);
  console.log(JSON.stringify(row));
  rmSync(floorDir, { recursive: true, force: true });
}

const table = writeReport(values.report, { sizes, versions, rows });
console.log(`\n${table}`);
