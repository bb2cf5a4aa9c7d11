/**
 * What crawlers read: the sitemap (sitemaps.org 0.9) listing every HTML page
 * of the atlas, and robots.txt pointing at it. `lastmod` comes only from the
 * content (capture dates), never from the clock, so the same content gives
 * the same bytes. Redirects (/r/<ID>/, old slugs) are left out: a sitemap
 * lists canonical pages only.
 */
import { routes } from '../routes.ts';
import { siteUrl } from '../site-url.ts';
import { atlasChanges, CHANGES_PAGE_SIZE, changeFilters, changesPagePath, versionUrl } from '../model/changes.ts';
import { COMPARE_PAGE_SIZE } from '../model/compare.ts';
import { furtherHubPages, hubPagePath } from './hub-pages.ts';
import type { Atlas, ClauseRecord, DocumentRecord } from '../model/model.ts';

export interface SitemapEntry {
  /** Absolute URL of the page. */
  loc: string;
  /** YYYY-MM-DD of the last content change the page shows; absent when no content date applies. */
  lastmod?: string;
}

/** The sitemap as served: `/sitemap.xml` and, once it is split, the bodies of `/sitemap-1.xml`, `/sitemap-2.xml`, … */
export interface Sitemap {
  sitemap: string;
  parts: string[];
}

/** sitemaps.org: at most 50,000 URLs per file; more need a sitemap index. */
export const SITEMAP_URL_LIMIT = 50_000;

/** Pages without records behind them, and whether their content follows the newest capture. */
const FIXED_PAGES: ReadonlyArray<readonly [path: string, followsData: boolean]> = [
  [routes.home(), true],
  [routes.changes(), true],
  [routes.review(), true],
  [routes.data(), true],
  [routes.methodology(), false],
  [routes.about(), false],
  [routes.contribute(), false],
  [routes.search(), false],
];


/** The latest of some ISO dates (they sort as text), or undefined when there are none. */
function latest(dates: ReadonlyArray<string | undefined>): string | undefined {
  let max: string | undefined;
  for (const date of dates) if (date !== undefined && (max === undefined || date > max)) max = date;
  return max;
}

/** A clause page changes when the quote is seen in a newer version or disappears from one. */
const clauseDate = (clause: ClauseRecord) => latest([clause.stability.lastSeen?.capturedOn, clause.stability.goneSince?.capturedOn]);
/** A document page shows when its text was last verified. */
const documentDate = (document: DocumentRecord) => document.facts.lastVerified?.capturedOn;

/** Every HTML page of the atlas with its content date, sorted by URL (code-unit order). */
export function sitemapEntries(atlas: Atlas): SitemapEntry[] {
  const pages: Array<[path: string, lastmod: string | undefined]> = [];
  const add = (path: string, lastmod: string | undefined) => void pages.push([path, lastmod]);
  /** Adds a group's pages and its index page, dated by its newest member. */
  const addGroup = <T extends { url: string }>(indexPath: string, records: readonly T[], dateOf: (record: T) => string | undefined) => {
    const dates = records.map(dateOf);
    records.forEach((record, i) => add(record.url, dates[i]));
    add(indexPath, latest(dates));
  };

  for (const [path, followsData] of FIXED_PAGES) add(path, followsData ? atlas.dataAsOf : undefined);
  // The change log's first page is a fixed page; its further pages follow the data too.
  for (let n = 2; n <= Math.ceil(atlasChanges(atlas).length / CHANGES_PAGE_SIZE); n++) add(routes.changes(n), atlas.dataAsOf);
  // Each filter's pages change when one of its versions is captured.
  for (const filter of changeFilters(atlas)) {
    const lastmod = filter.changes[0]?.snapshot.capturedOn;
    for (let n = 1; n <= Math.ceil(filter.changes.length / CHANGES_PAGE_SIZE); n++) add(changesPagePath(n, filter), lastmod);
  }
  addGroup(routes.platforms(), atlas.platforms, (p) => latest(p.documents.map(documentDate)));
  for (const document of atlas.documents) add(document.url, documentDate(document));
  // The comparison follows clauses and negative findings, which only ever change with the content, dated by the newest capture.
  for (let n = 1; n <= Math.max(1, Math.ceil(atlas.platforms.length / COMPARE_PAGE_SIZE)); n++) add(routes.compare(n), atlas.dataAsOf);
  for (const platform of atlas.platforms) add(routes.comparePlatform(platform.slug), latest(platform.documents.map(documentDate)));
  for (const clause of atlas.clauses) add(clause.url, clauseDate(clause));
  for (const snapshot of atlas.snapshots) if (snapshot.capture.version === snapshot) add(versionUrl(snapshot), snapshot.capturedOn);
  addGroup(routes.clauseTypes(), atlas.clauseTypes, (t) => latest(t.clauses.map(clauseDate)));
  addGroup(routes.regulations(), atlas.regulations, (r) => latest(r.clauses.map(clauseDate)));
  addGroup(routes.agencies(), atlas.agencies, (a) => latest(a.clauses.map(clauseDate)));
  // Further pages of the hubs' paged lists follow the data, like the change log's.
  for (const { hub, number } of furtherHubPages(atlas)) add(hubPagePath(hub, number), atlas.dataAsOf);

  return pages
    .map(([path, lastmod]): SitemapEntry => ({ loc: siteUrl(atlas, path), ...(lastmod === undefined ? {} : { lastmod }) }))
    .sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);

/** One `<url>` or `<sitemap>` element. */
function element(tag: 'url' | 'sitemap', { loc, lastmod }: SitemapEntry): string {
  return `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod === undefined ? '' : `<lastmod>${lastmod}</lastmod>`}</${tag}>\n`;
}

function xmlFile(root: 'urlset' | 'sitemapindex', children: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${children.join('')}</${root}>\n`;
}

/** The sitemap: one file while the pages fit; beyond `limit` URLs, an index of parts. */
export function buildSitemap(atlas: Atlas, limit = SITEMAP_URL_LIMIT): Sitemap {
  const entries = sitemapEntries(atlas);
  const urlset = (part: readonly SitemapEntry[]) => xmlFile('urlset', part.map((e) => element('url', e)));
  if (entries.length <= limit) return { sitemap: urlset(entries), parts: [] };
  const parts: SitemapEntry[][] = [];
  for (let start = 0; start < entries.length; start += limit) parts.push(entries.slice(start, start + limit));
  const index = parts.map((part, i) => {
    const lastmod = latest(part.map((e) => e.lastmod));
    return element('sitemap', { loc: siteUrl(atlas, routes.sitemapPart(i + 1)), ...(lastmod === undefined ? {} : { lastmod }) });
  });
  return { sitemap: xmlFile('sitemapindex', index), parts: parts.map(urlset) };
}

/** robots.txt: every crawler may read everything; the sitemap is named by absolute URL, as the protocol requires. */
export function robotsTxt(atlas: Pick<Atlas, 'site'>): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl(atlas, routes.sitemap())}\n`;
}
