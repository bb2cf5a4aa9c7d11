/**
 * Where a clause occurs across a document's versions, and what that says:
 * first and last seen, still present, since when the exact wording and the
 * substance have held, and a timeline of appearances, rewordings of the
 * clause's own sentences and removals. The clause is anchored at sentence
 * level in every version (anchoring.ts) and followed through minor
 * rewordings. Only new versions (captures.ts) count: a capture that only
 * repeats, announces, truncates or alternates with the version in force moves
 * none of these facts, though an announcement can be where the quote was
 * first captured.
 */
import { AnchorScope, exactAnchor, similarAnchor, type Anchor } from './anchoring.ts';
import { normalizeText } from './normalize.ts';
import type { SnapshotView } from './snapshots.ts';
import { wordDiff, type DiffPart } from './version-diff.ts';

/** One step in a clause's history. */
export interface TimelineEvent {
  /** `appeared` the first time, `reappeared` when restored after a removal, `reworded` when the clause's own sentences changed, `removed` when no sentence of the version holds it any more. */
  kind: 'appeared' | 'reworded' | 'removed' | 'reappeared';
  snapshot: SnapshotView;
}

/** Stability facts of one clause. */
export interface Stability {
  /** Earliest version holding the clause (verbatim or in substance). */
  firstSeen: SnapshotView | undefined;
  /** Latest version holding the clause (verbatim or in substance). */
  lastSeen: SnapshotView | undefined;
  /** Latest capture that found `lastSeen`'s text: the version itself or a later capture of the same text. */
  lastChecked: SnapshotView | undefined;
  /** Latest version holding the quote verbatim: the one a citation can be checked against. */
  lastExact: SnapshotView | undefined;
  /** Earliest capture of any class holding the clause: an announcement can show it before it is in force. */
  firstCaptured: SnapshotView | undefined;
  /**
   * When the clause was first in force (YYYY-MM-DD), where the text says so:
   * the effective date stated by the first version holding it, else the date
   * announced by the latest announcement holding it before that version.
   */
  firstInForce: string | undefined;
  /** Whether the newest version holds the clause (verbatim or in substance). */
  stillPresent: boolean;
  /** The version from which the clause has been missing for good, when it is no longer present. */
  goneSince: SnapshotView | undefined;
  /** The first of the unbroken run of versions, up to the newest, holding the quote verbatim; undefined when the newest does not. */
  exactSince: SnapshotView | undefined;
  /** The first of the unbroken run of versions, up to the newest, holding the clause verbatim or in substance. */
  substantiallySince: SnapshotView | undefined;
  /** When the clause held in substance before its exact wording did: the version just before `exactSince` and a word diff from its wording to the current one. */
  earlierWording: { version: SnapshotView; parts: DiffPart[] } | undefined;
  /** How many versions hold the clause. */
  presentIn: number;
  /** Changes after the first appearance: rewordings of its own sentences, removals and restorations. */
  changes: number;
  timeline: TimelineEvent[];
}

/** Two anchors say the same when their sentences read the same but for letter case (a heading made a sentence, a capital letter). */
const sameWording = (a: Anchor, b: Anchor) => a.text.toLowerCase() === b.text.toLowerCase();

/** Anchors of the clause in each version: verbatim where it can, then followed through neighbours in substance, forward and back. */
function anchorsIn(needle: string, versions: readonly SnapshotView[], scope: AnchorScope): Array<Anchor | undefined> {
  const anchors = versions.map((v) => exactAnchor(v, needle, scope));
  for (let i = 1; i < versions.length; i++) {
    const before = anchors[i - 1];
    if (!anchors[i] && before) anchors[i] = similarAnchor(versions[i]!, before.text, scope);
  }
  for (let i = versions.length - 2; i >= 0; i--) {
    const after = anchors[i + 1];
    if (!anchors[i] && after) anchors[i] = similarAnchor(versions[i]!, after.text, scope);
  }
  return anchors;
}

/** The start of the unbroken run of indexes, ending at the last one, for which `holds` is true; -1 when the last does not hold. */
function runStart(length: number, holds: (i: number) => boolean): number {
  let i = length - 1;
  if (i < 0 || !holds(i)) return -1;
  while (i > 0 && holds(i - 1)) i--;
  return i;
}

/**
 * Computes a clause's stability over a document history (oldest first,
 * captures already classified). Clauses of one document share a `scope`, so
 * each version's text is joined and split into sentences once for all of them.
 */
export function computeStability(quote: string, history: readonly SnapshotView[], scope = new AnchorScope()): Stability {
  const needle = normalizeText(quote);
  const versions = history.filter((s) => s.capture.kind === 'version');
  const anchors = anchorsIn(needle, versions, scope);

  const timeline: TimelineEvent[] = [];
  let previous: Anchor | undefined;
  let presentIn = 0;
  versions.forEach((version, i) => {
    const anchor = anchors[i];
    if (anchor) {
      presentIn++;
      if (!previous) timeline.push({ kind: presentIn === 1 ? 'appeared' : 'reappeared', snapshot: version });
      else if (!sameWording(previous, anchor)) timeline.push({ kind: 'reworded', snapshot: version });
    } else if (previous) timeline.push({ kind: 'removed', snapshot: version });
    previous = anchor;
  });

  const firstIndex = anchors.findIndex(Boolean);
  const firstSeen = versions[firstIndex];
  const lastSeen = versions[anchors.findLastIndex(Boolean)];
  const lastExact = versions[anchors.findLastIndex((a) => a?.kind === 'exact')];
  const stillPresent = anchors.at(-1) !== undefined;
  const exactStart = runStart(anchors.length, (i) => anchors[i]?.kind === 'exact');
  const substanceStart = runStart(anchors.length, (i) => anchors[i] !== undefined);
  const before = anchors[exactStart - 1];
  const current = anchors[exactStart];

  // Captures that are not versions can only show the verbatim quote before a version does (an announcement).
  let firstCaptured = firstSeen;
  let announced: string | undefined;
  for (const capture of history) {
    if (capture === firstSeen) break;
    if (capture.capture.kind === 'version' || !needle || !scope.normalized(capture).includes(needle)) continue;
    if (firstCaptured === firstSeen) firstCaptured = capture;
    if (capture.capture.inForceFrom !== undefined) announced = capture.capture.inForceFrom;
  }

  let lastChecked = lastSeen;
  for (const capture of history) if (lastSeen && capture.capture.version === lastSeen && (capture.capture.kind === 'same-text' || capture.capture.kind === 'notice')) lastChecked = capture;

  const lastEvent = timeline.at(-1);
  return {
    firstSeen,
    lastSeen,
    lastChecked,
    lastExact,
    firstCaptured,
    firstInForce: firstSeen ? (firstSeen.statedDates.effective ?? announced) : undefined,
    stillPresent,
    goneSince: !stillPresent && lastEvent?.kind === 'removed' ? lastEvent.snapshot : undefined,
    exactSince: versions[exactStart],
    substantiallySince: versions[substanceStart],
    earlierWording:
      exactStart > 0 && exactStart > substanceStart && before && current ? { version: versions[exactStart - 1]!, parts: wordDiff(before.text, current.text) } : undefined,
    presentIn,
    changes: Math.max(0, timeline.length - 1),
    timeline,
  };
}
