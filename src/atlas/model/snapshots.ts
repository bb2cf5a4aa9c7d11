/**
 * Snapshots as the model sees them: capture facts plus the facts of the
 * normalised text, computed once per snapshot and shared by every clause that
 * looks at it. The text itself stays on disk (SnapshotView.readText).
 */
import { createHash } from 'node:crypto';
import type { SnapshotData } from '../../schema/snapshot.ts';
import type { CaptureClass } from './captures.ts';
import { statedDates, type StatedDates } from './effective-date.ts';
import { normalizeText } from './normalize.ts';
import { stampToInstant } from '../reading/snapshot-file.ts';
import { detached } from '../../support/detached.ts';

export interface SnapshotView {
  /** `<platform>/<document>` the snapshot belongs to. */
  documentKey: string;
  /** File-name stamp, e.g. 2024-02-21T12-36-13Z. */
  stamp: string;
  /** Capture instant, ISO 8601 UTC. */
  capturedAt: string;
  /** Capture date, YYYY-MM-DD. */
  capturedOn: string;
  /** Path of the snapshot file, relative to the repository. */
  file: string;
  data: SnapshotData;
  /** Size of the captured text in bytes. */
  byteLength: number;
  /** Each paragraph (blank-line separated) normalised; a paragraph that recurs across captures is one shared string. */
  readonly paragraphs: readonly string[];
  /** The whole text normalised for quote matching (the paragraphs joined by one space), built on each use and not kept: hold it while you need it. */
  readonly normalized: string;
  /** Lowercase hex SHA-256 of `normalized`: two captures read the same exactly when these are equal. */
  readonly normalizedDigest: string;
  /** The dates the text states about itself (effective, last updated), past or future; the front matter's effective_date stands in when the text states none. */
  readonly statedDates: StatedDates;
  /** The effective or, failing that, last-updated date (YYYY-MM-DD) the text states for itself; undefined when it states none. */
  readonly effectiveDate: string | undefined;
  /** What this capture is (new version, same text, announcement…); set by the model from the document's whole history (captures.ts). */
  capture: CaptureClass;
  /**
   * The captured text (UTF-8), read from its file on each call and checked
   * against the hash taken when it was loaded (throws when the file changed).
   * Not kept: a whole archive's texts would outgrow the heap.
   */
  readText(): string;
}

/** Normalised paragraphs by their text: most paragraphs recur unchanged across a document's captures, so each is normalised once and held once. */
const normalizedParagraphs = new Map<string, string>();
/** Past this many distinct paragraphs the cache starts again, so memory stays bounded on any archive. */
const PARAGRAPH_CACHE_LIMIT = 100_000;

/** normalizeText of one paragraph, cached by its text. */
export function normalizedParagraph(paragraph: string): string {
  let normalized = normalizedParagraphs.get(paragraph);
  if (normalized === undefined) {
    // Copies, not slices of the snapshot's text, which would keep it all alive (detached.ts).
    const key = detached(paragraph);
    const value = normalizeText(paragraph);
    // Plain prose normalises to itself: one string then serves as key and value.
    normalized = value === key ? key : detached(value);
    if (normalizedParagraphs.size >= PARAGRAPH_CACHE_LIMIT) normalizedParagraphs.clear();
    normalizedParagraphs.set(key, normalized);
  }
  return normalized;
}

/** The facts of a captured text that the model computes with: its normalised paragraphs, their digest and the dates it states. */
function textFacts(text: string, frontMatterEffective: string | undefined): { paragraphs: string[]; normalizedDigest: string; statedDates: StatedDates } {
  const paragraphs = text.split(/\n\s*\n/).map(normalizedParagraph).filter(Boolean);
  // The digest of the paragraphs joined by one space, without building the joined text.
  const hash = createHash('sha256');
  paragraphs.forEach((paragraph, i) => hash.update(i === 0 ? paragraph : ` ${paragraph}`));
  let stated = statedDates(text);
  if (stated.effective === undefined && stated.updated === undefined && frontMatterEffective !== undefined) stated = { effective: frontMatterEffective, effectiveDates: [frontMatterEffective] };
  return { paragraphs, normalizedDigest: hash.digest('hex'), statedDates: stated };
}

/**
 * Makes a snapshot view. The text is read once, through `readText`, to compute
 * its facts (textFacts) and then let go; pages that show it read it again.
 */
export function snapshotView(input: { documentKey: string; stamp: string; file: string; data: SnapshotData; byteLength: number; readText: () => string }): SnapshotView {
  const { paragraphs, normalizedDigest, statedDates: stated } = textFacts(input.readText(), input.data.effective_date);
  const capturedAt = stampToInstant(input.stamp);
  const view: SnapshotView = {
    documentKey: input.documentKey,
    stamp: input.stamp,
    capturedAt,
    capturedOn: capturedAt.slice(0, 10),
    file: input.file,
    data: input.data,
    byteLength: input.byteLength,
    paragraphs,
    get normalized() {
      return paragraphs.join(' ');
    },
    normalizedDigest,
    statedDates: stated,
    effectiveDate: stated.effective ?? stated.updated,
    // Until the model classifies the history, a capture stands alone as its own version.
    capture: undefined as unknown as CaptureClass,
    readText: input.readText,
  };
  view.capture = { kind: 'version', version: view };
  return view;
}
