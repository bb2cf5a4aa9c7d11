/**
 * The record files written outside the route pipeline: the writer streams
 * with bounded concurrency, refuses paths outside its folder and reports every
 * failure at once; a snapshot whose text was edited after loading fails
 * every file made from it, each naming the file, while every other file is
 * still written; the redirect page
 * escapes as Astro did when it was a component.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { outputPath, recordFiles } from '../../src/atlas/outputs/record-files.ts';
import { redirectPage } from '../../src/atlas/outputs/redirect-page.ts';
import { sha256, splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { writeFiles, type GeneratedFile } from '../../src/support/write-files.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

const POLICY = "default-src 'self'";
let out: string | undefined;
let copy: FixtureCopy | undefined;
afterEach(() => {
  if (out) rmSync(out, { recursive: true, force: true });
  copy?.dispose();
  out = copy = undefined;
});
const outFolder = () => (out = mkdtempSync(join(tmpdir(), 'record-files-')));

describe('writeFiles', () => {
  it('computes each file only when a slot is free, never more than `concurrency` at once', async () => {
    const folder = outFolder();
    let inFlight = 0;
    let most = 0;
    let started = 0;
    function* files(): Generator<GeneratedFile> {
      for (let i = 0; i < 40; i++) {
        yield {
          path: `n/${i}.txt`,
          source: `item ${i}`,
          contents: async () => {
            started += 1;
            most = Math.max(most, ++inFlight);
            await new Promise((r) => setTimeout(r, 1));
            inFlight -= 1;
            return `${i}\n`;
          },
        };
      }
    }
    expect(await writeFiles(folder, files(), { concurrency: 3 })).toBe(40);
    expect(started).toBe(40);
    expect(most).toBe(3);
    expect(readFileSync(join(folder, 'n/39.txt'), 'utf8')).toBe('39\n');
  });

  it('writes what it can and lists every failure with its path and source, a path outside the folder among them', async () => {
    const folder = outFolder();
    const files: GeneratedFile[] = [
      { path: 'a.txt', source: 'first', contents: () => 'a' },
      { path: '../escaped.txt', source: 'second', contents: () => 'x' },
      { path: 'b.txt', source: 'third', contents: () => Promise.reject(new Error('no bytes')) },
      { path: 'c.txt', source: 'fourth', contents: () => new Uint8Array([99]) },
    ];
    const error = await writeFiles(folder, files).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^2 file\(s\) could not be written/);
    expect(error?.message).toContain('- ../escaped.txt (from second): expected a path inside the output folder, found "../escaped.txt"');
    expect(error?.message).toContain('- b.txt (from third): no bytes');
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('a');
    expect(readFileSync(join(folder, 'c.txt'), 'utf8')).toBe('c');
    expect(existsSync(join(folder, 'b.txt'))).toBe(false);
    expect(existsSync(join(folder, '..', 'escaped.txt'))).toBe(false);
  });
});

describe('record files', () => {
  it('writes a page path as its index.html and a file path as itself', () => {
    expect(outputPath('/r/CA-P-000001/')).toBe('r/CA-P-000001/index.html');
    expect(outputPath('/cite/CA-P-000001.bib')).toBe('cite/CA-P-000001.bib');
  });

  it('fails on a snapshot edited after it was loaded, naming the file and both hashes, and still writes every other file', async () => {
    copy = copyFixtureAtlas();
    const { atlas, errors } = loadAtlas(copy.root);
    expect(errors).toEqual([]);
    const tampered = 'snapshots/acme/privacy-policy/2023-08-01T00-00-00Z.md';
    const snapshot = atlas.snapshots.find((s) => `${s.documentKey}/${s.stamp}` === 'acme/privacy-policy/2023-08-01T00-00-00Z');
    if (!snapshot) throw new Error(`fixture: expected the snapshot ${tampered}`);
    copy.edit(tampered, (text) => `${text}One more sentence nobody captured.\n`);
    const edited = sha256(splitSnapshotFile(readFileSync(join(copy.root, tampered)))?.body ?? '');

    const folder = outFolder();
    const files = [...recordFiles(atlas, { contentRoot: copy.root, policy: POLICY })];
    const error = await writeFiles(folder, files).then(() => undefined, (e: unknown) => e as Error);
    // Every file made from the text fails (the raw text, and the citations and API records that quote or count it), each naming the file.
    const failures = (error?.message ?? '').split('\n').filter((line) => line.startsWith('- '));
    expect(error?.message).toMatch(new RegExp(`^${failures.length} file\\(s\\) could not be written`));
    expect(failures.length).toBeGreaterThan(1);
    for (const line of failures) expect(line).toContain(snapshot.file);
    expect(failures).toContain(`- snapshots/acme/privacy-policy/2023-08-01T00-00-00Z.md (from ${snapshot.file}): ${snapshot.file} sha256: expected ${snapshot.data.sha256}, found ${edited}; snapshot files are never edited`);
    expect(existsSync(join(folder, 'snapshots/acme/privacy-policy/2023-08-01T00-00-00Z.md'))).toBe(false);
    const failed = new Set(failures.map((line) => line.slice(2, line.indexOf(' (from '))));
    const others = files.filter((f) => !failed.has(f.path));
    expect(others.length).toBeGreaterThan(40);
    for (const file of others) expect(existsSync(join(folder, file.path)), file.path).toBe(true);
  });

  it('fails on a snapshot file that lost its front matter', async () => {
    copy = copyFixtureAtlas();
    const { atlas } = loadAtlas(copy.root);
    const snapshot = atlas.snapshots[0];
    if (!snapshot) throw new Error('fixture: expected a snapshot');
    copy.write(`snapshots/${snapshot.documentKey}/${snapshot.stamp}.md`, 'no front matter\n');
    const files = [...recordFiles(atlas, { contentRoot: copy.root, policy: POLICY })].filter((f) => f.source === snapshot.file);
    await expect(writeFiles(outFolder(), files)).rejects.toThrow(`${snapshot.file}: expected front matter between --- lines, found none`);
  });

  it('escapes a redirect page as Astro escapes expressions: entities in text, & and " in attributes', () => {
    const html = redirectPage({ to: '/platform/a/b/?x=1&y="2"', label: `Tom's <b>"AT&T"</b>` }, 'https://example.org', POLICY);
    expect(html).toBe(
      '<!DOCTYPE html><html lang="en"> <head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">' +
        '<title>Moved: Tom&#39;s &lt;b&gt;&quot;AT&amp;T&quot;&lt;/b&gt;</title><meta http-equiv="refresh" content="0; url=/platform/a/b/?x=1&amp;y=&quot;2&quot;">' +
        '<link rel="canonical" href="https://example.org/platform/a/b/?x=1&amp;y=%222%22"><meta name="robots" content="noindex"></head> ' +
        '<body> <p>This address leads to <a href="/platform/a/b/?x=1&amp;y=&quot;2&quot;">Tom&#39;s &lt;b&gt;&quot;AT&amp;T&quot;&lt;/b&gt;</a>.</p> </body> </html>',
    );
  });
});
