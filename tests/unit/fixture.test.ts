/**
 * The synthetic atlas generator (scripts/lib/fixture/, CLI scripts/fixture.ts)
 * at a tiny size: the atlas it writes loads with zero errors, has exactly the
 * counts asked for, is byte-identical for the same seed, differs for another,
 * and has quotes that disappear in later versions (warnings, not errors).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas, type LoadResult } from '../../src/atlas/index.ts';
import { normalizeText } from '../../src/atlas/model/normalize.ts';
import { sha256 } from '../../src/atlas/reading/snapshot-file.ts';
import { fixtureFiles, type FixtureOptions } from '../../scripts/lib/fixture/atlas.ts';
import { parseFixtureArgs, UsageError } from '../../scripts/lib/fixture/options.ts';
import { OutputFolderError, writeFixture } from '../../scripts/lib/fixture/write.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const small: FixtureOptions = { platforms: 3, clauses: 12, versions: 4, seed: 1 };

let tmp: string;
const generate = (name: string, options: FixtureOptions = small): string => {
  const dir = join(tmp, name);
  writeFixture(dir, fixtureFiles(options), false);
  return dir;
};

/** One hash over every file's relative path and bytes. */
function treeHash(dir: string): string {
  const lines: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else lines.push(`${relative(dir, path)} ${sha256(readFileSync(path))}`);
    }
  };
  walk(dir);
  return sha256(lines.join('\n'));
}

let root: string;
let loaded: LoadResult;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-fixture-gen-'));
  root = generate('atlas');
  loaded = loadAtlas(root);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('a generated atlas', () => {
  it('loads with zero errors', () => {
    expect(loaded.errors.map((p) => `${p.file} ${p.field}: ${p.found}`)).toEqual([]);
  });

  it('has exactly the platforms, clauses and versions asked for', () => {
    const { atlas } = loaded;
    expect(atlas.platforms).toHaveLength(small.platforms);
    expect(atlas.clauses).toHaveLength(small.clauses);
    for (const platform of atlas.platforms) expect(platform.documents.length).toBeGreaterThanOrEqual(2);
    for (const platform of atlas.platforms) expect(platform.documents.length).toBeLessThanOrEqual(3);
    for (const document of atlas.documents) expect(document.snapshots).toHaveLength(small.versions);
    expect(atlas.snapshots).toHaveLength(atlas.documents.length * small.versions);
    expect(atlas.ledger.records.filter((r) => r.kind === 'document')).toHaveLength(atlas.documents.length);
    // The first 18 clauses take each clause type once.
    expect(new Set(atlas.clauses.map((c) => c.data.clause_type)).size).toBe(small.clauses);
  });

  it('has quotes that disappear in later versions, reported as warnings', () => {
    expect(loaded.warnings.length).toBeGreaterThan(0);
    expect(loaded.warnings.every((w) => w.field === 'quote')).toBe(true);
    // A quote reworded in place is followed in substance (still present, no longer verbatim); one deleted is gone.
    expect(loaded.atlas.clauses.some((c) => !c.stability.exactSince && c.stability.presentIn > 0)).toBe(true);
    expect(loaded.atlas.clauses.some((c) => c.stability.timeline.some((e) => e.kind === 'reworded'))).toBe(true);
  });

  it('writes real-length snapshots whose substantive flag tells the truth', () => {
    for (const document of loaded.atlas.documents) {
      document.snapshots.forEach((snapshot, i) => {
        expect(snapshot.byteLength).toBeGreaterThanOrEqual(10_000);
        expect(snapshot.readText()).toMatch(/^(?:## .+|.+\n-{3,})$/m); // a section heading, ATX or setext
        const previous = document.snapshots[i - 1];
        expect(snapshot.data.substantive).toBe(!previous || normalizeText(previous.readText()) !== normalizeText(snapshot.readText()));
      });
    }
  });

  it('writes analyses of 150 to 300 words under the required headings', () => {
    for (const clause of loaded.atlas.clauses) {
      // Problem and record paths are relative to the working directory, as in `npm run validate`.
      const text = readFileSync(clause.file, 'utf8');
      const body = text.slice(text.indexOf('\n---\n', 4) + 5);
      const words = body.replace(/^#+ .*$/gm, '').split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(300);
    }
  });

  it('is byte-identical for the same options and differs for another seed', () => {
    const again = generate('again');
    const other = generate('other', { ...small, seed: 2 });
    expect(treeHash(again)).toBe(treeHash(root));
    expect(treeHash(other)).not.toBe(treeHash(root));
  });
});

describe('the output folder', () => {
  it('is refused when not empty, untouched, and replaced with force', () => {
    const dir = join(tmp, 'occupied');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(() => writeFixture(dir, fixtureFiles({ ...small, clauses: 1, versions: 1 }), false)).toThrow(OutputFolderError);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    writeFixture(dir, fixtureFiles({ ...small, clauses: 1, versions: 1 }), true);
    expect(readdirSync(dir)).toContain('ledger.yaml');
    expect(readdirSync(dir)).not.toContain('keep.txt');
    expect(readdirSync(tmp).filter((name) => name.includes('.tmp-') || name.includes('.old-'))).toEqual([]);
  });
});

describe('the command line', () => {
  it.each([
    [['--platforms', 'x', '--clauses', '1', '--versions', '1', '--out', 'd'], /--platforms: expected a whole number/],
    [['--platforms', '1', '--clauses', '1', '--versions', '0', '--out', 'd'], /--versions: expected a whole number from 1/],
    [['--platforms', '1', '--clauses', '1', '--versions', '1'], /--out: expected the folder/],
    [['--platforms', '1', '--versions', '1', '--out', 'd'], /--clauses: .*found nothing/],
    [['--platforms', '1', '--clauses', '1', '--versions', '1', '--out', 'd', '--colour'], /Unknown option '--colour'/],
  ])('rejects %j', (args, message) => {
    expect(() => parseFixtureArgs(args)).toThrow(UsageError);
    expect(() => parseFixtureArgs(args)).toThrow(message);
  });

  it('exits 2 with the usage line on bad arguments', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/fixture.ts', '--platforms', 'many'], { cwd: repo });
    const failure = (await run.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code: number; stderr: string } | undefined;
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/^fixture: --platforms: expected a whole number from 1 to 20000, found "many"\nusage: npm run fixture -- /);
  });
});
