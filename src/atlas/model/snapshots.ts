/**
 * Snapshots as the model sees them: capture facts plus normalised text,
 * computed once per snapshot and shared by every clause that looks at it.
 */
import type { SnapshotData } from '../../schema/snapshot.ts';
import type { CaptureClass } from './captures.ts';
import { statedDates, type StatedDates } from './effective-date.ts';
import { normalizeText } from './normalize.ts';
import { stampToInstant } from '../reading/snapshot-file.ts';

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
  /** The dates the text states about itself (effective, last updated), past or future; the front matter's effective_date stands in when the text states none. */
  readonly statedDates: StatedDates;
  /** The effective or, failing that, last-updated date (YYYY-MM-DD) the text states for itself; undefined when it states none. */
  readonly effectiveDate: string | undefined;
  /** What this capture is (new version, same text, announcement…); set by the model from the document's whole history (captures.ts). */
  capture: CaptureClass;
}

/** Normalised paragraphs by their text: most paragraphs recur unchanged across a document's captures, so each is normalised once. */
const normalizedParagraphs = new Map<string, string>();
/** Past this many distinct paragraphs the cache starts again, so memory stays bounded on any archive. */
const PARAGRAPH_CACHE_LIMIT = 100_000;

/** normalizeText of one paragraph, cached by its text. */
export function normalizedParagraph(paragraph: string): string {
  let normalized = normalizedParagraphs.get(paragraph);
  if (normalized === undefined) {
    normalized = normalizeText(paragraph);
    if (normalizedParagraphs.size >= PARAGRAPH_CACHE_LIMIT) normalizedParagraphs.clear();
    normalizedParagraphs.set(paragraph, normalized);
  }
  return normalized;
}

/** Makes a snapshot view whose normalised forms are computed on first use and then kept. */
export function snapshotView(input: { documentKey: string; stamp: string; file: string; data: SnapshotData; text: string; byteLength: number }): SnapshotView {
  let paragraphs: string[] | undefined;
  let normalized: string | undefined;
  // Paragraphs are normalised once; the whole text is their join, so nothing is normalised twice.
  const paragraphsOf = () => (paragraphs ??= input.text.split(/\n\s*\n/).map(normalizedParagraph).filter(Boolean));
  const capturedAt = stampToInstant(input.stamp);
  const capturedOn = capturedAt.slice(0, 10);
  let stated: StatedDates | undefined;
  const statedOf = (): StatedDates => {
    if (stated) return stated;
    stated = statedDates(input.text);
    if (stated.effective === undefined && stated.updated === undefined && input.data.effective_date !== undefined) stated = { effective: input.data.effective_date, effectiveDates: [input.data.effective_date] };
    return stated;
  };
  const view: SnapshotView = {
    ...input,
    capturedAt,
    capturedOn,
    get normalized() {
      return (normalized ??= paragraphsOf().join(' '));
    },
    get paragraphs() {
      return paragraphsOf();
    },
    get statedDates() {
      return statedOf();
    },
    get effectiveDate() {
      const dates = statedOf();
      return dates.effective ?? dates.updated;
    },
    // Until the model classifies the history, a capture stands alone as its own version.
    capture: undefined as unknown as CaptureClass,
  };
  view.capture = { kind: 'version', version: view };
  return view;
}
