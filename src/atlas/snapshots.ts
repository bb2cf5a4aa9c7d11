/**
 * Snapshots as the model sees them: capture facts plus normalised text,
 * computed once per snapshot and shared by every clause that looks at it.
 */
import type { SnapshotData } from '../schema/snapshot.ts';
import { findEffectiveDate } from './effective-date.ts';
import { normalizeText } from './normalize.ts';
import { stampToInstant } from './snapshot-file.ts';

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
  /** The captured text (UTF-8). */
  text: string;
  /** Size of the captured text in bytes. */
  byteLength: number;
  /** The whole text normalised for quote matching. */
  readonly normalized: string;
  /** Each paragraph (blank-line separated) normalised. */
  readonly paragraphs: readonly string[];
  /** The effective or last-updated date (YYYY-MM-DD) the text states for itself: the front matter's, else read from the text; undefined when it states none. */
  readonly effectiveDate: string | undefined;
}

/** Makes a snapshot view whose normalised forms are computed on first use and then kept. */
export function snapshotView(input: { documentKey: string; stamp: string; file: string; data: SnapshotData; text: string; byteLength: number }): SnapshotView {
  let paragraphs: string[] | undefined;
  let normalized: string | undefined;
  // Paragraphs are normalised once; the whole text is their join, so nothing is normalised twice.
  const paragraphsOf = () => (paragraphs ??= input.text.split(/\n\s*\n/).map(normalizeText).filter(Boolean));
  const capturedAt = stampToInstant(input.stamp);
  const capturedOn = capturedAt.slice(0, 10);
  // `undefined` is a valid answer, so whether it was worked out is kept apart.
  let effective: { date: string | undefined } | undefined;
  return {
    ...input,
    capturedAt,
    capturedOn,
    get normalized() {
      return (normalized ??= paragraphsOf().join(' '));
    },
    get paragraphs() {
      return paragraphsOf();
    },
    get effectiveDate() {
      return (effective ??= { date: input.data.effective_date ?? findEffectiveDate(input.text, { notAfter: capturedOn }) }).date;
    },
  };
}
