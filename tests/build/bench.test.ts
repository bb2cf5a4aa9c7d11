/**
 * The benchmark harness runs end to end on a tiny atlas: it generates it,
 * times the core, builds cold, edits one clause and builds warm (drawing that
 * one OG card again), builds the plain-Astro floor and writes its report. Speed itself is measured by `npm run bench`, never asserted here.
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
    const result = await runScript('scripts/bench.ts', ['--sizes', '12', '--versions', '2', '--report', report, '--work', join(work, 'run')]);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const { rows } = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as { rows: Array<Record<string, any>> };
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.clauses).toBe(12);
    for (const phase of ['atlas', 'pages', 'og', 'search']) expect(row?.cold.phases[phase], phase).toBeGreaterThanOrEqual(0);
    // One clause's title changed between the builds: its card, and only it, is drawn again.
    expect(row?.warm.ogRendered).toBe(1);
    expect(row?.warm.ogImages).toBe(row?.cold.ogImages);
    expect(row?.cold.peakBytes).toBeGreaterThan(0);
    expect(row?.cold.peakBytes).toBeGreaterThanOrEqual(row?.cold.peakProcessBytes);
    expect(row?.cold.phases.og).toBeGreaterThanOrEqual(0);
    expect(row?.floor.pages).toBe(row?.size.htmlPages);
    expect(row?.floor.ms).toBeGreaterThan(0);
    expect(row?.size.clausePageGzip.median).toBeGreaterThan(0);
    expect(readFileSync(join(report, 'report.md'), 'utf8')).toContain('| 12 |');
  }, 300_000);
});
