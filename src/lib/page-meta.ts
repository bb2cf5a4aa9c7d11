/**
 * What the page shell needs to know about a page from its path alone: which
 * record it shows, the search metadata Pagefind indexes (filters, sort keys,
 * result metadata, weighted keywords), the schema.org description used when a
 * page passes none, its breadcrumb trail, its OG card and its feeds. Built once
 * per atlas from the model; each page is then a map lookup.
 */
import { siteUrl } from '../atlas/site-url.ts';
import { ogCardsFor, ogImageLookup, type OgCard } from '../og/cards.ts';
import type { CardData } from '../og/card.ts';
import { versionUrl } from '../atlas/model/changes.ts';
import { formatDate } from '../atlas/model/dates.ts';
import { permanentUrl } from '../atlas/outputs/citation.ts';
import { feedPaths, type FeedSubject } from '../atlas/outputs/feeds.ts';
import { routes, type FeedFormat } from '../atlas/routes.ts';
import { clauseJsonLd } from './json-ld.ts';
import { jurisdictionName } from '../atlas/model/wording.ts';
import type { AgencyRecord, Atlas, ClauseRecord, ClauseTypeRecord, DocumentRecord, PlatformRecord, RegulationRecord, SnapshotView } from '../atlas/model/model.ts';

/** A page that shows one record of the model, by the kind of record. */
export type RecordPage =
  | { kind: 'clause'; record: ClauseRecord }
  | { kind: 'document'; record: DocumentRecord }
  | { kind: 'platform'; record: PlatformRecord }
  | { kind: 'clause-type'; record: ClauseTypeRecord }
  | { kind: 'regulation'; record: RegulationRecord }
  | { kind: 'agency'; record: AgencyRecord }
  | { kind: 'version'; record: SnapshotView; document: DocumentRecord };

export type PageKind = RecordPage['kind'];

/** Kinds of page that go into the search index; every other page stays out of it. */
export const INDEXED_KINDS: ReadonlySet<PageKind> = new Set(['clause', 'document', 'platform', 'clause-type', 'regulation']);

/**
 * Pagefind filter names, in the order the search page shows them, with the
 * URL parameter each is kept in. Names are shown capitalised by the search UI.
 */
export const SEARCH_FILTERS = [
  { name: 'type', param: 'type' },
  { name: 'severity', param: 'severity' },
  { name: 'platform', param: 'platform' },
  { name: 'clause type', param: 'clause-type' },
  { name: 'document type', param: 'document-type' },
  { name: 'regulation', param: 'regulation' },
  { name: 'jurisdiction', param: 'jurisdiction' },
] as const;
export type SearchFilterName = (typeof SEARCH_FILTERS)[number]['name'];

/** Pagefind sort keys (YYYY-MM-DD values, so text order is date order). */
export type SearchSortKey = 'first-seen' | 'last-changed';

/** What a page tells Pagefind about itself. */
export interface SearchMeta {
  filters: Array<{ name: SearchFilterName; value: string }>;
  sort: Partial<Record<SearchSortKey, string>>;
  /** Shown with each result; the title comes from the page's h1. */
  meta: Record<string, string>;
  /** Words a searcher may type that the page does not show prominently (record ID, former names), indexed with extra weight. */
  keywords: string;
}

export interface OgMeta {
  /** Absolute URL of the card image. */
  image: string;
  alt: string;
  type: 'article' | 'website';
}

export interface Crumb {
  name: string;
  path: string;
}

/** Labels of the page kinds as searchers see them (the `type` filter and result label). */
export const KIND_LABELS: Record<PageKind, string> = {
  clause: 'Clause',
  document: 'Document',
  platform: 'Platform',
  'clause-type': 'Clause type',
  regulation: 'Regulation',
  agency: 'Agency',
  version: 'Document version',
};

/** Section index pages: the first crumb under home for every page in the section. */
const SECTIONS: ReadonlyArray<{ prefix: string; crumb: Crumb }> = [
  { prefix: routes.platformPrefix(), crumb: { name: 'Platforms', path: routes.platforms() } },
  { prefix: routes.platforms(), crumb: { name: 'Platforms', path: routes.platforms() } },
  { prefix: routes.clauseTypes(), crumb: { name: 'Clause types', path: routes.clauseTypes() } },
  { prefix: routes.regulations(), crumb: { name: 'Regulations', path: routes.regulations() } },
  { prefix: routes.agencies(), crumb: { name: 'Agencies', path: routes.agencies() } },
  { prefix: routes.changes(), crumb: { name: 'Changes', path: routes.changes() } },
  { prefix: routes.compare(), crumb: { name: 'Compare', path: routes.compare() } },
];

/** Index pages that list records: schema.org CollectionPage rather than WebPage. */
const COLLECTION_PATHS = new Set([routes.platforms(), routes.clauseTypes(), routes.regulations(), routes.agencies(), routes.changes(), routes.search()]);


const earliest = (dates: Iterable<string | undefined>) => [...dates].filter((d): d is string => Boolean(d)).sort()[0];
const latest = (dates: Iterable<string | undefined>) => [...dates].filter((d): d is string => Boolean(d)).sort().at(-1);

/** The capture date of the latest change to a clause's quote: its last timeline event. */
function clauseLastChanged(clause: ClauseRecord): string | undefined {
  return clause.stability.timeline.at(-1)?.snapshot.capturedOn;
}

function clauseSort(clauses: readonly ClauseRecord[]): SearchMeta['sort'] {
  return dated(earliest(clauses.map((c) => c.stability.firstSeen?.capturedOn)), latest(clauses.map(clauseLastChanged)));
}

function dated(firstSeen: string | undefined, lastChanged: string | undefined): SearchMeta['sort'] {
  return { ...(firstSeen ? { 'first-seen': firstSeen } : {}), ...(lastChanged ? { 'last-changed': lastChanged } : {}) };
}

const unique = (values: Iterable<string>) => [...new Set(values)];
const filtersOf = (name: SearchFilterName, values: Iterable<string>) => unique(values).map((value) => ({ name, value }));

function searchMetaOf(page: RecordPage): SearchMeta | undefined {
  const type = { name: 'type' as const, value: KIND_LABELS[page.kind] };
  switch (page.kind) {
    case 'clause': {
      const clause = page.record;
      const typeName = clause.clauseType?.data.name ?? clause.data.clause_type;
      return {
        filters: [
          type,
          { name: 'severity', value: clause.data.severity },
          { name: 'platform', value: clause.platform.data.name },
          { name: 'clause type', value: typeName },
          { name: 'document type', value: clause.document.data.type },
          ...filtersOf('regulation', clause.regulations.map((r) => r.data.short_name)),
          ...filtersOf('jurisdiction', [...clause.regulations, ...clause.agencies].map((r) => jurisdictionName(r.data.jurisdiction_code))),
        ],
        sort: dated(clause.stability.firstSeen?.capturedOn, clauseLastChanged(clause)),
        meta: { kind: KIND_LABELS.clause, platform: clause.platform.data.name, severity: clause.data.severity, record_id: clause.data.id, clause_type: typeName },
        keywords: [clause.data.id, typeName, clause.document.data.title, ...clause.data.categories, ...clause.regulations.map((r) => r.data.short_name), ...clause.agencies.map((a) => a.data.short_name)].join(' · '),
      };
    }
    case 'document': {
      const document = page.record;
      return {
        filters: [
          type,
          { name: 'platform', value: document.platform.data.name },
          { name: 'document type', value: document.data.type },
          // A policy is found under the types of the clauses analysed in it; severity stays a clause's own.
          ...filtersOf('clause type', document.clauses.map((c) => c.clauseType?.data.name ?? c.data.clause_type)),
        ],
        sort: dated(document.facts.firstCaptured?.capturedOn, document.facts.lastChanged?.capturedOn),
        meta: { kind: KIND_LABELS.document, platform: document.platform.data.name, record_id: document.data.id, document_type: document.data.type },
        keywords: [document.data.id, document.data.type, document.platform.data.name].join(' · '),
      };
    }
    case 'platform': {
      const platform = page.record;
      const documents = platform.documents;
      return {
        filters: [type, { name: 'platform', value: platform.data.name }, ...(platform.data.headquarters ? [{ name: 'jurisdiction' as const, value: jurisdictionName(platform.data.headquarters) }] : [])],
        sort: dated(earliest(documents.map((d) => d.facts.firstCaptured?.capturedOn)), latest(documents.map((d) => d.facts.lastChanged?.capturedOn))),
        meta: { kind: KIND_LABELS.platform, platform: platform.data.name },
        keywords: [platform.data.name, ...platform.data.formerly.map((f) => f.name), ...(platform.data.parent ? [platform.data.parent] : [])].join(' · '),
      };
    }
    case 'clause-type': {
      const clauseType = page.record;
      return {
        filters: [type, { name: 'clause type', value: clauseType.data.name }, ...filtersOf('platform', clauseType.platforms.map((p) => p.data.name))],
        // A taxonomy page dates from its clauses, so it stays in date-sorted results.
        sort: clauseSort(clauseType.clauses),
        meta: { kind: KIND_LABELS['clause-type'], clause_type: clauseType.data.name },
        keywords: [clauseType.data.name, clauseType.data.family].join(' · '),
      };
    }
    case 'regulation': {
      const regulation = page.record;
      return {
        filters: [type, { name: 'regulation', value: regulation.data.short_name }, { name: 'jurisdiction', value: jurisdictionName(regulation.data.jurisdiction_code) }],
        sort: clauseSort(regulation.clauses),
        meta: { kind: KIND_LABELS.regulation, regulation: regulation.data.short_name },
        keywords: [regulation.data.short_name, regulation.data.citation].join(' · '),
      };
    }
    default:
      return undefined;
  }
}

/** Alt text of an OG card, read from what the card shows. */
function cardAlt(card: CardData | undefined, siteName: string): string {
  if (!card || card.kind === 'site') return `${siteName}: ${card?.title ?? 'a public atlas of what platform policies say'}`;
  const kind = KIND_LABELS[card.kind];
  const details = [card.platform, card.severity ? `${card.severity} severity` : undefined, card.subtitle, card.recordId].filter(Boolean).join(', ');
  return `${siteName} card. ${kind}: ${card.title}${details ? ` (${details})` : ''}.`;
}

type JsonLd = Record<string, unknown>;

export interface PageMetaIndex {
  /** The record a page shows, if it shows one. */
  recordAt(path: string): RecordPage | undefined;
  /** Pagefind metadata, only for the kinds of page that are indexed. */
  searchMeta(path: string): SearchMeta | undefined;
  /** Paths of every page that goes into the search index, so the indexer reads only those. */
  indexedPaths(): string[];
  og(path: string): OgMeta;
  /**
   * The breadcrumb trail of a page, home first and the page itself last: the
   * one source of the visible breadcrumb and the JSON-LD BreadcrumbList. A
   * record page is named as its record (`recordName`); another page by `title`.
   */
  crumbs(path: string, title?: string): Crumb[];
  /** The schema.org descriptions of a page: its own (or a fallback from its record) and its breadcrumb trail. */
  jsonLd(path: string, page: { title: string; description: string; own?: JsonLd | undefined }): JsonLd[];
  /** The atlas feeds, then the platform's and the document's when the page belongs to one. */
  feeds(path: string): Array<{ format: FeedFormat; href: string; title: string }>;
}

const FEED_TYPES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

export const FEED_MIME: Record<FeedFormat, string> = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' };

/** Builds the index of every record page of an atlas; O(records + snapshots). */
export function buildPageMeta(atlas: Atlas, cards: readonly OgCard[] = ogCardsFor(atlas)): PageMetaIndex {
  const pages = new Map<string, RecordPage>();
  for (const record of atlas.platforms) pages.set(record.url, { kind: 'platform', record });
  for (const record of atlas.documents) {
    pages.set(record.url, { kind: 'document', record });
    for (const snapshot of record.snapshots) pages.set(versionUrl(snapshot), { kind: 'version', record: snapshot, document: record });
  }
  for (const record of atlas.clauses) pages.set(record.url, { kind: 'clause', record });
  for (const record of atlas.clauseTypes) pages.set(record.url, { kind: 'clause-type', record });
  for (const record of atlas.regulations) pages.set(record.url, { kind: 'regulation', record });
  for (const record of atlas.agencies) pages.set(record.url, { kind: 'agency', record });

  const absolute = (path: string) => siteUrl(atlas, path);
  const imageOf = ogImageLookup(cards);
  // By image path, so a page that shares an ancestor's card gets that card's alt text.
  const cardByImage = new Map(cards.map((c) => [c.image, c.card]));
  const website = { '@type': 'WebSite', name: atlas.site.name, url: absolute('/') };
  const publisher = { '@type': 'Organization', name: atlas.site.publisher || atlas.site.name };
  const organization = (platform: PlatformRecord) => ({ '@type': 'Organization', name: platform.data.name, url: platform.data.website });
  const digitalDocument = (document: DocumentRecord) => ({
    '@type': 'DigitalDocument',
    name: document.data.title,
    identifier: document.data.id,
    url: document.data.source_url,
    inLanguage: document.data.language,
    author: organization(document.platform),
  });

  function mainEntity(page: RecordPage): JsonLd {
    switch (page.kind) {
      case 'platform':
        return { ...organization(page.record), ...(page.record.data.headquarters ? { address: { '@type': 'PostalAddress', addressCountry: page.record.data.headquarters } } : {}), ...(page.record.data.formerly.length ? { alternateName: page.record.data.formerly.map((f) => f.name) } : {}) };
      case 'document':
        return { ...digitalDocument(page.record), ...(page.record.facts.lastChanged ? { dateModified: page.record.facts.lastChanged.capturedAt } : {}) };
      case 'version':
        return { ...digitalDocument(page.document), version: page.record.data.sha256, dateCreated: page.record.capturedAt, ...(page.record.data.archive_url ? { archivedAt: page.record.data.archive_url } : {}) };
      case 'clause-type':
        return { '@type': 'DefinedTerm', name: page.record.data.name, description: page.record.data.description, inDefinedTermSet: absolute(routes.clauseTypes()) };
      case 'regulation':
        return { '@type': 'Legislation', name: page.record.data.name, alternateName: page.record.data.short_name, legislationIdentifier: page.record.data.citation, legislationJurisdiction: jurisdictionName(page.record.data.jurisdiction_code), url: page.record.data.official_url };
      case 'agency':
        return { '@type': 'GovernmentOrganization', name: page.record.data.name, alternateName: page.record.data.short_name, areaServed: jurisdictionName(page.record.data.jurisdiction_code), url: page.record.data.official_url };
      case 'clause':
        return clauseJsonLd(atlas, page.record);
    }
  }

  const crumbs = (path: string, title?: string): Crumb[] => {
    const trail: Crumb[] = [{ name: atlas.site.name, path: '/' }];
    if (path === '/') return trail;
    const section = SECTIONS.find((s) => path.startsWith(s.prefix));
    if (section) trail.push(section.crumb);
    // Each ancestor that is a record page is a step; path pieces without a page of their own (e.g. `versions/`) are not.
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const ancestor = `/${parts.slice(0, i).join('/')}/`;
      const record = pages.get(ancestor);
      if (record) trail.push({ name: recordName(record), path: ancestor });
    }
    if (trail.at(-1)?.path !== path) {
      const page = pages.get(path);
      const name = page ? recordName(page) : title;
      if (name === undefined) throw new Error(`src/lib/page-meta.ts crumbs: expected a record page or a title for ${path}, found neither`);
      trail.push({ name, path });
    }
    return trail;
  };

  return {
    recordAt: (path) => pages.get(path),
    indexedPaths: () => [...pages].filter(([, page]) => INDEXED_KINDS.has(page.kind)).map(([path]) => path),
    searchMeta(path) {
      const page = pages.get(path);
      return page && INDEXED_KINDS.has(page.kind) ? searchMetaOf(page) : undefined;
    },
    og(path) {
      const image = imageOf(path);
      const kind = pages.get(path)?.kind;
      return { image: absolute(image), alt: cardAlt(cardByImage.get(image), atlas.site.name), type: kind === 'clause' ? 'article' : 'website' };
    },
    crumbs,
    jsonLd(path, { title, description, own }) {
      const url = absolute(path);
      const page = pages.get(path);
      let main: JsonLd;
      if (own) main = own;
      else if (path === '/') main = { '@context': 'https://schema.org', ...website, description, publisher, inLanguage: 'en' };
      else if (page?.kind === 'clause') main = mainEntity(page);
      else {
        main = {
          '@context': 'https://schema.org',
          '@type': COLLECTION_PATHS.has(path) ? 'CollectionPage' : 'WebPage',
          url,
          name: title,
          description,
          inLanguage: 'en',
          isPartOf: website,
          publisher,
          ...(page ? { mainEntity: mainEntity(page) } : {}),
          ...(page && 'data' in page.record && 'id' in page.record.data ? { identifier: page.record.data.id, sameAs: permanentUrl(atlas, page.record.data.id) } : {}),
        };
      }
      const trail = crumbs(path, title);
      if (trail.length < 2) return [main];
      const breadcrumb = {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: trail.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: absolute(crumb.path) })),
      };
      return [main, breadcrumb];
    },
    feeds(path) {
      const page = pages.get(path);
      const platform = page ? platformOf(page) : undefined;
      const document = page ? documentOf(page) : undefined;
      const scopes: Array<[FeedSubject | undefined, string]> = [[undefined, `${atlas.site.name} changes`]];
      if (platform) scopes.push([platform, `${platform.data.name} changes`]);
      if (document) scopes.push([document, `${document.data.title} changes`]);
      return scopes.flatMap(([scope, label]) => {
        const paths = feedPaths(scope);
        return (Object.keys(FEED_TYPES) as FeedFormat[]).map((format) => ({ format, href: paths[format], title: `${label} (${FEED_TYPES[format]})` }));
      });
    },
  };
}

/** What a record page is called in its breadcrumb: the short name its readers know it by. */
function recordName(page: RecordPage): string {
  switch (page.kind) {
    case 'platform':
    case 'clause-type':
      return page.record.data.name;
    case 'document':
    case 'clause':
      return page.record.data.title;
    case 'regulation':
    case 'agency':
      return page.record.data.short_name;
    case 'version':
      return `Version of ${formatDate(page.record.capturedOn)}`;
  }
}

function platformOf(page: RecordPage): PlatformRecord | undefined {
  switch (page.kind) {
    case 'platform':
      return page.record;
    case 'document':
    case 'clause':
      return page.record.platform;
    case 'version':
      return page.document.platform;
    default:
      return undefined;
  }
}

/** The document a page is about or belongs to: a document page, a clause's document, a version's document. */
function documentOf(page: RecordPage): DocumentRecord | undefined {
  switch (page.kind) {
    case 'document':
      return page.record;
    case 'clause':
      return page.record.document;
    case 'version':
      return page.document;
    default:
      return undefined;
  }
}

const built = new WeakMap<Atlas, PageMetaIndex>();

/** The page index of an atlas, built on first use and shared by every page of the build. */
export function pageMetaFor(atlas: Atlas): PageMetaIndex {
  let index = built.get(atlas);
  if (!index) built.set(atlas, (index = buildPageMeta(atlas)));
  return index;
}
