/**
 * The sitemap and robots.txt of the fixture atlas: every HTML page listed once
 * by absolute URL, lastmod dates worked out by hand from the fixture's capture
 * dates, XML that parses as sitemaps.org 0.9, and the split into an index of
 * parts past the URL limit.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { routes } from '../../src/atlas/routes.ts';
import { buildSitemap, robotsTxt, sitemapEntries, type SitemapEntry } from '../../src/atlas/outputs/sitemap.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const atlas = loadAtlas(FIXTURE_ATLAS).atlas;
const site = 'https://fixture.example';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

// Lists stay lists even with one element, so the shape never depends on the count.
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });

/** The `<url>` entries of a urlset, after checking the document is well-formed and in the sitemap namespace. */
function urlsOf(xml: string): SitemapEntry[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const { urlset } = parser.parse(xml) as { urlset: { '@_xmlns': string; url?: Array<{ loc: string; lastmod?: string }> } };
  expect(urlset['@_xmlns']).toBe(NS);
  return (urlset.url ?? []).map(({ loc, lastmod }) => ({ loc, ...(lastmod === undefined ? {} : { lastmod }) }));
}

const lastmodOf = (path: string) => {
  const entry = sitemapEntries(atlas).find((e) => e.loc === `${site}${path}`);
  if (!entry) throw new Error(`no sitemap entry for ${path}`);
  return entry.lastmod;
};

describe('sitemapEntries', () => {
  const entries = sitemapEntries(atlas);
  const locs = entries.map((e) => e.loc);

  it('lists every HTML page of the fixture once, by absolute URL, sorted', () => {
    // 6 fixed pages, 4 indexes, 3 platforms, 4 documents, 4 clauses, 6 versions (7 captures, one the same text), 3 clause types, 2 regulations, 2 agencies,
    // /compare/ and its 3 platform views, 4 change-log filters (acme, birdy; privacy policy, terms of service; quiet has no version).
    expect(entries).toHaveLength(8 + 4 + 3 + 4 + 4 + 6 + 3 + 2 + 2 + 1 + 3 + 4);
    for (const path of ['/changes/platform/acme/', '/changes/platform/birdy/', '/changes/type/privacy-policy/', '/changes/type/terms-of-service/']) expect(locs, path).toContain(`${site}${path}`);
    expect(locs).not.toContain(`${site}/platform/acme/old-privacy-policy/versions/2022-06-01T00-00-00Z/`);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toEqual([...locs].sort());
    for (const path of ['/', '/platforms/', '/clause-types/', '/regulations/', '/agencies/', '/methodology/', '/about/', '/contribute/', '/data/', '/changes/', '/review/', '/search/', '/compare/', '/compare/platform/quiet/']) {
      expect(locs, path).toContain(`${site}${path}`);
    }
    const records = [...atlas.platforms, ...atlas.documents, ...atlas.clauses, ...atlas.clauseTypes, ...atlas.regulations, ...atlas.agencies];
    for (const { url } of records) expect(locs, url).toContain(`${site}${url}`);
    // A predecessor's versions live under its own document.
    expect(locs).toContain(`${site}/platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/`);
    expect(locs).toContain(`${site}/platform/birdy/privacy-policy/versions/2024-01-10T12-00-00Z/`);
  });

  it('leaves out redirects and the 404 page', () => {
    expect(locs.some((loc) => loc.includes('/r/') || loc.includes('404'))).toBe(false);
  });

  it('dates each page by the content it shows', () => {
    // A document: its latest capture (last verified), predecessors included.
    expect(lastmodOf('/platform/acme/privacy-policy/')).toBe('2024-03-01');
    expect(lastmodOf('/platform/acme/old-privacy-policy/')).toBe('2022-06-01');
    // A clause gone from the text: the version it disappeared in (last seen 2023-08-01).
    expect(lastmodOf('/platform/acme/privacy-policy/message-retention/')).toBe('2024-03-01');
    expect(lastmodOf('/platform/acme/terms-of-service/arbitration/')).toBe('2023-05-01');
    // A version: its capture date.
    expect(lastmodOf('/platform/birdy/privacy-policy/versions/2024-01-10T12-00-00Z/')).toBe('2024-01-10');
    // A platform: its newest document; a clause type: its newest clause.
    expect(lastmodOf('/platform/birdy/')).toBe('2024-01-10');
    expect(lastmodOf('/clause-types/arbitration/')).toBe('2023-05-01');
    // The home page follows the newest capture; pages without content dates have none.
    expect(lastmodOf('/')).toBe(atlas.dataAsOf);
    expect(lastmodOf('/platform/quiet/')).toBeUndefined();
    expect(lastmodOf('/methodology/')).toBeUndefined();
  });

  it('never dates a page after the newest capture (no wall clock)', () => {
    for (const { loc, lastmod } of entries) if (lastmod) expect(lastmod <= (atlas.dataAsOf ?? ''), loc).toBe(true);
  });
});

describe('buildSitemap', () => {
  it('writes one urlset that parses back to the entries, byte-identical across loads', () => {
    const { sitemap, parts } = buildSitemap(atlas);
    expect(parts).toEqual([]);
    expect(sitemap.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(urlsOf(sitemap)).toEqual(sitemapEntries(atlas));
    expect(buildSitemap(loadAtlas(FIXTURE_ATLAS).atlas).sitemap).toBe(sitemap);
  });

  it('escapes XML special characters in URLs', () => {
    const odd: Atlas = { ...atlas, site: { ...atlas.site, url: "https://fixture.example/a&b'c" } };
    const { sitemap } = buildSitemap(odd);
    expect(sitemap).toContain('<loc>https://fixture.example/a&amp;b&apos;c/about/</loc>');
    expect(urlsOf(sitemap).map((e) => e.loc)).toContain("https://fixture.example/a&b'c/about/");
  });

  it('splits into an index of parts past the URL limit', () => {
    const limit = 10;
    const entries = sitemapEntries(atlas);
    const { sitemap, parts } = buildSitemap(atlas, limit);
    expect(parts).toHaveLength(Math.ceil(entries.length / limit));
    expect(parts.flatMap(urlsOf)).toEqual(entries);
    for (const part of parts) expect(urlsOf(part).length).toBeLessThanOrEqual(limit);

    expect(XMLValidator.validate(sitemap)).toBe(true);
    const { sitemapindex } = parser.parse(sitemap) as { sitemapindex: { '@_xmlns': string; sitemap: Array<{ loc: string; lastmod?: string }> } };
    expect(sitemapindex['@_xmlns']).toBe(NS);
    expect(sitemapindex.sitemap.map((s) => s.loc)).toEqual(parts.map((_, i) => `${site}${routes.sitemapPart(i + 1)}`));
    // Each part is dated by its newest page.
    parts.forEach((part, i) => {
      const dates = urlsOf(part).flatMap((e) => e.lastmod ?? []);
      expect(sitemapindex.sitemap[i]?.lastmod).toBe(dates.length ? dates.sort().at(-1) : undefined);
    });
  });
});

describe('robotsTxt', () => {
  it('allows every crawler and names the sitemap by absolute URL', () => {
    expect(robotsTxt(atlas)).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${site}/sitemap.xml\n`);
  });
});
