/**
 * Incremental builds (src/integrations/page-cache.ts) are byte-identical to
 * clean builds. A copy of the fixture atlas is built once to fill a page
 * cache; then three kinds of clause edit are made at once (an analysis body, a
 * title that other pages show, a new related link that shows on both clauses'
 * pages; all on clauses whose platform's other pages some edit leaves alone)
 * and the edited content is built twice: incrementally from that cache
 * and clean with the cache off. Every output file must have the same bytes,
 * and the incremental build must have reused some pages and rendered the
 * edited ones again.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/** The page-cache line of a build's log: `<reused> of <pages> clause and version pages reused`. */
function reuse(build: BuiltSite): { reused: number; pages: number } {
  const match = /(\d+) of (\d+) clause and version pages reused/.exec(build.output);
  if (!match) throw new Error(`no page-cache line in the build log:\n${build.output}`);
  return { reused: Number(match[1]), pages: Number(match[2]) };
}

let atlas: FixtureCopy;
let first: BuiltSite;
let incremental: BuiltSite;
let clean: BuiltSite;
let pageCache: string;
let verified: BuiltSite;

beforeAll(async () => {
  atlas = copyFixtureAtlas();
  pageCache = join(atlas.root, '..', 'page-cache');
  first = await buildSite(atlas.root, { ATLAS_PAGE_CACHE: pageCache });
  atlas.edit('clauses/acme/privacy-policy/message-retention.md', (text) => `${text}\nA paragraph added to the analysis.\n`);
  atlas.edit('clauses/birdy/privacy-policy/ai-training.md', (text) =>
    text.replace(/^title: (.*)$/m, 'title: $1, as edited').replace(/^---\n/, '---\nrelated: [acme/terms-of-service/arbitration]\n'),
  );
  [incremental, clean] = await Promise.all([buildSite(atlas.root, { ATLAS_PAGE_CACHE: pageCache }), buildSite(atlas.root, { ATLAS_PAGE_CACHE: 'off' })]);
  // A cache whose entries no longer match what their pages render, as a missing input would leave it.
  const tampered = join(atlas.root, '..', 'page-cache-tampered');
  cpSync(pageCache, tampered, { recursive: true });
  for (const name of readdirSync(tampered)) appendFileSync(join(tampered, name), '<!-- stale -->');
  verified = await buildSite(atlas.root, { ATLAS_PAGE_CACHE: tampered, ATLAS_PAGE_CACHE_VERIFY: '1' });
}, 600_000);

afterAll(() => {
  for (const build of [first, incremental, clean, verified]) build?.dispose();
  atlas?.dispose();
});

describe('an incremental build after clause edits', () => {
  it('all three builds succeed', () => {
    for (const build of [first, incremental, clean]) expect(build.status, build.output).toBe(0);
  });

  it('reuses the pages the edits cannot change and renders the rest again', () => {
    expect(reuse(first).reused).toBe(0);
    const { reused, pages } = reuse(incremental);
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan(pages);
  });

  it('writes the same files, byte for byte, as a clean build of the same content', () => {
    const files = filesUnder(clean.out);
    expect(files.length).toBeGreaterThan(0);
    expect(filesUnder(incremental.out)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(incremental.out, file)).equals(readFileSync(join(clean.out, file))));
    expect(differing, `files that differ between the incremental and the clean build:\n${differing.join('\n')}`).toEqual([]);
  });

  it('shows every edit', () => {
    expect(incremental.read('platform/acme/privacy-policy/message-retention/index.html')).toContain('A paragraph added to the analysis.');
    expect(incremental.read('platform/acme/privacy-policy/ai-training/index.html')).toContain(', as edited');
    expect(incremental.read('platform/birdy/privacy-policy/ai-training/index.html')).toContain('Disputes go to binding arbitration');
    expect(incremental.read('platform/acme/terms-of-service/arbitration/index.html')).toContain(', as edited');
  });
});

describe('ATLAS_PAGE_CACHE_VERIFY', () => {
  it('renders every page and fails the build on a cached page that differs, naming it', () => {
    expect(verified.status).not.toBe(0);
    expect(verified.output).toMatch(/page cache: \d+ page\(s\) differ from their cached copy/);
    expect(verified.output).toMatch(/\/platform\/[a-z]+\/[a-z-]+\/[^\s]+\//);
  });
});
