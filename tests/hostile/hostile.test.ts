/**
 * The hostile-input corpus. Each folder under cases/ is one attack or mistake:
 * `files/` is dropped over a copy of the fixture atlas, `case.yaml` says what
 * else to do to the copy (symbolic links, oversized files) and `expect.txt`
 * holds the exact problem lines validation must print (empty when the input is
 * accepted, e.g. third-party snapshot markup, whose sanitised rendering is then
 * compared with `expect.html`). Any error stops the build, so a case with
 * expected lines is a case from which no page is built; one real build of a
 * copy holding several cases at once shows that end to end, and every other
 * case that plants code is built on its own.
 *
 * Cases are data only. Code planted in them would write a marker file if it
 * ever ran; the tests assert the marker never appears.
 */
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem, loadAtlas } from '../../src/atlas/index.ts';
import { renderSnapshotHtml } from '../../src/atlas/outputs/snapshot-html.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const CASES = join(import.meta.dirname, 'cases');
/** Validation time for the single-case runs; dated cases use years far from it. */
const NOW = new Date('2026-01-01T00:00:00Z');

const manifestSchema = z
  .object({
    /** One line: what the case tries and what must happen. */
    about: z.string().min(1),
    /** Also part of the one build-level test (its files must not overlap another build case's). */
    in_build: z.boolean().default(false),
    /** A file (relative to the project) that code planted in the case would write if it ran. */
    marker: z.string().optional(),
    /** A snapshot (relative to the content root) whose sanitised rendering must equal `expect.html`. */
    render: z.string().optional(),
    /** Symbolic links to create: path in the content root → target. An existing file at the path is replaced. */
    symlinks: z.record(z.string(), z.string()).default({}),
    /** Files of the fixture to pad with newlines to this many bytes. */
    grow: z.record(z.string(), z.number().int().positive()).default({}),
  })
  .strict();

interface HostileCase {
  name: string;
  manifest: z.infer<typeof manifestSchema>;
  /** Paths (relative to the content root) the case writes or replaces. */
  touches: string[];
  expected: string[];
  dir: string;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

function readCase(name: string): HostileCase {
  const dir = join(CASES, name);
  const manifest = manifestSchema.parse(parse(readFileSync(join(dir, 'case.yaml'), 'utf8')));
  const expected = readFileSync(join(dir, 'expect.txt'), 'utf8').split('\n').filter(Boolean);
  const touches = [...filesUnder(join(dir, 'files')), ...Object.keys(manifest.symlinks), ...Object.keys(manifest.grow)];
  return { name, manifest, touches, expected, dir };
}

function applyCase(hostile: HostileCase, copy: FixtureCopy): void {
  const files = join(hostile.dir, 'files');
  if (existsSync(files)) cpSync(files, copy.root, { recursive: true });
  for (const [path, target] of Object.entries(hostile.manifest.symlinks)) {
    rmSync(join(copy.root, path), { force: true, recursive: true });
    symlinkSync(target, join(copy.root, path));
  }
  for (const [path, size] of Object.entries(hostile.manifest.grow)) {
    const file = join(copy.root, path);
    appendFileSync(file, Buffer.alloc(size - statSync(file).size, '\n'));
  }
}

const markerOf = (hostile: HostileCase) => (hostile.manifest.marker ? join(PROJECT, hostile.manifest.marker) : undefined);

const cases = readdirSync(CASES).sort().map(readCase);

describe('hostile input: each case gives exactly its problems', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, hostile) => {
    const copy = copyFixtureAtlas();
    const marker = markerOf(hostile);
    if (marker) rmSync(marker, { force: true });
    try {
      applyCase(hostile, copy);
      const { atlas, errors } = loadAtlas(copy.root, { now: NOW, displayBase: join(copy.root, '..') });
      expect(errors.map(formatProblem), hostile.manifest.about).toEqual(hostile.expected);
      if (marker) expect(existsSync(marker), `${relative(PROJECT, marker)} was written: code in the case ran`).toBe(false);
      if (hostile.manifest.render) {
        const file = `content/${hostile.manifest.render}`;
        const snapshot = atlas.snapshots.find((s) => s.file === file);
        expect(snapshot, `${file} is loaded`).toBeDefined();
        const html = renderSnapshotHtml(snapshot?.readText() ?? '', { sourceUrl: snapshot?.data.source_url ?? '' }).html;
        expect(html).toBe(readFileSync(join(hostile.dir, 'expect.html'), 'utf8').trimEnd());
      }
    } finally {
      copy.dispose();
    }
  });

  it('covers every case folder with a manifest and an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const hostile of cases) expect(hostile.touches.length, `${hostile.name} changes nothing`).toBeGreaterThan(0);
  });
});

describe('hostile input: a build of several cases at once', () => {
  const inBuild = cases.filter((c) => c.manifest.in_build);
  const markers = inBuild.map(markerOf).filter((m): m is string => m !== undefined);
  let copy: FixtureCopy;
  let site: BuiltSite;

  beforeAll(async () => {
    const owner = new Map<string, string>();
    for (const hostile of inBuild) {
      for (const path of hostile.touches) {
        const other = owner.get(path);
        if (other) throw new Error(`build cases ${other} and ${hostile.name} both change ${path}; give one of them in_build: false`);
        owner.set(path, hostile.name);
      }
    }
    for (const marker of markers) rmSync(marker, { force: true });
    copy = copyFixtureAtlas();
    for (const hostile of inBuild) applyCase(hostile, copy);
    site = await buildSite(copy.root);
  });
  afterAll(() => {
    site?.dispose();
    copy?.dispose();
  });

  it('includes cases of code, markup, references, IDs, hashes and encoding', () => {
    expect(inBuild.length).toBeGreaterThanOrEqual(6);
    expect(markers.length).toBeGreaterThan(0);
  });

  it('fails, naming every problem of every case', () => {
    expect(site.status).not.toBe(0);
    for (const hostile of inBuild) {
      for (const line of hostile.expected) expect(site.output, hostile.name).toContain(line);
    }
  });

  it('writes no page', () => {
    expect(filesUnder(site.out).filter((path) => path.endsWith('.html'))).toEqual([]);
  });

  it('runs no code from the content', () => {
    for (const marker of markers) expect(existsSync(marker), `${relative(PROJECT, marker)} was written: code in the content ran`).toBe(false);
  });
});

describe('hostile input: each other case that plants code, built on its own', () => {
  const planted = cases.filter((c) => c.manifest.marker && !c.manifest.in_build);

  it('includes the cases of code hidden in GFM constructs', () => {
    expect(planted.map((c) => c.name)).toEqual(expect.arrayContaining(['rel-01-footnote-expression', 'rel-01-table-expression']));
  });

  it.each(planted.map((c) => [c.name, c] as const))('%s: the build names its problems, writes no page and runs nothing', async (_, hostile) => {
    const marker = markerOf(hostile) ?? '';
    rmSync(marker, { force: true });
    const copy = copyFixtureAtlas();
    let site: BuiltSite | undefined;
    try {
      applyCase(hostile, copy);
      site = await buildSite(copy.root);
      expect(site.status).not.toBe(0);
      for (const line of hostile.expected) expect(site.output).toContain(line);
      expect(filesUnder(site.out).filter((path) => path.endsWith('.html'))).toEqual([]);
      expect(existsSync(marker), `${relative(PROJECT, marker)} was written: code in the content ran`).toBe(false);
    } finally {
      site?.dispose();
      copy.dispose();
    }
  });
});
