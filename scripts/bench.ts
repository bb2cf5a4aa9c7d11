/**
 * bench — how the build scales against a fair floor.
 *
 *   npm run bench [-- --sizes 1000,5000,10000] [--versions 5] [--repeats 3] [--report docs/bench] [--work tests/.tmp/bench]
 *
 * The atlas is built with `npm run build`'s script (scripts/build.mjs, heap
 * bounded by ATLAS_HEAP_MB). For each size it generates a synthetic atlas (npm run fixture; one platform
 * per 50 clauses, at least 5) and times the Atlas core's stages in a child
 * process. Then, `--repeats` times, in interleaved rounds so both see the same
 * machine load: the atlas built cold (empty Astro, OG and snapshot caches),
 * the floor built cold, the atlas built warm after one clause's title is
 * edited (caches kept), and the floor built warm after one entry's title is
 * edited. The floor (scripts/lib/bench/floor.ts) is plain Astro with one glob
 * collection and one dynamic route writing as many HTML pages as the atlas,
 * each entry as long as the text a reader sees on a clause page, plus Pagefind over every page.
 * With `hugo` on the PATH the same pages are built by Hugo once per size, as a
 * reference line. Prints a table and writes report.md and report.json.
 */
import { contentFolder } from '../src/atlas/reading/content-layout.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureFiles } from './lib/fixture/atlas.ts';
import { writeFixture } from './lib/fixture/write.ts';
import { editFloorEntry, writeFloorProject, writeHugoProject } from './lib/bench/floor.ts';
import { measure, type Measured } from './lib/bench/measure.ts';
import { writeReport, type Build, type FloorBuild, type Row } from './lib/bench/report.ts';
import { siteSize } from './lib/bench/site-size.ts';
import { DEFAULT_HEAP_MB } from './lib/heap-limit.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    versions: { type: 'string', default: '5' },
    repeats: { type: 'string', default: '3' },
    report: { type: 'string', default: 'docs/bench' },
    work: { type: 'string', default: 'tests/.tmp/bench' },
  },
  strict: true,
});
const sizes = values.sizes.split(',').map(Number);
const versions = Number(values.versions);
const repeats = Number(values.repeats);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(versions) || versions < 1 || !Number.isInteger(repeats) || repeats < 1) {
  console.error('usage: npm run bench -- [--sizes 1000,5000,10000] [--versions 5] [--repeats 3] [--report DIR] [--work DIR]');
  process.exit(2);
}
const work = resolve(values.work);
const astro = resolve('node_modules/astro/bin/astro.mjs');
/** The atlas is built as `npm run build` builds it: through the script that bounds its heap. */
const buildScript = resolve('scripts/build.mjs');
const pagefindCli = resolve('node_modules/pagefind/lib/runner/bin.cjs');
const quiet = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const loadBefore = loadavg()[0] ?? 0;

function check(step: string, result: Measured): Measured {
  if (result.status !== 0) {
    console.error(`bench: ${step} failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
    process.exit(1);
  }
  return result;
}

/** Caches the atlas build keeps between builds: Astro's, the OG cards', the rendered snapshots', the pages'. */
function atlasCaches(clauses: number) {
  return { astro: join(work, `astro-cache-${clauses}`), og: join(work, `og-${clauses}`), snapshots: join(work, `snapshot-html-${clauses}`), pages: join(work, `pages-${clauses}`) };
}

async function build(content: string, out: string, clauses: number, label: string): Promise<Build> {
  const timings = join(work, `${label}.timings.jsonl`);
  rmSync(timings, { force: true });
  const caches = atlasCaches(clauses);
  const env = { ...quiet, ATLAS_CONTENT: content, ATLAS_OUT: out, ATLAS_CACHE: caches.astro, ATLAS_OG_CACHE: caches.og, ATLAS_SNAPSHOT_CACHE: caches.snapshots, ATLAS_PAGE_CACHE: caches.pages, ATLAS_TIMINGS: timings };
  const result = check(label, await measure(process.execPath, [buildScript], env));
  const phases: Record<string, number> = {};
  let ogRendered = 0;
  let ogImages = 0;
  let ogSinceBuildStart: number | undefined;
  let pagesReused: number | undefined;
  let pagesReusable: number | undefined;
  for (const line of existsSync(timings) ? readFileSync(timings, 'utf8').trim().split('\n') : []) {
    const entry = JSON.parse(line) as { phase: string; ms: number; rendered?: number; images?: number; sinceBuildStart?: number; reused?: number; pages?: number };
    phases[entry.phase] = entry.ms;
    if (entry.phase === 'og') {
      ogRendered = entry.rendered ?? 0;
      ogImages = entry.images ?? 0;
      ogSinceBuildStart = entry.sinceBuildStart;
    }
    if (entry.phase === 'page-cache') {
      pagesReused = entry.reused;
      pagesReusable = entry.pages;
    }
  }
  return { ms: Math.round(result.ms), peakBytes: result.peakBytes, peakProcessBytes: result.peakProcessBytes, phases, ogRendered, ogImages, ogSinceBuildStart, pagesReused, pagesReusable };
}

/** Builds the floor project (Astro, then Pagefind's CLI over every written page). */
async function floorBuild(dir: string, label: string): Promise<FloorBuild> {
  const astroBuild = await measure(process.execPath, [astro, 'build', '--root', dir], quiet);
  // Plain Astro has limits of its own (its data store is one string, which V8 caps at 512 MB); the atlas is still measured, and the report says why the floor has no figure.
  if (astroBuild.status !== 0) {
    const failed = (/Caused by:\s*\n\s*(.+)/.exec(astroBuild.output)?.[1] ?? `exit ${astroBuild.status}`).trim();
    console.error(`bench: ${label} (astro) failed: ${failed}\n${astroBuild.output.slice(-2000)}`);
    return { ms: 0, astroMs: 0, pagefindMs: 0, peakBytes: astroBuild.peakBytes, failed };
  }
  const site = astroBuild;
  const search = check(`${label} (pagefind)`, await measure(process.execPath, [pagefindCli, '--site', join(dir, 'dist'), '--silent'], quiet));
  const peak = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.max(a, b));
  const astroMs = Math.round(site.ms);
  const pagefindMs = Math.round(search.ms);
  return { ms: astroMs + pagefindMs, astroMs, pagefindMs, peakBytes: peak(site.peakBytes, search.peakBytes) };
}

/** The floor's cold build starts without Astro's cache or data store. */
function clearFloor(dir: string): void {
  for (const path of ['dist', '.astro', 'node_modules']) rmSync(join(dir, path), { recursive: true, force: true });
}

/** Whether `hugo` runs on this machine. */
function hugoInstalled(): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('hugo', ['version'], { stdio: 'ignore' });
    child.on('error', () => done(false));
    child.on('close', (status) => done(status === 0));
  });
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

const isClausePage = (path: string) => /^\/platform\/[^/]+\/[^/]+\/(?!versions\/)[^/]+\/$/.test(path);
const hugo = await hugoInstalled();
const rows: Row[] = [];
mkdirSync(work, { recursive: true });
for (const clauses of sizes) {
  const platforms = Math.max(5, Math.round(clauses / 50));
  const content = join(work, `atlas-${clauses}`);
  const options = { platforms, clauses, versions, seed: 1 };
  console.log(`\n# ${clauses} clauses, ${platforms} platforms, ${versions} versions per document, ${repeats} rounds`);
  writeFixture(content, fixtureFiles(options), true);
  const core = JSON.parse(check('atlas core', await measure(process.execPath, ['--import', 'tsx', 'scripts/lib/bench/atlas-phases.ts', content], process.env)).output.trim().split('\n')[0] ?? '{}');
  const out = join(work, `dist-${clauses}`);
  const floorDir = join(work, `floor-${clauses}`);
  const cold: Build[] = [];
  const warm: Build[] = [];
  const floorCold: FloorBuild[] = [];
  const floorWarm: FloorBuild[] = [];
  let size: ReturnType<typeof siteSize> | undefined;
  for (let round = 1; round <= repeats; round++) {
    for (const cache of Object.values(atlasCaches(clauses))) rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    cold.push(await build(content, out, clauses, `cold-${clauses}-${round}`));
    if (!size) {
      // The floor writes as many HTML pages as the atlas, each entry as long as a clause page's visible text.
      size = siteSize(out, isClausePage);
      writeFloorProject(floorDir, size.htmlPages, size.clausePageText.median);
    }
    clearFloor(floorDir);
    floorCold.push(await floorBuild(floorDir, `floor cold ${clauses}/${round}`));
    const floorPages = floorCold.at(-1)?.failed ? size.htmlPages : siteSize(join(floorDir, 'dist'), () => false).htmlPages;
    if (floorPages !== size.htmlPages) throw new Error(`bench: the floor wrote ${floorPages} HTML pages, expected ${size.htmlPages} as the atlas`);
    editOneClause(content);
    warm.push(await build(content, out, clauses, `warm-${clauses}-${round}`));
    editFloorEntry(floorDir);
    floorWarm.push(await floorBuild(floorDir, `floor warm ${clauses}/${round}`));
    console.log(`round ${round}: atlas cold ${cold.at(-1)?.ms} ms, floor cold ${floorCold.at(-1)?.ms} ms, atlas warm ${warm.at(-1)?.ms} ms, floor warm ${floorWarm.at(-1)?.ms} ms`);
  }
  size = siteSize(out, isClausePage);
  let hugoMs: number | undefined;
  if (hugo) {
    const hugoDir = join(work, `hugo-${clauses}`);
    writeHugoProject(hugoDir, floorDir, size.htmlPages);
    hugoMs = Math.round(check('hugo', await measure('hugo', ['--quiet', '--source', hugoDir], process.env)).ms);
    rmSync(hugoDir, { recursive: true, force: true });
  }
  const row: Row = { clauses, platforms, snapshots: core.snapshots, core, cold, warm, floor: { pages: size.htmlPages, entryBytes: size.clausePageText.median, cold: floorCold, warm: floorWarm }, hugoMs, size };
  rows.push(row);
  console.log(JSON.stringify(row));
  rmSync(floorDir, { recursive: true, force: true });
}

const table = writeReport(values.report, { sizes, versions, repeats, heapMb: Number(process.env.ATLAS_HEAP_MB ?? DEFAULT_HEAP_MB), load: { before: loadBefore, after: loadavg()[0] ?? 0 }, rows });
console.log(`\n${table}`);
