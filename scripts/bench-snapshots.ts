/**
 * bench-snapshots — what rendering every version page's text costs.
 *
 *   npx tsx scripts/bench-snapshots.ts [--root content] [--no-cache] [--cache-mb 64]
 *
 * Loads the atlas, then renders each versioned snapshot's text exactly as its
 * version page does (same clauses, same source URL, same order as the build),
 * and prints the total, median and p95 time per snapshot and the peak heap.
 * --no-cache renders every text whole, as before the block cache existed.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { contentRoot, loadAtlas } from '../src/atlas/index.ts';
import { configureSnapshotHtmlCache, renderSnapshotHtml, snapshotHtmlCacheStats } from '../src/atlas/outputs/snapshot-html.ts';
import { versionContext, versionedSnapshots } from '../src/atlas/outputs/version-pages.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    'cache-mb': { type: 'string', default: '64' },
  },
  strict: true,
});
const cacheMb = Number(values['cache-mb']);
if (!Number.isFinite(cacheMb) || cacheMb < 0) {
  console.error(`bench-snapshots: --cache-mb expects a number of megabytes, found ${values['cache-mb']}`);
  process.exit(2);
}
configureSnapshotHtmlCache({ maxBytes: values['no-cache'] ? 0 : cacheMb * 1024 * 1024 });

const root = values.root ?? contentRoot();
const { atlas, errors } = loadAtlas(root);
if (errors.length) console.warn(`bench-snapshots: ${root} has ${errors.length} errors; rendering anyway`);
const snapshots = versionedSnapshots(atlas);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const heapAfterLoad = process.memoryUsage().heapUsed;
let peakHeap = heapAfterLoad;
let textBytes = 0;
const times: number[] = [];
const cpuBefore = process.cpuUsage();
for (const snapshot of snapshots) {
  const { clauses } = versionContext(atlas, snapshot);
  const text = snapshot.readText();
  const started = performance.now();
  renderSnapshotHtml(text, {
    clauses: clauses.map((c) => ({ key: c.key, title: c.data.title, url: c.url, quote: c.data.quote })),
    sourceUrl: snapshot.data.source_url,
  });
  times.push(performance.now() - started);
  textBytes += text.length;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

const cpu = process.cpuUsage(cpuBefore);
const sorted = [...times].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const total = times.reduce((sum, t) => sum + t, 0);
const cache = snapshotHtmlCacheStats();
console.log(`root            ${root}`);
console.log(`cache           ${cache.maxBytes ? `${mb(cache.maxBytes)} MB` : 'off (whole-text render)'}`);
console.log(`snapshots       ${snapshots.length} (${mb(textBytes)} M chars)`);
console.log(`total           ${(total / 1000).toFixed(2)} s`);
// CPU time as well as wall time: on a shared machine the wall clock includes waiting for a core.
console.log(`cpu             ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
console.log(`median          ${at(0.5).toFixed(1)} ms`);
console.log(`p95             ${at(0.95).toFixed(1)} ms`);
console.log(`max             ${(sorted.at(-1) ?? 0).toFixed(1)} ms`);
console.log(`heap after load ${mb(heapAfterLoad)} MB`);
console.log(`peak heap       ${mb(peakHeap)} MB`);
if (cache.maxBytes) {
  const lookups = cache.hits + cache.misses;
  console.log(`cache use       ${mb(cache.bytes)} MB in ${cache.entries} blocks; ${cache.hits}/${lookups} hits; ${cache.evictions} evicted`);
  console.log(`whole-text      ${cache.wholeTexts} snapshots rendered whole (constructs that span blocks)`);
}
