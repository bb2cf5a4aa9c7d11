/**
 * Captures are not versions (DESIGN §4). A capture is what a crawler fetched;
 * a version is a text the platform published and put in force. Every capture
 * of a document's history (following predecessors) is classified against the
 * version in force when it was taken:
 *
 * - `version`: a new text (the first capture always is one);
 * - `same-text`: only non-visible differences from the version in force (link
 *   targets, tracking tokens in links, markup, whitespace, invisible
 *   characters), i.e. the same normalised text (normalizeText);
 * - `notice`: the same text but for a notice of an update published elsewhere
 *   ("The updates go into effect on 5 July 2023. Read new terms here"), added
 *   or gone: the policy in force did not change (isNoticeOfAnotherText);
 * - `announcement`: the text states an effective date after the capture date
 *   (and none on or before it), so it shows a version not yet in force;
 * - `incomplete`: a large share of the version's text is missing, almost
 *   nothing is added, and the missing text is back soon after;
 * - `alternating`: a different text that gives way to the version in force
 *   again within a short window (a crawler seeing two variants in turn).
 *
 * Only versions count as changes and move first / last seen. Linear in the
 * number of captures times the captures inside one window.
 */
import { isNoticeOfAnotherText } from './effective-date.ts';
import type { SnapshotView } from './snapshots.ts';

export type CaptureKind = 'version' | 'same-text' | 'notice' | 'announcement' | 'incomplete' | 'alternating';

/** What one capture is. */
export interface CaptureClass {
  kind: CaptureKind;
  /** The version the capture belongs to: itself for a version, otherwise the version in force when it was taken. */
  version: SnapshotView;
  /** For an announcement: the effective date (YYYY-MM-DD) it states. */
  inForceFrom?: string;
}

/**
 * How long after an odd capture the version in force may come back for the
 * capture to count as a crawler artefact rather than a change (days). Archives
 * such as the Platform Governance Archive capture daily to monthly; a real
 * change is not withdrawn within two weeks, while geo or A/B variants and
 * half-loaded pages come and go between neighbouring captures.
 */
export const RESTORE_WINDOW_DAYS = 14;
/**
 * Share of the version's words a capture must lack to be a candidate
 * incomplete capture: one missing section of a long policy (Reddit's privacy
 * policy lost 969 of about 9,000 words for 12 hours), well above a real edit
 * that only deletes (a sentence or two of a long text is under 1%).
 */
export const INCOMPLETE_MISSING_SHARE = 0.05;
/** At most this share of the version's words may be new in an incomplete capture: a truncated page adds (almost) nothing. */
export const INCOMPLETE_ADDED_SHARE = 0.01;
/** Share of the missing words a later capture must hold again for the text to count as restored. */
export const RESTORED_SHARE = 0.9;

const DAY_MS = 86_400_000;

/** Plain-language labels of the kinds, as pages name them. */
export const CAPTURE_KIND_LABELS: Record<CaptureKind, string> = {
  version: 'new version',
  'same-text': 'checked, no change',
  notice: 'checked, no change to the policy',
  announcement: 'announcement of a coming version',
  incomplete: 'incomplete capture',
  alternating: 'alternating variant',
};

function wordCount(paragraph: string): number {
  return paragraph ? paragraph.split(' ').length : 0;
}

/** Words of `from`'s paragraphs that `to` does not hold (paragraphs compared by normalised text). */
function wordsMissing(from: readonly string[], to: ReadonlySet<string>): number {
  let missing = 0;
  for (const paragraph of from) if (!to.has(paragraph)) missing += wordCount(paragraph);
  return missing;
}

/** A capture's normalised text without its notices of texts published elsewhere. */
function withoutNotices(capture: SnapshotView): string {
  return capture.paragraphs.filter((paragraph) => !isNoticeOfAnotherText(paragraph)).join(' ');
}

/** The later captures taken within RESTORE_WINDOW_DAYS of `history[index]`. */
function window(history: readonly SnapshotView[], index: number): SnapshotView[] {
  const start = Date.parse(history[index]!.capturedAt);
  const out: SnapshotView[] = [];
  for (let i = index + 1; i < history.length && Date.parse(history[i]!.capturedAt) - start <= RESTORE_WINDOW_DAYS * DAY_MS; i++) out.push(history[i]!);
  return out;
}

function isIncomplete(capture: SnapshotView, version: SnapshotView, later: readonly SnapshotView[]): boolean {
  const versionWords = version.paragraphs.reduce((sum, p) => sum + wordCount(p), 0);
  if (versionWords === 0) return false;
  const captured = new Set(capture.paragraphs);
  const missingParagraphs = version.paragraphs.filter((p) => !captured.has(p));
  const missing = missingParagraphs.reduce((sum, p) => sum + wordCount(p), 0);
  const added = wordsMissing(capture.paragraphs, new Set(version.paragraphs));
  if (missing < INCOMPLETE_MISSING_SHARE * versionWords || added > INCOMPLETE_ADDED_SHARE * versionWords) return false;
  return later.some((next) => missing - wordsMissing(missingParagraphs, new Set(next.paragraphs)) >= RESTORED_SHARE * missing);
}

/**
 * The date a capture announces a version for, when it shows a version not yet
 * in force: its first stated effective date is after the capture date and it
 * states no effective date on or before it. A page that states its own
 * effective date and, in a banner, the next version's is the version in force.
 */
export function announcedDate(capture: SnapshotView): string | undefined {
  const { effective, effectiveDates = [] } = capture.statedDates;
  if (effective === undefined || effective <= capture.capturedOn) return undefined;
  return effectiveDates.some((date) => date <= capture.capturedOn) ? undefined : effective;
}

/** Classifies every capture of one document history (oldest first, predecessors included). */
export function classifyCaptures(history: readonly SnapshotView[]): Map<SnapshotView, CaptureClass> {
  const classes = new Map<SnapshotView, CaptureClass>();
  let current: SnapshotView | undefined;
  history.forEach((capture, index) => {
    if (!current) {
      current = capture;
      classes.set(capture, { kind: 'version', version: capture });
      return;
    }
    const version: SnapshotView = current;
    const inForceFrom = announcedDate(capture);
    let kind: CaptureKind;
    if (capture.normalizedDigest === version.normalizedDigest) kind = 'same-text';
    else if (withoutNotices(capture) === withoutNotices(version)) kind = 'notice';
    else if (inForceFrom !== undefined) kind = 'announcement';
    else {
      const later = window(history, index);
      if (isIncomplete(capture, version, later)) kind = 'incomplete';
      else if (later.some((next) => next.normalizedDigest === version.normalizedDigest)) kind = 'alternating';
      else kind = 'version';
    }
    if (kind === 'version') {
      current = capture;
      classes.set(capture, { kind, version: capture });
    } else classes.set(capture, kind === 'announcement' && inForceFrom !== undefined ? { kind, version, inForceFrom } : { kind, version });
  });
  return classes;
}
