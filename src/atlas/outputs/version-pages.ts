/**
 * Each version (captures.ts) in its place in a document's history: the
 * versions before and after it, the captures that checked it without finding
 * a new text, the clauses that analyse its text, and the diff from the
 * previous version. Only versions get pages; any other capture is listed on
 * the page of the version it belongs to, and its former page address leads there. Diffs are worked out on first use and kept, so the
 * document timeline, the change log and the version page share one diff per
 * snapshot; a version's text is read from its file when a diff or word count
 * needs it and not kept, and a paragraph that recurs across versions (most do)
 * is prepared once.
 */
import { versionPath, versionUrl } from '../model/changes.ts';
import type { Atlas, ClauseRecord, DocumentRecord, SnapshotView } from '../model/model.ts';
import type { Redirect } from '../checks/permanent-urls.ts';
import { detached } from '../../support/detached.ts';
import { countWords, diffVersionBlocks, versionBlocks, type VersionBlock, type VersionDiff } from '../model/version-diff.ts';

/** One snapshot's place in its document's history. */
export interface VersionContext {
  snapshot: SnapshotView;
  /** The document the snapshot was captured for (a predecessor keeps its own record). */
  document: DocumentRecord;
  /** The end of the document's successor chain: the policy as it is tracked today. */
  current: DocumentRecord;
  /** The version before this one, following predecessors. */
  previous: SnapshotView | undefined;
  /** The version after this one, following successors. */
  next: SnapshotView | undefined;
  /** Later captures that found no new version and belong to this one (same text, announcements, incomplete captures, alternating variants), oldest first. */
  checks: SnapshotView[];
  /** Clauses whose document history contains this version: the document's and its successors'. */
  clauses: ClauseRecord[];
  /** What changed since the previous version; undefined for the first one. Computed on first use. */
  readonly diff: VersionDiff | undefined;
}

/** The document and its successors, oldest first; guards against cycles, which validation reports. */
function successorChain(document: DocumentRecord): DocumentRecord[] {
  const chain: DocumentRecord[] = [];
  const seen = new Set<string>();
  for (let d: DocumentRecord | undefined = document; d && !seen.has(d.key); d = d.successor) {
    seen.add(d.key);
    chain.push(d);
  }
  return chain;
}

/** A snapshot's paragraphs, split exactly as versionBlocks does, read from its file on each call. */
type BlocksOf = (snapshot: SnapshotView) => VersionBlock[];

/** Past this many distinct paragraphs the block cache starts again, so memory stays bounded on any archive. */
const PARAGRAPH_CACHE_LIMIT = 100_000;

/** Splits snapshots into blocks, noting each one's word count (a number is all that is kept per snapshot). */
function blockSplitter(): { blocks: BlocksOf; words: Map<SnapshotView, number> } {
  // Cached by paragraph text, as copies: a slice of the snapshot's text would keep it all alive (detached.ts).
  const paragraphBlocks = new Map<string, VersionBlock | undefined>();
  const words = new Map<SnapshotView, number>();
  // One paragraph at a time, so a recurring paragraph is normalised once.
  const blocks = (snapshot: SnapshotView): VersionBlock[] => {
    const list: VersionBlock[] = [];
    for (const paragraph of snapshot.readText().split(/\n\s*\n/)) {
      let block = paragraphBlocks.get(paragraph);
      if (block === undefined && !paragraphBlocks.has(paragraph)) {
        const own = detached(paragraph);
        block = versionBlocks(own)[0];
        if (paragraphBlocks.size >= PARAGRAPH_CACHE_LIMIT) paragraphBlocks.clear();
        paragraphBlocks.set(own, block);
      }
      if (block) list.push(block);
    }
    words.set(snapshot, list.reduce((sum, block) => sum + countWords(block.text), 0));
    return list;
  };
  return { blocks, words };
}

function buildContexts(atlas: Atlas, blocks: BlocksOf): Map<SnapshotView, VersionContext> {
  const contexts = new Map<SnapshotView, VersionContext>();
  for (const document of atlas.documents) {
    const chain = successorChain(document);
    const current = chain.at(-1) ?? document;
    const clauses = chain.flatMap((d) => d.clauses);
    // A document's own versions are the tail of its history's versions.
    const offset = document.versions.length - document.versions.filter((v) => v.documentKey === document.key).length;
    document.versions.slice(offset).forEach((snapshot, i) => {
      const previous = document.versions[offset + i - 1];
      let diff: VersionDiff | undefined;
      contexts.set(snapshot, {
        snapshot,
        document,
        current,
        previous,
        next: undefined,
        checks: [],
        clauses,
        get diff() {
          if (previous) diff ??= diffVersionBlocks(blocks(previous), blocks(snapshot));
          return diff;
        },
      });
    });
  }
  for (const context of contexts.values()) {
    const before = context.previous && contexts.get(context.previous);
    if (before) before.next = context.snapshot;
  }
  // atlas.snapshots is newest first; checks are listed oldest first.
  for (let i = atlas.snapshots.length - 1; i >= 0; i--) {
    const snapshot = atlas.snapshots[i]!;
    if (snapshot.capture.version !== snapshot) contexts.get(snapshot.capture.version)?.checks.push(snapshot);
  }
  return contexts;
}

interface VersionIndex {
  blocks: BlocksOf;
  /** Word counts of the snapshots split so far. */
  words: Map<SnapshotView, number>;
  contexts: Map<SnapshotView, VersionContext>;
}

const indexes = new WeakMap<Atlas, VersionIndex>();

function versionIndex(atlas: Atlas): VersionIndex {
  let index = indexes.get(atlas);
  if (!index) {
    const { blocks, words } = blockSplitter();
    indexes.set(atlas, (index = { blocks, words, contexts: buildContexts(atlas, blocks) }));
  }
  return index;
}

function contexts(atlas: Atlas): Map<SnapshotView, VersionContext> {
  return versionIndex(atlas).contexts;
}

/**
 * Words in a version's text as its version page shows it (Markdown markup
 * removed): whitespace-separated tokens (version-diff.ts countWords). The diff
 * counts its added and removed parts the same way, but splits punctuation from
 * words, so a version's words need not equal the previous version's plus those
 * added less those removed.
 */
export function versionWords(atlas: Atlas, snapshot: SnapshotView): number {
  const index = versionIndex(atlas);
  if (!index.words.has(snapshot)) index.blocks(snapshot);
  return index.words.get(snapshot) ?? 0;
}

/** The context of one snapshot of the atlas; throws for a snapshot of another atlas or of an unknown document. */
export function versionContext(atlas: Atlas, snapshot: SnapshotView): VersionContext {
  const context = contexts(atlas).get(snapshot);
  if (!context) throw new Error(`No document ${snapshot.documentKey} for snapshot ${snapshot.file}`);
  return context;
}

/** Every version of a known document (each gets a version page), grouped by document, oldest first. */
export function versionedSnapshots(atlas: Atlas): SnapshotView[] {
  const map = contexts(atlas);
  // One document's versions in a row, oldest first: consecutive versions share most
  // paragraphs, so the snapshot renderer's block cache hits instead of evicting.
  return atlas.snapshots.filter((s) => map.has(s)).sort((a, b) => a.documentKey.localeCompare(b.documentKey) || a.stamp.localeCompare(b.stamp));
}

/** Every capture of a known document, versions or not: each is published raw with its hash, so any citation of it can be checked. */
export function publishedCaptures(atlas: Atlas): SnapshotView[] {
  return atlas.snapshots.filter((s) => atlas.documentByKey.has(s.documentKey));
}

/**
 * Former version-page addresses of captures that are not versions, each
 * leading to the capture's entry on its version's page, so a citation made
 * when every capture had a page still resolves. Sorted by address.
 */
export function captureRedirects(atlas: Atlas): Redirect[] {
  const map = contexts(atlas);
  return atlas.snapshots
    .filter((s) => !map.has(s) && map.has(s.capture.version))
    .map((s) => {
      const document = atlas.documentByKey.get(s.documentKey);
      return { from: versionPath(s), to: versionUrl(s), id: document?.data.id ?? '', label: `capture of ${s.capturedOn} (${document?.data.title ?? s.documentKey})` };
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
