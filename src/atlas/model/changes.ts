/**
 * The change log: every new version of a policy (captures.ts: not a capture
 * that repeats, announces, truncates or alternates with the version in force),
 * newest first, with the analysed clauses whose quote moved at that version.
 * Built once per atlas in one pass over the snapshots and clause timelines.
 */
import { routes } from '../routes.ts';
import type { Atlas, ClauseRecord, DocumentRecord, PlatformRecord, SnapshotView, TimelineEvent } from './model.ts';
import { clausesAffectedText, summarizeVersion } from './version-summary.ts';

/** A clause whose quote appeared, was reworded around, was removed or reappeared at a version. */
export interface ClauseChange {
  clause: ClauseRecord;
  kind: TimelineEvent['kind'];
}

/** One version in the change log. */
export interface Change {
  /** `first` starts a document's history (following predecessors); `changed` alters it in substance. */
  kind: 'first' | 'changed';
  snapshot: SnapshotView;
  /** The document the snapshot was captured for (a predecessor keeps its own record). */
  document: DocumentRecord;
  platform: PlatformRecord;
  /** The version (not capture) before this one in the document's history, following predecessors. */
  previous: SnapshotView | undefined;
  /** In clause order (severity, then title). A version of a predecessor lists its successor's clauses. */
  clausesAffected: ClauseChange[];
  /** Site path of the version page. */
  versionUrl: string;
  /** What the version changed in the text, in words (version-summary.ts), without naming clauses; worked out on first use. */
  readonly textSummary: string;
  /** textSummary followed by the analysed clauses affected, for feeds and version pages. */
  readonly summary: string;
}

/** How a change log, page or feed names a clause event. */
export const CLAUSE_EVENT_LABELS: Record<ClauseChange['kind'], string> = {
  appeared: 'first appears',
  reworded: 'its own sentences reworded',
  removed: 'no longer in the text',
  reappeared: 'restored to the text',
};

interface ChangeLog {
  all: Change[];
  byPlatform: Map<string, Change[]>;
  byVersion: Map<SnapshotView, Change>;
  /** changeFilters, worked out on first use. */
  filters?: readonly ChangeFilter[];
}

/** The address a capture's version page had before captures and versions were told apart; for a version it is its page. */
export function versionPath(snapshot: SnapshotView): string {
  return routes.version(snapshot.documentKey, snapshot.stamp);
}

/** Anchor of a capture in its version page's list of checks. */
export function captureAnchorId(snapshot: SnapshotView): string {
  return `capture-${snapshot.stamp}`;
}

/** Site path where a capture is shown: a version's own page, or for any other capture its entry on the page of the version it belongs to. */
export function versionUrl(snapshot: SnapshotView): string {
  const { version } = snapshot.capture;
  return version === snapshot ? versionPath(snapshot) : `${versionPath(version)}#${captureAnchorId(snapshot)}`;
}

function clauseChangesBySnapshot(clauses: readonly ClauseRecord[]): Map<SnapshotView, ClauseChange[]> {
  const bySnapshot = new Map<SnapshotView, ClauseChange[]>();
  for (const clause of clauses) {
    for (const { kind, snapshot } of clause.stability.timeline) {
      const list = bySnapshot.get(snapshot);
      if (list) list.push({ clause, kind });
      else bySnapshot.set(snapshot, [{ clause, kind }]);
    }
  }
  return bySnapshot;
}

/** Each version's previous version in its document's history (following predecessors). */
function previousVersions(documents: readonly DocumentRecord[]): Map<SnapshotView, SnapshotView | undefined> {
  const previous = new Map<SnapshotView, SnapshotView | undefined>();
  for (const document of documents) document.versions.forEach((version, i) => previous.set(version, document.versions[i - 1]));
  return previous;
}

function buildChangeLog(atlas: Atlas): ChangeLog {
  const clauseChanges = clauseChangesBySnapshot(atlas.clauses);
  const previous = previousVersions(atlas.documents);
  const all: Change[] = [];
  const byPlatform = new Map<string, Change[]>(atlas.platforms.map((p) => [p.slug, []]));
  for (const snapshot of atlas.snapshots) {
    const document = atlas.documentByKey.get(snapshot.documentKey);
    if (!document || snapshot.capture.kind !== 'version') continue;
    const before = previous.get(snapshot);
    const clausesAffected = clauseChanges.get(snapshot) ?? [];
    let textSummary: string | undefined;
    const change: Change = {
      kind: before ? 'changed' : 'first',
      snapshot,
      document,
      platform: document.platform,
      previous: before,
      clausesAffected,
      versionUrl: versionUrl(snapshot),
      get textSummary() {
        textSummary ??= before ? summarizeVersion(before, snapshot).text : 'The first version the atlas holds, so there is nothing to compare it with.';
        return textSummary;
      },
      get summary() {
        if (!before || !clausesAffected.length) return this.textSummary;
        return `${this.textSummary} ${clausesAffectedText(clausesAffected.map(({ clause, kind }) => `${clause.data.title} (${CLAUSE_EVENT_LABELS[kind]})`))}`;
      },
    };
    all.push(change);
    byPlatform.get(document.platform.slug)?.push(change);
  }
  return { all, byPlatform, byVersion: new Map(all.map((c) => [c.snapshot, c])) };
}

const changeLogs = new WeakMap<Atlas, ChangeLog>();

function changeLog(atlas: Atlas): ChangeLog {
  let log = changeLogs.get(atlas);
  if (!log) changeLogs.set(atlas, (log = buildChangeLog(atlas)));
  return log;
}

/** The change-log entry of one version, or undefined for a capture that is not a version. */
export function changeOf(atlas: Atlas, snapshot: SnapshotView): Change | undefined {
  return changeLog(atlas).byVersion.get(snapshot);
}

/**
 * Entries on one page of the change log: a fixed bound, so a page's weight does
 * not grow with the atlas (docs/decisions/0005-captures-versus-versions.md).
 */
export const CHANGES_PAGE_SIZE = 50;

/**
 * Site path of page `n` (1-based) of the change log, or of one of its filters
 * when given one: `/changes/`, `/changes/2/`, …; `/changes/platform/acme/`,
 * `/changes/platform/acme/2/`, … (routes.ts).
 */
export function changesPagePath(n: number, filter?: Pick<ChangeFilter, 'kind' | 'slug'>): string {
  return filter ? routes.changesFiltered(filter.kind, filter.slug, n) : routes.changes(n);
}

/** One view of the change log narrowed to a platform or a document type: a static page (and its further pages) per filter, so filtering needs no script. */
export interface ChangeFilter {
  kind: 'platform' | 'type';
  /** URL segment: the platform slug, or documentTypeSlug of the type. */
  slug: string;
  /** Platform name or document type, as shown. */
  name: string;
  /** Site path of the filter's first page, e.g. `/changes/type/privacy-policy/`. */
  path: string;
  /** Its versions, newest first; never empty (a filter with no versions gets no page). */
  changes: readonly Change[];
}

/** URL segment of an Open Terms Archive document type: "Privacy Policy" → `privacy-policy`, "In-App Purchases Policy" → `in-app-purchases-policy`. */
export function documentTypeSlug(type: string): string {
  return type
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Every filter of the change log that has at least one version: the platforms
 * by name, then the document types by name. A version of a predecessor counts
 * under its own document's type and platform, as its entry shows.
 */
export function changeFilters(atlas: Atlas): readonly ChangeFilter[] {
  const log = changeLog(atlas);
  if (log.filters) return log.filters;
  const byName = (a: ChangeFilter, b: ChangeFilter) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const platforms = atlas.platforms
    .map((platform): ChangeFilter => ({ kind: 'platform', slug: platform.slug, name: platform.data.name, path: routes.changesFiltered('platform', platform.slug), changes: log.byPlatform.get(platform.slug) ?? [] }))
    .filter((f) => f.changes.length)
    .sort(byName);
  const byType = new Map<string, Change[]>();
  for (const change of log.all) {
    const list = byType.get(change.document.data.type);
    if (list) list.push(change);
    else byType.set(change.document.data.type, [change]);
  }
  const typeBySlug = new Map<string, string>();
  const types = [...byType].map(([type, changes]): ChangeFilter => {
    const slug = documentTypeSlug(type);
    // Two types of one slug would write one page over the other; the vocabulary has none today, a new release might.
    const other = typeBySlug.get(slug);
    if (other !== undefined) throw new Error(`change log: document types "${other}" and "${type}" both give the page ${routes.changesFiltered('type', slug)}`);
    typeBySlug.set(slug, type);
    return { kind: 'type', slug, name: type, path: routes.changesFiltered('type', slug), changes };
  });
  log.filters = [...platforms, ...types.sort(byName)];
  return log.filters;
}

/** Every new version across the atlas, newest first; computed once per atlas. */
export function atlasChanges(atlas: Atlas): readonly Change[] {
  return changeLog(atlas).all;
}

/** The new versions of one platform's documents, newest first. */
export function changesFor(atlas: Atlas, platform: PlatformRecord): readonly Change[] {
  return changeLog(atlas).byPlatform.get(platform.slug) ?? [];
}

/** The new versions in one document's history, its predecessors' included, newest first. */
export function documentChanges(atlas: Atlas, document: DocumentRecord): readonly Change[] {
  const { byVersion } = changeLog(atlas);
  const changes: Change[] = [];
  for (let i = document.versions.length - 1; i >= 0; i--) {
    const change = byVersion.get(document.versions[i]!);
    if (change) changes.push(change);
  }
  return changes;
}
