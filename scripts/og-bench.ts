/**
 * Measures OG image rendering on the real content: every card cold (empty
 * temporary cache) and then warm (same cache), plus where one card's time goes
 * (satori layout to SVG against sharp rasterising to PNG), measured on one thread.
 *
 *   tsx scripts/og-bench.ts [--workers N] [--sample N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot, loadAtlas } from '../src/atlas/index.ts';
import { ogCardsFor } from '../src/og/cards.ts';
import { renderCards, type RenderResult } from '../src/og/pool.ts';
import { loadFonts, renderSvg, svgToPng } from '../src/og/render.ts';

const { values } = parseArgs({ options: { workers: { type: 'string' }, sample: { type: 'string', default: '12' } } });
const workers = values.workers ? Number(values.workers) : availableParallelism();
const sample = Number(values.sample);
if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers: expected a positive whole number, found ${values.workers}`);
if (!Number.isInteger(sample) || sample < 1) throw new Error(`--sample: expected a positive whole number, found ${values.sample}`);

const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;

const cards = ogCardsFor(loadAtlas(contentRoot()).atlas);
const cacheDir = mkdtempSync(join(tmpdir(), 'og-bench-'));
console.log(`${cards.length} cards, ${workers} worker${workers === 1 ? '' : 's'} on ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}`);

async function run(label: string): Promise<RenderResult[]> {
  const started = performance.now();
  const results = await renderCards(
    cards.map(({ card }) => ({ card })),
    { cacheDir, workers },
  );
  const wall = performance.now() - started;
  const rendered = results.filter((r) => r.status === 'rendered');
  const hits = results.length - rendered.length;
  const workersUsed = new Set(rendered.map((r) => r.worker)).size;
  console.log(
    `${label}: ${ms(wall)} wall, ${(wall / results.length).toFixed(1)} ms per image; ${rendered.length} rendered, cache hit rate ${((hits / results.length) * 100).toFixed(0)}%` +
      (rendered.length ? `; ${workersUsed} workers, in-worker render median ${ms(median(rendered.map((r) => r.ms ?? 0)))} per image` : ''),
  );
  return results;
}

try {
  await run('cold');
  await run('warm');

  // One thread, fonts loaded once, first render (satori's warm-up) left out.
  const fonts = loadFonts();
  await renderSvg(cards[0]!.card, fonts);
  const layout: number[] = [];
  const raster: number[] = [];
  for (const { card } of cards.slice(0, sample)) {
    const t0 = performance.now();
    const svg = await renderSvg(card, fonts);
    const t1 = performance.now();
    await svgToPng(svg);
    layout.push(t1 - t0);
    raster.push(performance.now() - t1);
  }
  console.log(`one thread, median of ${layout.length} cards: satori → SVG ${ms(median(layout))}, sharp SVG → PNG ${ms(median(raster))}`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
