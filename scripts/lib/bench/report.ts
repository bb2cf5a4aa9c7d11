/**
 * The benchmark's report: the measurements of every size as report.json, and
 * Markdown tables as report.md — the atlas against the fair floor (min and
 * median over the interleaved rounds, and their ratios), the phases of the
 * first cold and warm build, and the growth between consecutive sizes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteSize } from './site-size.ts';

/** One size's measurements, as report.json keeps them. */
export interface Row {
  clauses: number;
  platforms: number;
  snapshots: number;
  core: { load: number; model: number; validate: number; exports: number };
  /** One atlas build per round, in order: cold with empty caches, warm after a one-clause edit. */
  cold: Build[];
  warm: Build[];
  /** The fair floor (floor.ts), built in the same rounds: as many pages, `entryBytes` of Markdown each. */
  floor: { pages: number; entryBytes: number; cold: FloorBuild[]; warm: FloorBuild[] };
  /** Hugo over the floor's pages, once, when it is installed. */
  hugoMs?: number | undefined;
  size: SiteSize;
}

/** One build of the site. */
export interface Build {
  ms: number;
  /** Peak resident memory of the build's process tree (Node, its workers, Pagefind). */
  peakBytes: number | undefined;
  /** Peak resident memory of its largest process. */
  peakProcessBytes: number | undefined;
  phases: Record<string, number>;
  ogImages: number;
  ogRendered: number;
  /** From the start of the build to the last card: OG rendering starts with the build, on the core page rendering leaves idle. */
  ogSinceBuildStart?: number | undefined;
  /** Clause and version pages copied from the page cache, of how many there are (src/integrations/page-cache.ts). */
  pagesReused?: number | undefined;
  pagesReusable?: number | undefined;
}

/** One build of the floor: Astro, then Pagefind's CLI; `ms` is both. */
export interface FloorBuild {
  ms: number;
  astroMs: number;
  pagefindMs: number;
  peakBytes: number | undefined;
  /** Why the floor's Astro build failed, when it did; its times are then 0 and left out of the report. */
  failed?: string | undefined;
}

export interface Report {
  sizes: number[];
  versions: number;
  repeats: number;
  /** The atlas build's heap limit in MB (ATLAS_HEAP_MB, scripts/build.mjs). */
  heapMb: number;
  /** One-minute load average when the run started and when it ended. */
  load: { before: number; after: number };
  rows: Row[];
}

const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 1048576)} MB`);
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`);

/** The smallest and the median (the mean of the two middle values for an even count) of some times, in ms. */
export function minMedian(values: readonly number[]): { min: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? (sorted[Math.floor(middle)] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median };
}

/** The floor builds that succeeded. */
const succeeded = (builds: readonly FloorBuild[]) => builds.filter((b) => !b.failed);
/** A table cell saying why a size's floor has no figure. */
const floorFailure = (r: Row) => `failed: ${[...r.floor.cold, ...r.floor.warm].find((b) => b.failed)?.failed ?? 'no build'}`;

const spread = (values: readonly number[]) => {
  const { min, median } = minMedian(values);
  return `${s(min)} / ${s(median)}`;
};
/** atlas ÷ floor, by min and by median. */
const ratios = (atlas: readonly number[], floor: readonly number[]) => {
  const a = minMedian(atlas);
  const f = minMedian(floor);
  return `${(a.min / f.min).toFixed(2)} / ${(a.median / f.median).toFixed(2)}`;
};
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const peakOf = (builds: ReadonlyArray<{ peakBytes: number | undefined }>) => Math.max(0, ...builds.map((b) => b.peakBytes ?? 0)) || undefined;

/** The tables of every size, then how each grew against the size before it. */
export function reportTable(report: Report): string {
  const floorTable = [
    '| clauses | HTML pages | atlas cold (min / median) | floor cold (min / median) | cold ÷ floor (min / median) | atlas warm (min / median) | floor warm (min / median) | warm ÷ floor (min / median) | warm ÷ atlas cold (median) | floor: Astro / Pagefind (median cold) | Hugo, same pages | peak memory: atlas (largest process) / floor |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.rows.map((r) => {
      const ms = (builds: ReadonlyArray<{ ms: number }>) => builds.map((b) => b.ms);
      const floorCold = succeeded(r.floor.cold);
      const floorWarm = succeeded(r.floor.warm);
      const failed = floorFailure(r);
      return row([
        r.clauses,
        r.floor.pages,
        spread(ms(r.cold)),
        floorCold.length ? spread(ms(floorCold)) : failed,
        floorCold.length ? ratios(ms(r.cold), ms(floorCold)) : '–',
        spread(ms(r.warm)),
        floorWarm.length ? spread(ms(floorWarm)) : failed,
        floorWarm.length ? ratios(ms(r.warm), ms(floorWarm)) : '–',
        `${Math.round((100 * minMedian(ms(r.warm)).median) / minMedian(ms(r.cold)).median)}%`,
        floorCold.length ? `${s(minMedian(floorCold.map((b) => b.astroMs)).median)} / ${s(minMedian(floorCold.map((b) => b.pagefindMs)).median)}` : '–',
        r.hugoMs === undefined ? 'not installed' : s(r.hugoMs),
        `${mb(peakOf([...r.cold, ...r.warm]))} (${mb(Math.max(0, ...[...r.cold, ...r.warm].map((b) => b.peakProcessBytes ?? 0)) || undefined)}) / ${mb(peakOf([...r.floor.cold, ...r.floor.warm]))}`,
      ]);
    }),
  ];
  const phaseTable = [
    '| clauses | snapshots | load | model | validate | exports | pages (cold) | search index (cold) | record files (cold, beside the search index) | OG cold: after pages (per image) | OG warm (rendered) | pages reused warm | output | largest page | clause page gzip (median / max) | first search | filter lists |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.rows.map((r) => {
      const cold = r.cold[0];
      const warm = r.warm[0];
      return row([
        r.clauses,
        r.snapshots,
        s(r.core.load),
        s(r.core.model),
        s(r.core.validate),
        s(r.core.exports),
        s(cold?.phases.pages),
        s(cold?.phases.search),
        s(cold?.phases['record-files']),
        `${s(cold?.phases.og)} (${((cold?.phases.og ?? 0) / Math.max(1, cold?.ogImages ?? 0)).toFixed(1)} ms/image)`,
        `${s(warm?.phases.og)} (${warm?.ogRendered ?? '–'})`,
        warm?.pagesReused === undefined ? '–' : `${warm.pagesReused} of ${warm.pagesReusable}`,
        mb(r.size.bytes),
        `${kb(r.size.largestPage.bytes)} (\`${r.size.largestPage.path}\`)`,
        `${kb(r.size.clausePageGzip.median)} / ${kb(r.size.clausePageGzip.max)}`,
        kb(r.size.firstSearchBytes),
        kb(r.size.filterBytes),
      ]);
    }),
  ];
  // Linear growth keeps the time ratio at or under the clause ratio.
  const growth = report.rows.slice(1).map((r, i) => {
    const before = report.rows[i]!;
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const med = (builds: ReadonlyArray<{ ms: number }>) => minMedian(builds.map((b) => b.ms)).median;
    return `- ${before.clauses} → ${r.clauses} clauses (×${ratio(r.clauses, before.clauses)}): cold build ×${ratio(med(r.cold), med(before.cold))}, warm build ×${ratio(med(r.warm), med(before.warm))}, peak memory ×${ratio(peakOf([...r.cold, ...r.warm]) ?? 0, peakOf([...before.cold, ...before.warm]) ?? 1)}, floor cold ${succeeded(r.floor.cold).length && succeeded(before.floor.cold).length ? `×${ratio(med(succeeded(r.floor.cold)), med(succeeded(before.floor.cold)))}` : floorFailure(r)}`;
  });
  return [floorTable.join('\n'), '', 'Phases of the first cold and warm build:', '', phaseTable.join('\n'), ...(growth.length ? ['', 'Growth between sizes (medians):', '', ...growth] : [])].join('\n');
}

/** Writes report.json and report.md into `dir`; returns the tables. */
export function writeReport(dir: string, report: Report): string {
  const table = reportTable(report);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify({ versions: report.versions, repeats: report.repeats, heapMb: report.heapMb, load: report.load, rows: report.rows }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'report.md'),
    `# Build benchmark\n\nGenerated by \`npm run bench -- --sizes ${report.sizes.join(',')} --versions ${report.versions} --repeats ${report.repeats}\`. The atlas is built with \`npm run build\`'s script, its heap limited to ${report.heapMb} MB; the machine's one-minute load average was ${report.load.before.toFixed(1)} when the run started and ${report.load.after.toFixed(1)} when it ended. Each size is built in ${report.repeats} interleaved rounds — atlas cold, floor cold, atlas warm, floor warm — so the atlas and its floor see the same machine load; times are wall-clock, given as the smallest and the median over the rounds. Cold: Astro's, the OG cards', the rendered snapshots' and the pages' caches emptied. Warm: caches kept, one clause's title (one floor entry's title) edited before the build, so the atlas's warm build is an incremental one: clause and version pages whose inputs the edit did not change are copied from the page cache ("pages reused warm"), and "warm ÷ atlas cold" is the one-clause edit's share of a cold build. The floor is plain Astro (same version) with one glob content collection and one dynamic route writing as many HTML pages as the atlas, each entry as long as the text a reader sees on a clause page (its Markdown renders to about as many words as a clause page shows, with far less markup), plus Pagefind's CLI over every page. Peak memory is the resident set of the build's whole process tree (Node with its worker threads, and Pagefind's indexer), sampled every 250 ms. "First search" is what Pagefind's files for a first query weigh as served (JS and entry gzip-compressed, WebAssembly and metadata as Pagefind stores them, one median index chunk, five median result fragments); "filter lists" is what opening the search page's Filters panel adds.\n\n${table}\n`,
  );
  return table;
}
