/**
 * Where a clause's quote occurs across a document's history, and what that
 * says: first and last seen, still present, and a timeline of appearances,
 * rewordings of the surrounding paragraph and removals.
 */
import { normalizeText } from './normalize.ts';
import type { SnapshotView } from './snapshots.ts';

/** One step in a clause's history. */
export interface TimelineEvent {
  /** `appeared` the first time, `reappeared` after a removal, `reworded` when the paragraph around the quote changed, `removed` when the quote vanished. */
  kind: 'appeared' | 'reworded' | 'removed' | 'reappeared';
  snapshot: SnapshotView;
}

/** Stability facts of one clause. */
export interface Stability {
  /** Earliest snapshot whose text contains the quote. */
  firstSeen: SnapshotView | undefined;
  /** Latest snapshot whose text contains the quote. */
  lastSeen: SnapshotView | undefined;
  /** Whether the newest snapshot of the document contains the quote. */
  stillPresent: boolean;
  /** The snapshot in which the quote disappeared for good, when it is no longer present. */
  goneSince: SnapshotView | undefined;
  /** How many snapshots contain the quote. */
  presentIn: number;
  /** Changes after the first appearance: rewordings, removals and reappearances. */
  changes: number;
  timeline: TimelineEvent[];
}

/** Computes a clause's stability over a document history (oldest first). */
export function computeStability(quote: string, history: readonly SnapshotView[]): Stability {
  const needle = normalizeText(quote);
  const timeline: TimelineEvent[] = [];
  let previousParagraph: string | undefined;
  let firstSeen: SnapshotView | undefined;
  let lastSeen: SnapshotView | undefined;
  let presentIn = 0;
  for (const snapshot of history) {
    const present = needle.length > 0 && snapshot.normalized.includes(needle);
    if (present) {
      const paragraph = snapshot.paragraphs.find((p) => p.includes(needle)) ?? needle;
      if (previousParagraph === undefined) timeline.push({ kind: firstSeen ? 'reappeared' : 'appeared', snapshot });
      else if (paragraph !== previousParagraph) timeline.push({ kind: 'reworded', snapshot });
      previousParagraph = paragraph;
      firstSeen ??= snapshot;
      lastSeen = snapshot;
      presentIn++;
    } else if (previousParagraph !== undefined) {
      timeline.push({ kind: 'removed', snapshot });
      previousParagraph = undefined;
    }
  }
  const latest = history.at(-1);
  const stillPresent = latest !== undefined && latest === lastSeen;
  const lastEvent = timeline.at(-1);
  return {
    firstSeen,
    lastSeen,
    stillPresent,
    goneSince: !stillPresent && lastEvent?.kind === 'removed' ? lastEvent.snapshot : undefined,
    presentIn,
    changes: Math.max(0, timeline.length - 1),
    timeline,
  };
}
