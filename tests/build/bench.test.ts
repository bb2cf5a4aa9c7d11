/**
 * The benchmark harness runs end to end on a tiny atlas: it generates it,
 * times the core and, in two interleaved rounds, builds the atlas cold, the
 * fair floor (plain Astro with one collection and one route, plus Pagefind)
 * cold, the atlas warm after a one-clause edit (drawing that one OG card
 * again) and the floor warm, and writes its report. Speed itself is measured
 * by `npm run bench`, never asserted here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/run.ts';

const root = join(import.meta.dirname, '..', '.tmp');
mkdirSync(root, { recursive: true });
const work = mkdtempSync(join(root, 'bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('measures every phase of a tiny atlas and writes the report', async () => {
    const report = join(work, 'report');
    const result = await runScript('scripts/bench.ts', ['--sizes', '12', '--versions', '2', '--repeats', '2', '--report', report, '--work', join(work, 'run')]);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const { rows, heapMb } = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as { rows: Array<Record<string, any>>; heapMb: number };
    expect(heapMb).toBeGreaterThan(0);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.clauses).toBe(12);
    expect(row?.cold).toHaveLength(2);
    expect(row?.warm).toHaveLength(2);
    const [cold, warm] = [row?.cold[0], row?.warm[0]];
    for (const phase of ['atlas', 'pages', 'og', 'search']) expect(cold.phases[phase], phase).toBeGreaterThanOrEqual(0);
    // One clause's title changed between the builds of each round: its card, and only it, is drawn again.
    for (const build of row?.warm) expect(build.ogRendered).toBe(1);
    expect(warm.ogImages).toBe(cold.ogImages);
    // The cold build starts with an empty page cache; the warm one reuses the clause and version pages the edit left alone.
    expect(cold.pagesReused).toBe(0);
    for (const build of row?.warm) {
      expect(build.pagesReused).toBeGreaterThan(0);
      expect(build.pagesReused).toBeLessThan(build.pagesReusable);
    }
    expect(cold.peakBytes).toBeGreaterThan(0);
    expect(cold.peakBytes).toBeGreaterThanOrEqual(cold.peakProcessBytes);
    // The floor wrote as many pages as the atlas, each sized after a clause page, in the same rounds.
    expect(row?.floor.pages).toBe(row?.size.htmlPages);
    expect(row?.floor.entryBytes).toBe(row?.size.clausePageText.median);
    expect(row?.floor.cold).toHaveLength(2);
    for (const build of [...row?.floor.cold, ...row?.floor.warm]) {
      expect(build.astroMs).toBeGreaterThan(0);
      expect(build.pagefindMs).toBeGreaterThan(0);
      expect(build.ms).toBe(build.astroMs + build.pagefindMs);
    }
    expect(row?.size.clausePageGzip.median).toBeGreaterThan(0);
    expect(row?.size.largestPage.bytes).toBeGreaterThan(0);
    const markdown = readFileSync(join(report, 'report.md'), 'utf8');
    expect(markdown).toContain('| 12 |');
    expect(markdown).toContain('cold ÷ floor (min / median)');
    expect(markdown).toContain('warm ÷ atlas cold (median)');
  }, 300_000);
});
