/**
 * The change log's pages: a copy of the fixture atlas given more new versions
 * than fit on one page of /changes/ is built, and every page is checked to
 * stay within CHANGES_PAGE_SIZE entries, the pages to chain /changes/,
 * /changes/2/, … and every version to be listed on exactly one of them, newest
 * first, its size said once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { routes } from '../../src/atlas/routes.ts';
import { atlasChanges, CHANGES_PAGE_SIZE } from '../../src/atlas/model/changes.ts';
import { sitemapEntries } from '../../src/atlas/outputs/sitemap.ts';
import { serializeSnapshot, sha256 } from '../../src/atlas/reading/snapshot-file.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

/** More versions than one page holds, so the log needs a second page and a part-filled last one. */
const EXTRA_VERSIONS = CHANGES_PAGE_SIZE + 5;

let copy: FixtureCopy;
let atlas: Atlas;
let site: BuiltSite;
const page = (path: string) => site.read(`${path.replace(/^\//, '')}index.html`);

beforeAll(async () => {
  copy = copyFixtureAtlas();
  for (let i = 1; i <= EXTRA_VERSIONS; i++) {
    // Each version adds one sentence, so each is a new version of Birdy's privacy policy (one word-count change of 4 words).
    const rules = Array.from({ length: i }, (_, n) => `Rule number ${n + 1} applies.`).join('\n\n');
    const body = Buffer.from(`# Birdy Privacy Policy\n\nWe use your public posts to train artificial intelligence models.\n\n${rules}\n`);
    const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    copy.write(
      `snapshots/birdy/privacy-policy/${day.replaceAll(':', '-')}.md`,
      serializeSnapshot(
        { captured_at: day, source_url: 'https://birdy.example/privacy', sha256: sha256(body), obtained: { method: 'import', tool: 'fixture', dataset: 'Hand-written fixture' }, substantive: true },
        body,
      ),
    );
  }
  atlas = loadAtlas(copy.root).atlas;
  site = await buildSite(copy.root);
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
}, 300_000);
afterAll(() => {
  site?.dispose();
  copy?.dispose();
});

/** The version links of a change-log page, in order. */
function entriesOf(html: string): string[] {
  return [...html.matchAll(/<li[^>]*>\s*<a href="(\/platform\/[^"]+\/versions\/[^/]+\/)"[^>]*><time/g)].map((m) => m[1] ?? '');
}

describe('the change log pages', () => {
  it('lists every version on exactly one page, at most CHANGES_PAGE_SIZE to a page, newest first', () => {
    const versions = atlasChanges(atlas).map((c) => c.versionUrl);
    expect(versions.length).toBeGreaterThan(CHANGES_PAGE_SIZE);
    const paths: string[] = [];
    const seen: string[] = [];
    for (let path: string | undefined = '/changes/'; path; ) {
      expect(paths, 'the pages chain without a loop').not.toContain(path);
      paths.push(path);
      const html = page(path);
      const entries = entriesOf(html);
      expect(entries.length, path).toBeGreaterThan(0);
      expect(entries.length, path).toBeLessThanOrEqual(CHANGES_PAGE_SIZE);
      seen.push(...entries);
      path = /<a href="([^"]+)" rel="next"/.exec(html)?.[1];
    }
    expect(paths).toEqual(Array.from({ length: Math.ceil(versions.length / CHANGES_PAGE_SIZE) }, (_, i) => routes.changes(i + 1)));
    expect(seen).toEqual(versions);
    expect(new Set(seen).size).toBe(seen.length);
    const stamps = seen.map((url) => url.split('/').at(-2) ?? '');
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it('links back to newer pages and lists every page in the sitemap', () => {
    expect(page('/changes/2/')).toContain('<a href="/changes/" rel="prev"');
    const sitemap = sitemapEntries(atlas).map((e) => new URL(e.loc).pathname);
    expect(sitemap).toContain('/changes/');
    expect(sitemap).toContain('/changes/2/');
    expect(sitemap).not.toContain('/changes/3/');
  });

  it('says each size once and in words, singular where it is one', () => {
    // Tags dropped without a space, as a browser joins inline elements: "(Birdy): 4 words added." must read so.
    const text = page('/changes/').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('Birdy Privacy Policy (Birdy): 4 words added. In “Birdy Privacy Policy”: 1 sentence added.');
    expect(text).toContain('4 words added.');
    expect(text).not.toMatch(/\b1 words\b|[+−]\d/);
    expect(text).not.toMatch(/words added, \d+ removed[^.]*words added/);
  });
});
