/**
 * The Atlas model: every entry linked to the others and every computed fact,
 * built once per build from loaded content in time linear in its size. Pages,
 * exports and scripts read this and never scan content themselves.
 */
import type { Agency } from '../../schema/agency.ts';
import type { ClauseData } from '../../schema/clause.ts';
import type { ClauseType } from '../../schema/clause-type.ts';
import type { Severity } from '../../schema/common.ts';
import type { DocumentData } from '../../schema/document.ts';
import type { Ledger } from '../../schema/ledger.ts';
import type { NegativeData } from '../../schema/negative.ts';
import type { Platform } from '../../schema/platform.ts';
import type { Regulation } from '../../schema/regulation.ts';
import type { Site } from '../../schema/site.ts';
import { routes } from '../routes.ts';
import { computeGrade, countSeverities, gradeBasis, type Grade } from './grade.ts';
import type { Entry, LoadedContent } from '../reading/load.ts';
import { computeRarity, type Rarity } from './rarity.ts';
import { platformState, recheckNegative } from './coverage.ts';
import { classifyCaptures } from './captures.ts';
import { snapshotView, type SnapshotView } from './snapshots.ts';
import { quoteSection } from './quote-section.ts';
import { textFragmentUrl } from './source-link.ts';
import { AnchorScope } from './anchoring.ts';
import { computeStability, type Stability } from './stability.ts';

export type { SnapshotView } from './snapshots.ts';
export type { Stability, TimelineEvent } from './stability.ts';
export type { Grade } from './grade.ts';
export type { Rarity } from './rarity.ts';

export interface PlatformRecord {
  slug: string;
  file: string;
  data: Platform;
  url: string;
  documents: DocumentRecord[];
  clauses: ClauseRecord[];
  /** Checked negative findings in any of its documents. */
  negatives: NegativeRecord[];
  severityCounts: Record<Severity, number>;
  grade: Grade;
}

export interface DocumentFacts {
  /** Captures of this document and its predecessors, whatever they hold. */
  captures: number;
  /** Versions (captures classified `version`, captures.ts) of this document and its predecessors. */
  versions: number;
  /** Versions captured under this document's own name (fewer than `versions` when it has a predecessor). */
  ownVersions: number;
  /** Earliest capture in the whole history. */
  firstCaptured: SnapshotView | undefined;
  /** Earliest capture under this document's own name. */
  ownFirstCaptured: SnapshotView | undefined;
  /** Latest capture: the last time the text was verified. */
  lastVerified: SnapshotView | undefined;
  /** Latest new version after the first: when the text last changed; undefined when it never did. */
  lastChanged: SnapshotView | undefined;
  /** Whole months between the first and the latest capture. */
  monthsMonitored: number;
}

export interface DocumentRecord {
  /** `<platform>/<document>`. */
  key: string;
  slug: string;
  file: string;
  data: DocumentData;
  url: string;
  platform: PlatformRecord;
  /** This document's own snapshots, oldest first. */
  snapshots: SnapshotView[];
  /** Snapshots of predecessors and then this document, oldest first. */
  history: SnapshotView[];
  /** The captures of `history` that are new versions (captures.ts), oldest first. */
  versions: SnapshotView[];
  predecessor: DocumentRecord | undefined;
  successor: DocumentRecord | undefined;
  clauses: ClauseRecord[];
  /** Clause types checked and found absent from this document. */
  negatives: NegativeRecord[];
  facts: DocumentFacts;
  severityCounts: Record<Severity, number>;
}

export interface ClauseRecord {
  /** `<platform>/<document>/<clause>`. */
  key: string;
  slug: string;
  file: string;
  data: ClauseData;
  url: string;
  document: DocumentRecord;
  platform: PlatformRecord;
  clauseType: ClauseTypeRecord | undefined;
  regulations: RegulationRecord[];
  agencies: AgencyRecord[];
  stability: Stability;
  /**
   * Clauses of the same type on other platforms, at most PEER_LIMIT: each
   * platform's most severe one, most severe first. The clause type lists them all.
   */
  peers: ClauseRecord[];
  /** How many clauses of the same type the other platforms have in all. */
  peerCount: number;
  /** Other clauses in the same document. */
  siblings: ClauseRecord[];
  /** Clauses read together with this one: those it names in `related` and those naming it, in any document. */
  related: ClauseRecord[];
  /** Clause types it also bears on (`secondary_types`), besides `clauseType`. */
  secondaryTypes: ClauseTypeRecord[];
  /** The live source with the quote highlighted (URL text fragment). */
  /** The live source with the quote highlighted; undefined when the document's source URL is not recorded. */
  sourceLink: string | undefined;
  /** The snapshot the clause is cited against: the latest version containing the quote verbatim. */
  citedSnapshot: SnapshotView | undefined;
  /** Headings above the quote in the cited snapshot, outermost first (quote-section.ts); [] under none, undefined without a cited snapshot. Worked out on first use. */
  readonly section: readonly string[] | undefined;
}

/**
 * A checked negative finding: a person read a snapshot of the document and
 * found no clause of the type (content/negatives/, src/schema/negative.ts).
 */
export interface NegativeRecord {
  /** `<platform>/<document>/<clause-type>`. */
  key: string;
  file: string;
  data: NegativeData;
  document: DocumentRecord;
  platform: PlatformRecord;
  clauseType: ClauseTypeRecord;
  /** The snapshot read; undefined when the document has none by that stamp (validation reports it). */
  snapshot: SnapshotView | undefined;
  /** The version that snapshot belongs to: what "in the version of …" names. */
  version: SnapshotView | undefined;
  /** Set when the document's text has changed since that version: the first later version that differs (coverage.ts recheckNegative). */
  changedSince: SnapshotView | undefined;
}

export interface ClauseTypeRecord {
  key: string;
  file: string;
  data: ClauseType;
  url: string;
  clauses: ClauseRecord[];
  /** Clauses of other main types that name this one in `secondary_types`; not counted in `platforms`, `rarity` or `severityCounts`. */
  secondaryClauses: ClauseRecord[];
  /** Negative findings of this type, by key. */
  negatives: NegativeRecord[];
  /** Platforms with at least one clause of the type. */
  platforms: PlatformRecord[];
  rarity: Rarity;
  severityCounts: Record<Severity, number>;
}

export interface RegulationRecord {
  key: string;
  file: string;
  data: Regulation;
  body: string;
  url: string;
  agencies: AgencyRecord[];
  clauses: ClauseRecord[];
}

export interface AgencyRecord {
  key: string;
  file: string;
  data: Agency;
  url: string;
  regulations: RegulationRecord[];
  clauses: ClauseRecord[];
}

export interface Atlas {
  site: Site;
  ledger: Ledger;
  platforms: PlatformRecord[];
  documents: DocumentRecord[];
  clauses: ClauseRecord[];
  /** Negative findings whose platform, document and clause type exist, by key. */
  negatives: NegativeRecord[];
  clauseTypes: ClauseTypeRecord[];
  /** The clause types with `core: true`, by name: every platform is answered for each (coverage.ts). */
  coreClauseTypes: ClauseTypeRecord[];
  regulations: RegulationRecord[];
  agencies: AgencyRecord[];
  /** Every snapshot, newest first. */
  snapshots: SnapshotView[];
  /** The newest capture in the atlas: the date its data is current to. */
  dataAsOf: string | undefined;
  platformBySlug: Map<string, PlatformRecord>;
  documentByKey: Map<string, DocumentRecord>;
  clauseByKey: Map<string, ClauseRecord>;
  clauseTypeByKey: Map<string, ClauseTypeRecord>;
  regulationByKey: Map<string, RegulationRecord>;
  agencyByKey: Map<string, AgencyRecord>;
}

/** How many peers a clause names (see ClauseRecord.peers). */
export const PEER_LIMIT = 8;

const byName = <T extends { data: { name: string } }>(a: T, b: T) => a.data.name.localeCompare(b.data.name);
const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const bySeverityThenTitle = (a: ClauseRecord, b: ClauseRecord) =>
  severityRank[a.data.severity] - severityRank[b.data.severity] || a.data.title.localeCompare(b.data.title);

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** Follows predecessors to the oldest, guarding against cycles (validation reports them). */
function historyOf(document: DocumentRecord): SnapshotView[] {
  const chain: DocumentRecord[] = [];
  const seen = new Set<string>();
  for (let d: DocumentRecord | undefined = document; d && !seen.has(d.key); d = d.predecessor) {
    seen.add(d.key);
    chain.unshift(d);
  }
  return chain.flatMap((d) => d.snapshots);
}

function documentFacts(document: DocumentRecord): DocumentFacts {
  const { history, versions, snapshots } = document;
  const first = history[0];
  const last = history.at(-1);
  return {
    captures: history.length,
    versions: versions.length,
    ownVersions: versions.filter((s) => s.documentKey === document.key).length,
    firstCaptured: first,
    ownFirstCaptured: snapshots[0],
    lastVerified: last,
    lastChanged: versions.length > 1 ? versions.at(-1) : undefined,
    monthsMonitored: first && last ? monthsBetween(first.capturedOn, last.capturedOn) : 0,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Builds the model. Entries with unresolved references are linked as far as they can be; validation reports the rest. */
export function buildAtlas(content: LoadedContent): Atlas {
  const site = content.site?.data ?? { name: 'Atlas', tagline: '', url: 'https://example.org', id_prefix: 'CA', publisher: '' };

  const platforms = content.platforms
    .map((e): PlatformRecord => ({
      slug: e.key,
      file: e.file,
      data: e.data,
      url: routes.platform(e.key),
      documents: [],
      clauses: [],
      negatives: [],
      severityCounts: countSeverities([]),
      grade: computeGrade(countSeverities([]), gradeBasis(new Map())),
    }))
    .sort(byName);
  const platformBySlug = new Map(platforms.map((p) => [p.slug, p]));

  const snapshotsByDocument = groupBy(
    content.snapshots.map((s) => snapshotView({ documentKey: `${s.platform}/${s.document}`, stamp: s.stamp, file: s.file, data: s.data, byteLength: s.byteLength, readText: s.readText })),
    (s) => s.documentKey,
  );
  for (const list of snapshotsByDocument.values()) list.sort((a, b) => a.stamp.localeCompare(b.stamp));

  const documents: DocumentRecord[] = [];
  for (const e of content.documents) {
    const [platformSlug = '', slug = ''] = e.key.split('/');
    const platform = platformBySlug.get(platformSlug);
    if (!platform) continue;
    const record: DocumentRecord = {
      key: e.key,
      slug,
      file: e.file,
      data: e.data,
      url: routes.document(e.key),
      platform,
      snapshots: snapshotsByDocument.get(e.key) ?? [],
      history: [],
      versions: [],
      predecessor: undefined,
      successor: undefined,
      clauses: [],
      negatives: [],
      facts: undefined as unknown as DocumentFacts,
      severityCounts: countSeverities([]),
    };
    documents.push(record);
    platform.documents.push(record);
  }
  const documentByKey = new Map(documents.map((d) => [d.key, d]));
  for (const d of documents) {
    const predecessor = d.data.predecessor ? documentByKey.get(d.data.predecessor) : undefined;
    if (predecessor && predecessor !== d) {
      d.predecessor = predecessor;
      predecessor.successor = d;
    }
  }
  for (const d of documents) d.history = historyOf(d);
  // Each chain is classified once, from its newest document, whose history holds every predecessor's captures.
  for (const d of documents) {
    if (d.successor) continue;
    for (const [snapshot, capture] of classifyCaptures(d.history)) snapshot.capture = capture;
  }
  for (const d of documents) {
    d.versions = d.history.filter((s) => s.capture.kind === 'version');
    d.facts = documentFacts(d);
  }

  const clauseTypes = content.clauseTypes
    .map((e): ClauseTypeRecord => ({ key: e.key, file: e.file, data: e.data, url: routes.clauseType(e.key), clauses: [], secondaryClauses: [], negatives: [], platforms: [], rarity: computeRarity(0, platforms.length), severityCounts: countSeverities([]) }))
    .sort(byName);
  const clauseTypeByKey = new Map(clauseTypes.map((t) => [t.key, t]));

  const agencies = content.agencies
    .map((e): AgencyRecord => ({ key: e.key, file: e.file, data: e.data, url: routes.agency(e.key), regulations: [], clauses: [] }))
    .sort(byName);
  const agencyByKey = new Map(agencies.map((a) => [a.key, a]));

  const regulations = content.regulations
    .map((e: Entry<Regulation>): RegulationRecord => ({
      key: e.key,
      file: e.file,
      data: e.data,
      body: e.body,
      url: routes.regulation(e.key),
      agencies: e.data.agencies.flatMap((k) => agencyByKey.get(k) ?? []),
      clauses: [],
    }))
    .sort(byName);
  const regulationByKey = new Map(regulations.map((r) => [r.key, r]));
  for (const r of regulations) for (const a of r.agencies) a.regulations.push(r);

  const clauses: ClauseRecord[] = [];
  // Clauses come in key order, so a document's clauses are anchored together in one scope, let go when the next document starts.
  let anchoring: { document: DocumentRecord; scope: AnchorScope } | undefined;
  for (const e of content.clauses) {
    const [platformSlug = '', documentSlug = '', slug = ''] = e.key.split('/');
    const document = documentByKey.get(`${platformSlug}/${documentSlug}`);
    if (!document) continue;
    if (anchoring?.document !== document) anchoring = { document, scope: new AnchorScope() };
    const stability = computeStability(e.data.quote, document.history, anchoring.scope);
    let section: readonly string[] | undefined;
    const record: ClauseRecord = {
      key: e.key,
      slug,
      file: e.file,
      data: e.data,
      url: routes.clause(e.key),
      document,
      platform: document.platform,
      clauseType: clauseTypeByKey.get(e.data.clause_type),
      regulations: e.data.regulations.flatMap((k) => regulationByKey.get(k) ?? []),
      agencies: e.data.agencies.flatMap((k) => agencyByKey.get(k) ?? []),
      stability,
      peers: [],
      peerCount: 0,
      siblings: [],
      related: [],
      secondaryTypes: e.data.secondary_types.flatMap((k) => (k === e.data.clause_type ? [] : (clauseTypeByKey.get(k) ?? []))),
      sourceLink: document.data.source_url === undefined ? undefined : textFragmentUrl(document.data.source_url, e.data.quote),
      citedSnapshot: stability.lastExact,
      get section() {
        return (section ??= stability.lastExact && (quoteSection(stability.lastExact.readText(), e.data.quote) ?? []));
      },
    };
    clauses.push(record);
  }
  clauses.sort(bySeverityThenTitle);
  const clauseByKey = new Map(clauses.map((c) => [c.key, c]));

  for (const c of clauses) {
    c.document.clauses.push(c);
    c.platform.clauses.push(c);
    c.clauseType?.clauses.push(c);
    for (const r of c.regulations) r.clauses.push(c);
    for (const a of c.agencies) a.clauses.push(c);
    for (const t of c.secondaryTypes) t.secondaryClauses.push(c);
    // A relation is shown on both pages, whichever of the two names it.
    for (const key of c.data.related) {
      const other = clauseByKey.get(key);
      if (!other || other === c) continue;
      if (!c.related.includes(other)) c.related.push(other);
      if (!other.related.includes(c)) other.related.push(c);
    }
  }
  for (const c of clauses) c.related.sort(bySeverityThenTitle);
  const negatives: NegativeRecord[] = [];
  for (const e of content.negatives) {
    const [platformSlug = '', documentSlug = '', typeKey = ''] = e.key.split('/');
    const document = documentByKey.get(`${platformSlug}/${documentSlug}`);
    const clauseType = clauseTypeByKey.get(typeKey);
    if (!document || !clauseType) continue;
    const negative: NegativeRecord = { key: e.key, file: e.file, data: e.data, document, platform: document.platform, clauseType, ...recheckNegative(document, e.data.snapshot) };
    negatives.push(negative);
    document.negatives.push(negative);
    document.platform.negatives.push(negative);
    clauseType.negatives.push(negative);
  }
  negatives.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  for (const d of documents) {
    d.severityCounts = countSeverities(d.clauses.map((c) => c.data.severity));
    for (const c of d.clauses) c.siblings = d.clauses.filter((s) => s !== c);
  }
  for (const p of platforms) {
    p.severityCounts = countSeverities(p.clauses.map((c) => c.data.severity));
    p.grade = computeGrade(p.severityCounts, gradeBasis(new Map(p.clauses.map((c) => [c.document.key, c.document.data.type]))));
    p.documents.sort((a, b) => a.data.title.localeCompare(b.data.title));
  }
  for (const t of clauseTypes) {
    const byPlatform = groupBy(t.clauses, (c) => c.platform.slug);
    t.platforms = [...byPlatform.keys()].flatMap((slug) => platformBySlug.get(slug) ?? []).sort(byName);
    t.rarity = computeRarity(t.platforms.length, platforms.length, platforms.filter((p) => platformState(p, t) === 'has-not').length);
    t.severityCounts = countSeverities(t.clauses.map((c) => c.data.severity));
    // One clause per platform, so a capped list still spans platforms; listing every peer would make each page, and the build, grow with the whole atlas.
    const representatives = [...byPlatform.values()]
      .map((group) => [...group].sort(bySeverityThenTitle)[0]!)
      .sort((a, b) => bySeverityThenTitle(a, b) || byName(a.platform, b.platform));
    for (const c of t.clauses) {
      c.peers = representatives.filter((o) => o.platform !== c.platform).slice(0, PEER_LIMIT);
      c.peerCount = t.clauses.length - (byPlatform.get(c.platform.slug)?.length ?? 0);
    }
  }

  const snapshots = [...snapshotsByDocument.values()].flat().sort((a, b) => b.stamp.localeCompare(a.stamp) || a.documentKey.localeCompare(b.documentKey));
  return {
    site,
    ledger: content.ledger?.data ?? { records: [] },
    platforms,
    documents,
    clauses,
    negatives,
    clauseTypes,
    coreClauseTypes: clauseTypes.filter((t) => t.data.core),
    regulations,
    agencies,
    snapshots,
    dataAsOf: snapshots[0]?.capturedOn,
    platformBySlug,
    documentByKey,
    clauseByKey,
    clauseTypeByKey,
    regulationByKey,
    agencyByKey,
  };
}
