/**
 * The change log: every captured version that changed a policy in substance,
 * newest first, with the analysed clauses whose quote moved at that version.
 * Built once per atlas in one pass over the snapshots and clause timelines.
 */
import type { Atlas, ClauseRecord, DocumentRecord, PlatformRecord, SnapshotView, TimelineEvent } from './model.ts';

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
  /** The version before this one in the document's history, following predecessors. */
  previous: SnapshotView | undefined;
  /** In clause order (severity, then title). A version of a predecessor lists its successor's clauses. */
  clausesAffected: ClauseChange[];
  /** Site path of the version page. */
  versionUrl: string;
}

/** How a change log, page or feed names a clause event. */
export const CLAUSE_EVENT_LABELS: Record<ClauseChange['kind'], string> = {
  appeared: 'quote first appears',
  reworded: 'wording around the quote changed',
  removed: 'quote no longer in the text',
  reappeared: 'quote back in the text',
};

interface ChangeLog {
  all: Change[];
  byPlatform: Map<string, Change[]>;
}

/** Site path of one snapshot's version page. */
export function versionUrl(snapshot: SnapshotView): string {
  return `/platform/${snapshot.documentKey}/versions/${snapshot.stamp}/`;
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

/** Each snapshot's predecessor in its document's history. A document's own snapshots are the tail of its history. */
function previousVersions(documents: readonly DocumentRecord[]): Map<SnapshotView, SnapshotView | undefined> {
  const previous = new Map<SnapshotView, SnapshotView | undefined>();
  for (const document of documents) {
    const offset = document.history.length - document.snapshots.length;
    document.snapshots.forEach((snapshot, i) => previous.set(snapshot, document.history[offset + i - 1]));
  }
  return previous;
}

function buildChangeLog(atlas: Atlas): ChangeLog {
  const clauseChanges = clauseChangesBySnapshot(atlas.clauses);
  const previous = previousVersions(atlas.documents);
  const all: Change[] = [];
  const byPlatform = new Map<string, Change[]>(atlas.platforms.map((p) => [p.slug, []]));
  for (const snapshot of atlas.snapshots) {
    const document = atlas.documentByKey.get(snapshot.documentKey);
    if (!document) continue;
    const before = previous.get(snapshot);
    // A first capture is news whatever its flag says; later ones only when the text changed in substance.
    if (before && !snapshot.data.substantive) continue;
    const change: Change = {
      kind: before ? 'changed' : 'first',
      snapshot,
      document,
      platform: document.platform,
      previous: before,
      clausesAffected: clauseChanges.get(snapshot) ?? [],
      versionUrl: versionUrl(snapshot),
    };
    all.push(change);
    byPlatform.get(document.platform.slug)?.push(change);
  }
  return { all, byPlatform };
}

const changeLogs = new WeakMap<Atlas, ChangeLog>();

function changeLog(atlas: Atlas): ChangeLog {
  let log = changeLogs.get(atlas);
  if (!log) changeLogs.set(atlas, (log = buildChangeLog(atlas)));
  return log;
}

/** Every substantive version across the atlas, newest first; computed once per atlas. */
export function atlasChanges(atlas: Atlas): readonly Change[] {
  return changeLog(atlas).all;
}

/** The substantive versions of one platform's documents, newest first. */
export function changesFor(atlas: Atlas, platform: PlatformRecord): readonly Change[] {
  return changeLog(atlas).byPlatform.get(platform.slug) ?? [];
}
