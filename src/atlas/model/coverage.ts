/**
 * Coverage: for a platform's document and a clause type, whether the atlas
 * knows the document has such a clause, knows it has none (a checked negative
 * finding), or does not know yet. "Not analysed" and "has none" are different
 * answers and are never shown alike (issue 15).
 */
import type { ClauseRecord, ClauseTypeRecord, DocumentRecord, NegativeRecord, PlatformRecord } from './model.ts';
import type { SnapshotView } from './snapshots.ts';
import { formatDate } from './dates.ts';
import { requiredDocumentTypes } from './grade.ts';

/**
 * Document types every platform is answered for, in each core clause type:
 * its privacy policy and its terms (issue 15, "for its privacy policy and
 * terms"), the same two a grade needs (grade.ts). Other documents (community
 * guidelines) are shown when they hold an answer but are not required.
 */
export const ANSWERED_DOCUMENT_TYPES: readonly string[] = requiredDocumentTypes;

/** What the atlas knows about one document (or platform) and one clause type. */
export type CoverageState = 'has' | 'has-not' | 'unknown';

/** One cell of a comparison: a document against a clause type. */
export interface CoverageCell {
  /** Undefined for a platform that has no privacy policy or terms tracked: nothing can be answered for it yet. */
  document: DocumentRecord | undefined;
  state: CoverageState;
  /** The document's clauses of the type, most severe first; empty unless `state` is `has`. */
  clauses: ClauseRecord[];
  /** The checked negative finding; set only when `state` is `has-not`. */
  negative: NegativeRecord | undefined;
}

/** Where a checked snapshot stands in its document's history. */
export interface Recheck {
  /** The snapshot the negative names; undefined when the document has none by that stamp. */
  snapshot: SnapshotView | undefined;
  /** The version that snapshot belongs to (captures.ts): itself, or the version in force when it was taken. */
  version: SnapshotView | undefined;
  /**
   * The first later version whose text differs from the checked version's,
   * when the document's latest version differs from it too; undefined while
   * the text checked is still the text in force (a version that came and went
   * back to the checked text does not count).
   */
  changedSince: SnapshotView | undefined;
}

/**
 * Re-checks a negative finding against its document's versions (the
 * document's whole history, predecessors included). Texts are compared
 * normalised (normalize.ts), as versions are told apart.
 */
export function recheckNegative(document: DocumentRecord, stamp: string): Recheck {
  const snapshot = document.snapshots.find((s) => s.stamp === stamp);
  const version = snapshot?.capture.version;
  if (!version) return { snapshot, version, changedSince: undefined };
  const latest = document.versions.at(-1);
  if (!latest || latest.normalizedDigest === version.normalizedDigest) return { snapshot, version, changedSince: undefined };
  const changedSince = document.versions.find((v) => v.stamp > version.stamp && v.normalizedDigest !== version.normalizedDigest);
  return { snapshot, version, changedSince };
}

/** The documents of a platform that must be answered for each core clause type: current (no successor) privacy policies and terms. */
export function answeredDocuments(platform: PlatformRecord): DocumentRecord[] {
  return platform.documents.filter((d) => !d.successor && ANSWERED_DOCUMENT_TYPES.includes(d.data.type));
}

/** The answered document types (privacy policy, terms) the atlas tracks no current document of for a platform, e.g. `['Terms of Service']`. */
export function untrackedDocumentTypes(platform: PlatformRecord): string[] {
  const answered = answeredDocuments(platform);
  return ANSWERED_DOCUMENT_TYPES.filter((type) => !answered.some((d) => d.data.type === type));
}

/** One document against one clause type. */
export function coverageCell(document: DocumentRecord, clauseType: ClauseTypeRecord): CoverageCell {
  const clauses = document.clauses.filter((c) => c.clauseType === clauseType);
  if (clauses.length) return { document, state: 'has', clauses, negative: undefined };
  const negative = document.negatives.find((n) => n.clauseType === clauseType);
  return { document, state: negative ? 'has-not' : 'unknown', clauses, negative };
}

/** The cell of a platform with no document to answer for. */
export const NO_DOCUMENT: CoverageCell = { document: undefined, state: 'unknown', clauses: [], negative: undefined };

/**
 * A platform's cells for a clause type: its answered documents and any other
 * document holding a clause or a negative finding of the type, in the
 * platform's document order; one cell without a document when there is none.
 */
export function platformCells(platform: PlatformRecord, clauseType: ClauseTypeRecord): CoverageCell[] {
  const answered = new Set(answeredDocuments(platform));
  const cells = platform.documents.flatMap((d) => {
    const cell = coverageCell(d, clauseType);
    return answered.has(d) || cell.state !== 'unknown' ? [cell] : [];
  });
  return cells.length ? cells : [NO_DOCUMENT];
}

/**
 * What a platform as a whole is known to have: `has` when any of its
 * documents has a clause of the type; `has-not` when none does, the atlas
 * tracks a document of every answered type (a privacy policy and terms), and
 * each of them has a checked negative finding; otherwise `unknown`. A platform
 * with only its privacy policy tracked is never said to lack a clause its
 * untracked terms may hold.
 */
export function platformState(platform: PlatformRecord, clauseType: ClauseTypeRecord): CoverageState {
  if (platform.clauses.some((c) => c.clauseType === clauseType)) return 'has';
  const answered = answeredDocuments(platform);
  if (!untrackedDocumentTypes(platform).length && answered.every((d) => d.negatives.some((n) => n.clauseType === clauseType))) return 'has-not';
  return 'unknown';
}

/**
 * A negative finding in words, as every cell says it: "none (checked on 29
 * November 2026)", or, once the document has changed since the version
 * checked, "none (checked on 29 November 2026, in the version of 7 July 2026;
 * the document has changed since)".
 */
export function negativeLabel(negative: NegativeRecord): string {
  const checked = `checked on ${formatDate(negative.data.checked_on)}`;
  if (!negative.changedSince || !negative.version) return `none (${checked})`;
  return `none (${checked}, in the version of ${formatDate(negative.version.capturedOn)}; the document has changed since)`;
}

/** What a cell with no answer says. */
export const NOT_ANALYSED = 'not yet analysed';
