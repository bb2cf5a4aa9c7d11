/**
 * Reproducible builds: two builds of the fixture atlas, each into its own
 * output and cache folder, give the same files byte for byte. The second
 * build runs in another time zone and locale, so local-time formatting would
 * show up too; and no file may carry the day the test ran, which only the
 * wall clock could have put there (the fixture's dates end in 2024).
 *
 * The first build renders every snapshot and keeps the renderings on disk;
 * the second reads them all from that cache (snapshot-html-cache.ts), so the
 * comparison also proves a cached build byte-identical to an uncached one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureSite, type BuiltSite } from '../support/build-site.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

let first: BuiltSite;
let second: BuiltSite;
let renderings: string;
/** Each cached rendering's file and inode: a rendering written again (a cache miss) gets a new inode. */
let inodesBefore: Map<string, number>;
const today = new Date().toISOString().slice(0, 10);
const inodes = (dir: string) => new Map(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).ino]));

beforeAll(async () => {
  // The shared build ran in UTC with an English locale (tests/support/global-setup.ts), with its own snapshot cache.
  first = fixtureSite();
  renderings = join(dirname(first.out), 'snapshot-html');
  inodesBefore = inodes(renderings);
  second = await buildSite(FIXTURE_ATLAS, { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', ATLAS_SNAPSHOT_CACHE: renderings });
});
afterAll(() => {
  first?.dispose();
  second?.dispose();
});

describe('two builds of the same content', () => {
  it('both succeed', () => {
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
  });

  it('write the same files with the same bytes', () => {
    const files = filesUnder(first.out);
    expect(files.length).toBeGreaterThan(0);
    expect(filesUnder(second.out)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(first.out, file)).equals(readFileSync(join(second.out, file))));
    expect(differing, `files that differ between two builds:\n${differing.join('\n')}`).toEqual([]);
  });

  it('the second read every snapshot rendering from the first one\'s cache', () => {
    expect(inodesBefore.size).toBeGreaterThan(0);
    expect(inodes(renderings)).toEqual(inodesBefore);
  });

  it('carry no wall-clock date', () => {
    const dated = filesUnder(first.out).filter((file) => readFileSync(join(first.out, file)).includes(today));
    expect(dated, `files that contain today's date (${today})`).toEqual([]);
  });
});
