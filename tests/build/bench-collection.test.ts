/**
 * The collection benchmark runs end to end on a tiny collection: it arranges
 * real snapshots as a dataset release, imports it with no map (twice: the
 * second writes nothing), builds it and writes its report. Speed itself is
 * measured by `npm run bench:collection`, never asserted here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/run.ts';

const root = join(import.meta.dirname, '..', '.tmp');
mkdirSync(root, { recursive: true });
const work = mkdtempSync(join(root, 'bench-collection-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench:collection', () => {
  it('imports a collection it has never seen, idempotently, builds it and reports the figures', async () => {
    const report = join(work, 'report');
    const result = await runScript('scripts/bench-collection.ts', ['--documents', '3', '--versions', '5', '--report', report, '--work', join(work, 'run')]);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const figures = JSON.parse(readFileSync(join(report, 'collection.json'), 'utf8')) as Record<string, any>;
    expect(figures.collection.documents).toBe(3);
    expect(figures.collection.versions).toBeGreaterThanOrEqual(3);
    expect(figures.collection.versions).toBeLessThanOrEqual(5);
    expect(figures.import.snapshotsWritten).toBe(figures.collection.versions);
    expect(figures.secondImport.snapshotsWritten).toBe(0);
    expect(figures.build.peakBytes).toBeGreaterThan(0);
    expect(figures.output.htmlPages).toBeGreaterThan(3);
    expect(figures.output.largestPage.bytes).toBeGreaterThan(0);
    expect(readFileSync(join(report, 'collection.md'), 'utf8')).toContain(`| import (${figures.collection.versions} snapshots written) |`);
  }, 300_000);

  it('measures a published dataset release as it is, with --dataset', async () => {
    const report = join(work, 'report-dataset');
    const dataset = join(import.meta.dirname, '..', 'fixtures', 'ota', 'unmapped');
    const result = await runScript('scripts/bench-collection.ts', ['--dataset', dataset, '--report', report, '--work', join(work, 'run-dataset')]);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const figures = JSON.parse(readFileSync(join(report, 'collection.json'), 'utf8')) as Record<string, any>;
    // Globex (privacy policy, terms) and Initech (community guidelines), each version counted as found.
    expect(figures.collection).toMatchObject({ services: 2, documents: 3, sourceDocuments: 3 });
    expect(figures.collection.versions).toBeGreaterThanOrEqual(figures.import.snapshotsWritten);
    expect(figures.import.snapshotsWritten).toBeGreaterThan(0);
    expect(figures.secondImport.snapshotsWritten).toBe(0);
    expect(readFileSync(join(report, 'collection.md'), 'utf8')).toContain('The collection is the dataset release `unmapped`, as published: 3 documents of 2 services');
  }, 300_000);
});
