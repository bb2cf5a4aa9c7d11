import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentRoot, loadAtlas } from '../../src/atlas/index.ts';
import { renderSnapshotHtml } from '../../src/atlas/outputs/snapshot-html.ts';
import { cachedSnapshotHtml, renderingKey, snapshotCacheDir, snapshotCacheStats } from '../../src/atlas/outputs/snapshot-html-cache.ts';
import { versionContext, versionedSnapshots } from '../../src/atlas/outputs/version-pages.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-html-cache-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const clause = { key: 'p/d/share', title: 'Sharing', url: '/platform/p/d/share/', quote: 'We share data.' };
const text = '# Terms\n\nWe keep data. We share data.\n\n| a | b |\n| - | - |\n| 1 | [x](/rel) |\n\nNote[^1].\n\n[^1]: Foot.';

describe('the on-disk snapshot rendering cache', () => {
  it('gives back byte for byte what rendering gives, read from disk the second time', async () => {
    const dir = freshDir();
    const options = { clauses: [clause], sourceUrl: 'https://example.org/terms' };
    const uncached = renderSnapshotHtml(text, options);
    const before = { ...snapshotCacheStats };
    const first = await cachedSnapshotHtml(text, options, dir);
    const second = await cachedSnapshotHtml(text, options, dir);
    expect(snapshotCacheStats.misses - before.misses).toBe(1);
    expect(snapshotCacheStats.hits - before.hits).toBe(1);
    expect(JSON.stringify(first)).toBe(JSON.stringify(uncached));
    expect(JSON.stringify(second)).toBe(JSON.stringify(uncached));
    expect(readdirSync(dir)).toEqual([`${renderingKey(text, options)}.json`]);
  });

  it('keys on everything that changes the output: text, highlighted clauses, source URL, heading shift', () => {
    const base = renderingKey(text, { clauses: [clause] });
    expect(renderingKey(text, { clauses: [clause] })).toBe(base);
    expect(renderingKey(`${text} `, { clauses: [clause] })).not.toBe(base);
    expect(renderingKey(text, { clauses: [{ ...clause, title: 'Sharing (edited)' }] })).not.toBe(base);
    expect(renderingKey(text, { clauses: [{ ...clause, quote: 'We keep data.' }] })).not.toBe(base);
    expect(renderingKey(text, { clauses: [clause], sourceUrl: 'https://example.org/' })).not.toBe(base);
    expect(renderingKey(text, { clauses: [clause], headingShift: 1 })).not.toBe(base);
    expect(renderingKey(text, {})).not.toBe(base);
  });

  it('renders again over an entry that is damaged', async () => {
    const dir = freshDir();
    const path = join(dir, `${renderingKey(text, {})}.json`);
    writeFileSync(path, '{"html": 1');
    const before = snapshotCacheStats.misses;
    expect((await cachedSnapshotHtml(text, {}, dir)).html).toBe(renderSnapshotHtml(text).html);
    expect(snapshotCacheStats.misses - before).toBe(1);
    expect((await cachedSnapshotHtml(text, {}, dir)).html).toBe(renderSnapshotHtml(text).html);
    expect(snapshotCacheStats.misses - before).toBe(1);
  });

  it('is identical to rendering for version pages of the example atlas with highlights, cached and read back', async () => {
    const dir = freshDir();
    const { atlas } = loadAtlas(contentRoot());
    // Versions with analysed clauses, the richest renderings; a sample keeps the test quick.
    const sample = versionedSnapshots(atlas)
      .map((snapshot) => ({ snapshot, clauses: versionContext(atlas, snapshot).clauses }))
      .filter(({ clauses }) => clauses.length > 0)
      .slice(0, 12);
    expect(sample.length).toBeGreaterThan(5);
    for (const round of ['written', 'read']) {
      for (const { snapshot, clauses } of sample) {
        const options = { clauses: clauses.map((c) => ({ key: c.key, title: c.data.title, url: c.url, quote: c.data.quote })), sourceUrl: snapshot.data.source_url };
        const cached = await cachedSnapshotHtml(snapshot.readText(), options, dir);
        expect(JSON.stringify(cached), `${snapshot.file} (${round})`).toBe(JSON.stringify(renderSnapshotHtml(snapshot.readText(), options)));
      }
    }
  });

  it('is found where ATLAS_SNAPSHOT_CACHE says, and is off when it says off', () => {
    expect(snapshotCacheDir({ ATLAS_SNAPSHOT_CACHE: '/tmp/x' })).toBe('/tmp/x');
    expect(snapshotCacheDir({ ATLAS_SNAPSHOT_CACHE: 'off' })).toBeUndefined();
    expect(snapshotCacheDir({})).toMatch(/node_modules\/\.cache\/clause-atlas-snapshot-html$/);
  });
});
