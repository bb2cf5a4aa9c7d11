/**
 * Every public path of the atlas, one function per kind of page or file: the
 * one place that knows what a permanent URL looks like (DESIGN §5). The model
 * gives its records these paths, and pages, feeds, exports, the sitemap, OG
 * images and the ledger checks all ask here, so a path the ledger promises is
 * the path a page is built at. Paths are site paths (leading `/`, HTML pages
 * end in `/`); `siteUrl` makes them absolute.
 *
 * Arguments are the records' keys as content/ names them: a platform slug
 * (`x`), a document key (`x/privacy-policy`), a clause key
 * (`x/privacy-policy/ai-training`), a snapshot stamp (`2024-01-31T00-00-00Z`).
 * tests/unit/routes.test.ts fails when a path is written anywhere else.
 */

/** The three change-feed formats and the file each is served as. */
export const FEED_FILES = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;

const API = '/api/v1';

export const routes = {
  home: () => '/',
  platforms: () => '/platforms/',
  /** The folder every platform, document, clause and version page is under; no page of its own. */
  platformPrefix: () => '/platform/',
  platform: (slug: string) => `${routes.platformPrefix()}${slug}/`,
  /** `/platform/<platform>/<document>/` for the document key `<platform>/<document>`. */
  document: (key: string) => `${routes.platformPrefix()}${key}/`,
  /** `/platform/<platform>/<document>/<clause>/` for the clause key `<platform>/<document>/<clause>`. */
  clause: (key: string) => `${routes.platformPrefix()}${key}/`,
  /** The page of one version of a document. */
  version: (documentKey: string, stamp: string) => `${routes.document(documentKey)}versions/${stamp}/`,
  /** A snapshot's raw text, byte for byte as hashed. */
  snapshotText: (documentKey: string, stamp: string) => `/snapshots/${documentKey}/${stamp}.md`,
  clauseTypes: () => '/clause-types/',
  clauseType: (key: string) => `/clause-types/${key}/`,
  regulations: () => '/regulations/',
  regulation: (key: string) => `/regulations/${key}/`,
  agencies: () => '/agencies/',
  agency: (key: string) => `/agencies/${key}/`,
  /** Page `n` (from 1) of the change log: `/changes/`, `/changes/2/`, … */
  changes: (n = 1) => (n === 1 ? '/changes/' : `/changes/${n}/`),
  /** Page `n` (from 1) of the change log narrowed to one platform (`/changes/platform/<p>/`) or one document type (`/changes/type/<type>/`). */
  changesFiltered: (kind: 'platform' | 'type', slug: string, n = 1) => `${routes.changes()}${kind}/${slug}/${n === 1 ? '' : `${n}/`}`,
  /** A change feed of the whole atlas, or of one platform when its slug is given. */
  feed: (format: FeedFormat, platformSlug?: string) => `${platformSlug === undefined ? routes.changes() : routes.platform(platformSlug)}${FEED_FILES[format]}`,
  /** A change feed of one document (its predecessors' versions included), beside its page. */
  documentFeed: (format: FeedFormat, documentKey: string) => `${routes.document(documentKey)}${FEED_FILES[format]}`,
  /** Page `n` (from 1) of a list that starts on a record's own page: the page itself, then `<page>clauses/2/` or `<page>platforms/2/`, … */
  listPage: (page: string, list: 'clauses' | 'platforms', n: number) => (n === 1 ? page : `${page}${list}/${n}/`),
  /** Page `n` (from 1) of the platform × core clause type comparison: `/compare/`, `/compare/2/`, … */
  compare: (n = 1) => (n === 1 ? '/compare/' : `/compare/${n}/`),
  /** One platform's answers for the core clause types. */
  comparePlatform: (slug: string) => `${routes.compare()}platform/${slug}/`,
  /** The permanent URL of a record ID, which redirects to its page or is its tombstone. */
  permanent: (id: string) => `/r/${id}/`,
  /** A record's citation download, e.g. `/cite/CA-P-000001.bib`. */
  citation: (id: string, extension: string) => `/cite/${id}.${extension}`,
  apiIndex: () => `${API}/index.json`,
  apiPlatform: (slug: string) => `${API}/platforms/${slug}.json`,
  apiDocument: (key: string) => `${API}/documents/${key}.json`,
  apiClause: (key: string) => `${API}/clauses/${key}.json`,
  apiClauseType: (key: string) => `${API}/clause-types/${key}.json`,
  data: () => '/data/',
  dataJsonl: () => '/data/atlas.jsonl',
  dataCsv: () => '/data/clauses.csv',
  /** A published JSON Schema. */
  schema: (name: string) => `/data/schema/${name}.json`,
  /**
   * A page's OG image: the page path without its trailing slash under `/og/`,
   * so every page has its own file and no two can collide (`/` → `/og/index.png`).
   * Throws on anything that is not a page path.
   */
  ogImage: (page: string) => {
    if (!/^\/(?:[a-z0-9][a-z0-9._-]*\/)*$/i.test(page)) {
      throw new Error(`routes.ogImage: expected a page path starting and ending with "/", such as /platform/x/, found ${JSON.stringify(page)}`);
    }
    return page === '/' ? '/og/index.png' : `/og${page.slice(0, -1)}.png`;
  },
  sitemap: () => '/sitemap.xml',
  /** Part `n` (from 1) of a sitemap split under an index. */
  sitemapPart: (n: number) => `/sitemap-${n}.xml`,
  search: () => '/search/',
  review: () => '/review/',
  methodology: () => '/methodology/',
  about: () => '/about/',
  contribute: () => '/contribute/',
};

/**
 * A path pattern as readers see it, with `<name>` placeholders, e.g.
 * `routePattern(routes.apiClause, 'platform/document/clause')` →
 * `/api/v1/clauses/<platform>/<document>/<clause>.json`.
 */
export function routePattern(route: (key: string) => string, names: string): string {
  return route(names.split('/').map((name) => `<${name}>`).join('/'));
}

/** A pattern's placeholders as slug-shaped segments: `/platform/<platform>/` → /^\/platform\/[a-z0-9-]+\/$/. */
export function routeRegExp(pattern: string): RegExp {
  const parts = pattern.split(/<[a-z-]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${parts.join('[a-z0-9-]+')}$`);
}
