/**
 * The change log's pages: a copy of the fixture atlas given more new versions
 * than fit on one page of /changes/ is built, and every page is checked to
 * stay within CHANGES_PAGE_SIZE entries, the pages to chain /changes/,
 * /changes/2/, … and every version to be listed on exactly one of them, newest
 * first, its size said once; the same for each platform's and document type's
 * filter of the log, and the per-document feeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { atlasChanges, CHANGES_PAGE_SIZE } from '../../src/atlas/model/changes.ts';
import { FEED_ITEM_LIMIT } from '../../src/atlas/outputs/feeds.ts';
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

/**
 * Follows a change log (whole or one filter) from its first page by the rel="next" links and checks it lists exactly `versions`
 * (version page URLs, newest first), at most CHANGES_PAGE_SIZE to a page, each once; returns the pages' paths.
 */
function walkLog(first: string, versions: readonly string[]): string[] {
  const paths: string[] = [];
  const seen: string[] = [];
  for (let path: string | undefined = first; path; ) {
    expect(paths, 'the pages chain without a loop').not.toContain(path);
    paths.push(path);
    const html = page(path);
    const entries = entriesOf(html);
    expect(entries.length, path).toBeGreaterThan(0);
    expect(entries.length, path).toBeLessThanOrEqual(CHANGES_PAGE_SIZE);
    seen.push(...entries);
    path = /<a href="([^"]+)" rel="next"/.exec(html)?.[1];
  }
  expect(paths).toEqual(Array.from({ length: Math.ceil(versions.length / CHANGES_PAGE_SIZE) }, (_, i) => (i === 0 ? first : `${first}${i + 1}/`)));
  expect(seen).toEqual(versions);
  expect(new Set(seen).size).toBe(seen.length);
  const stamps = seen.map((url) => url.split('/').at(-2) ?? '');
  expect(stamps).toEqual([...stamps].sort().reverse());
  return paths;
}

describe('the change log pages', () => {
  it('lists every version on exactly one page, at most CHANGES_PAGE_SIZE to a page, newest first', () => {
    const versions = atlasChanges(atlas).map((c) => c.versionUrl);
    expect(versions.length).toBeGreaterThan(CHANGES_PAGE_SIZE);
    walkLog('/changes/', versions);
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

describe('the change log filters', () => {
  /** Version page URLs of the versions of documents matching `keep`, newest first, computed from the snapshots rather than the filters. */
  const versionsWhere = (keep: (documentKey: string) => boolean) => atlasChanges(atlas).filter((c) => keep(c.document.key)).map((c) => c.versionUrl);
  const typeOf = (documentKey: string) => atlas.documentByKey.get(documentKey)?.data.type;

  it('gives each platform a static log of its own versions, paged like /changes/', () => {
    const birdy = versionsWhere((key) => key.startsWith('birdy/'));
    expect(birdy).toHaveLength(EXTRA_VERSIONS + 1);
    expect(walkLog('/changes/platform/birdy/', birdy)).toEqual(['/changes/platform/birdy/', '/changes/platform/birdy/2/']);
    walkLog('/changes/platform/acme/', versionsWhere((key) => key.startsWith('acme/')));
    // A platform without a single version gets no page (its filter would be empty).
    expect(site.exists('changes/platform/quiet/index.html')).toBe(false);
  });

  it('gives each document type a static log, a predecessor counted under its own type', () => {
    const privacy = versionsWhere((key) => typeOf(key) === 'Privacy Policy');
    expect(privacy.some((url) => url.startsWith('/platform/acme/old-privacy-policy/'))).toBe(true);
    expect(walkLog('/changes/type/privacy-policy/', privacy)).toHaveLength(2);
    expect(walkLog('/changes/type/terms-of-service/', versionsWhere((key) => typeOf(key) === 'Terms of Service'))).toEqual(['/changes/type/terms-of-service/']);
  });

  it('links every filter from /changes/ as a plain link, and needs no script', () => {
    const html = page('/changes/');
    const filters = /<section[^>]*id="filters"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const links = [...filters.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['/changes/platform/acme/', '/changes/platform/birdy/', '/changes/type/privacy-policy/', '/changes/type/terms-of-service/']);
    expect(filters.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain(`Birdy (${EXTRA_VERSIONS + 1} versions)`);
    for (const path of ['/changes/', '/changes/platform/birdy/', '/changes/platform/birdy/2/', '/changes/type/privacy-policy/']) expect(page(path), path).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    // The filter in view is marked, not linked, and the page leads back to the whole log.
    const birdy = page('/changes/platform/birdy/');
    expect(birdy).toMatch(/<strong aria-current="page"[^>]*>Birdy<\/strong>/);
    expect(birdy).toMatch(/<a href="\/changes\/"[^>]*>All changes<\/a>/);
    expect(birdy).toMatch(/<a href="\/platform\/birdy\/feed.xml"[^>]*>RSS<\/a>/);
  });

  it('lists every filter page in the sitemap', () => {
    const sitemap = sitemapEntries(atlas).map((e) => new URL(e.loc).pathname);
    for (const path of ['/changes/platform/birdy/', '/changes/platform/birdy/2/', '/changes/type/privacy-policy/', '/changes/type/privacy-policy/2/', '/changes/type/terms-of-service/']) expect(sitemap, path).toContain(path);
    expect(sitemap).not.toContain('/changes/platform/birdy/3/');
  });
});

describe('per-document feeds', () => {
  it('are built beside each document page, linked from it and announced in its head and its clause pages', () => {
    for (const document of atlas.documents) {
      for (const file of ['feed.xml', 'atom.xml', 'feed.json']) expect(site.exists(`${document.url.slice(1)}${file}`), `${document.url}${file}`).toBe(true);
    }
    const html = page('/platform/birdy/privacy-policy/');
    expect(html).toMatch(/<a href="\/platform\/birdy\/privacy-policy\/feed.xml"[^>]*>RSS<\/a>/);
    expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/platform\/birdy\/privacy-policy\/atom.xml"/);
    expect(page('/platform/birdy/privacy-policy/ai-training/')).toMatch(/<link rel="alternate" type="application\/feed\+json" href="\/platform\/birdy\/privacy-policy\/feed.json"/);
    const items = (JSON.parse(site.read('platform/birdy/privacy-policy/feed.json')) as { items: unknown[] }).items;
    expect(items).toHaveLength(FEED_ITEM_LIMIT);
  });
});
