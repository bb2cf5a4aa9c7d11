/**
 * Where a clause sits in one version, at sentence level. A version's
 * normalised text is split into sentences (Intl.Segmenter, the platform's
 * ICU sentence rules); a clause's anchor is the run of whole sentences its
 * quote falls in. Where the exact quote is absent, the anchor is the run of
 * sentences most like the clause's anchor in a neighbouring version, if it is
 * alike enough (SUBSTANTIAL_SIMILARITY): so a hyphen, a full stop or one
 * inserted phrase does not make a clause vanish, while unrelated edits
 * elsewhere in a long paragraph do not touch it.
 */
import { distance } from 'fastest-levenshtein';
import type { SnapshotView } from './snapshots.ts';

/**
 * How alike two sentence runs must be to be the same clause in substance:
 * 1 − Levenshtein distance / length of the longer, on normalised text. At
 * 0.8 one inserted phrase of a few words in a sentence of 25 words, or a
 * changed punctuation mark, still matches (letter case is ignored); a sentence that keeps its topic
 * but changes what it commits to (a third of its characters) does not.
 */
export const SUBSTANTIAL_SIMILARITY = 0.8;
/**
 * Candidates are first ranked by the share of words they have in common (Dice
 * coefficient of word sets), which is cheap; only candidates at or above this
 * share get the Levenshtein comparison. Below it the edit similarity cannot
 * reach SUBSTANTIAL_SIMILARITY in practice.
 */
const WORD_OVERLAP_FLOOR = 0.6;

/** A clause's place in one version. */
export interface Anchor {
  /** `exact` when the quote occurs verbatim, `similar` when a run of sentences is alike in substance. */
  kind: 'exact' | 'similar';
  /** The whole sentences the clause sits in, normalised. */
  text: string;
}

interface Sentences {
  list: string[];
  /** Start offset of each sentence in the normalised text. */
  starts: number[];
  words: Array<Set<string>>;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The normalised texts and sentences of the versions one document's clauses
 * are anchored in, worked out once for all of them. A version's sentence word
 * sets are several times its text, so a scope is let go once the document is
 * done (model.ts makes one per document) rather than kept for the build.
 */
export class AnchorScope {
  readonly #normalized = new Map<SnapshotView, string>();
  readonly #sentences = new Map<SnapshotView, Sentences>();

  /** The version's normalised text (SnapshotView.normalized), joined once. */
  normalized(version: SnapshotView): string {
    let text = this.#normalized.get(version);
    if (text === undefined) this.#normalized.set(version, (text = version.normalized));
    return text;
  }

  /** The version's sentences, paragraph by paragraph (a sentence never spans two paragraphs); offsets are into `normalized`, the paragraphs joined by one space. */
  sentences(version: SnapshotView): Sentences {
    let found = this.#sentences.get(version);
    if (found) return found;
    const list: string[] = [];
    const starts: number[] = [];
    let offset = 0;
    for (const paragraph of version.paragraphs) {
      for (const [sentence, at] of segmentParagraph(paragraph)) {
        list.push(sentence);
        starts.push(offset + at);
      }
      offset += paragraph.length + 1;
    }
    found = { list, starts, words: list.map(wordSet) };
    this.#sentences.set(version, found);
    return found;
  }
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** 1 − Levenshtein distance / the longer length (1 for equal texts). */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

/** Sentences of one normalised paragraph with their offsets; paragraphs recur across versions, so each is segmented once. */
const sentenceCache = new Map<string, Array<[sentence: string, offset: number]>>();
/** Past this many distinct paragraphs the cache starts again, so memory stays bounded on any archive. */
const PARAGRAPH_CACHE_LIMIT = 100_000;

function segmentParagraph(paragraph: string): Array<[string, number]> {
  let found = sentenceCache.get(paragraph);
  if (found) return found;
  found = [];
  for (const { segment, index } of segmenter.segment(paragraph)) {
    const trimmed = segment.trim();
    if (trimmed) found.push([trimmed, index + segment.indexOf(trimmed)]);
  }
  if (sentenceCache.size >= PARAGRAPH_CACHE_LIMIT) sentenceCache.clear();
  sentenceCache.set(paragraph, found);
  return found;
}

/** The sentences of one normalised paragraph, in order. */
export function paragraphSentences(paragraph: string): string[] {
  return segmentParagraph(paragraph).map(([sentence]) => sentence);
}

/** How many sentences `text` spans. */
function sentenceCount(text: string): number {
  let n = 0;
  for (const { segment } of segmenter.segment(text)) if (segment.trim()) n++;
  return Math.max(1, n);
}

/** The whole sentences of `version` that the verbatim quote (normalised) falls in, or undefined when it is absent. */
export function exactAnchor(version: SnapshotView, needle: string, scope = new AnchorScope()): Anchor | undefined {
  if (!needle) return undefined;
  const at = scope.normalized(version).indexOf(needle);
  if (at < 0) return undefined;
  const { list, starts } = scope.sentences(version);
  const end = at + needle.length;
  let first = 0;
  while (first + 1 < starts.length && starts[first + 1]! <= at) first++;
  let last = first;
  while (last + 1 < starts.length && starts[last + 1]! < end) last++;
  return { kind: 'exact', text: list.slice(first, last + 1).join(' ') };
}

/**
 * The run of sentences in `version` most like `reference` (the clause's anchor
 * in a neighbouring version), when it is at least SUBSTANTIAL_SIMILARITY alike;
 * runs as long as the reference, one shorter and one longer are tried.
 */
export function similarAnchor(version: SnapshotView, reference: string, scope = new AnchorScope()): Anchor | undefined {
  const { list, words } = scope.sentences(version);
  const referenceWords = wordSet(reference);
  const lowerReference = reference.toLowerCase();
  const length = sentenceCount(reference);
  // Words each sentence shares with the reference: summed over a run they bound the run's word overlap from above, so most runs are passed over without building their word set.
  const shared = words.map((set) => {
    let n = 0;
    for (const word of set) if (referenceWords.has(word)) n++;
    return n;
  });
  let best: { text: string; score: number } | undefined;
  for (const size of new Set([length, Math.max(1, length - 1), length + 1])) {
    for (let i = 0; i + size <= list.length; i++) {
      let sharedSum = 0;
      let sizeSum = 0;
      for (let k = i; k < i + size; k++) {
        sharedSum += shared[k]!;
        sizeSum += words[k]!.size;
      }
      if (sharedSum === 0 || (2 * sharedSum) / (Math.min(sizeSum, sharedSum) + referenceWords.size) < WORD_OVERLAP_FLOOR) continue;
      let runWords = words[i]!;
      if (size > 1) {
        runWords = new Set(runWords);
        for (let k = i + 1; k < i + size; k++) for (const w of words[k]!) runWords.add(w);
      }
      if (dice(runWords, referenceWords) < WORD_OVERLAP_FLOOR) continue;
      const text = size === 1 ? list[i]! : list.slice(i, i + size).join(' ');
      // The distance is at least the difference in length, so a run much longer or shorter cannot reach the bar.
      if (Math.min(text.length, reference.length) < SUBSTANTIAL_SIMILARITY * Math.max(text.length, reference.length)) continue;
      // Letter case is not substance (a heading in capitals, a capital after a new full stop).
      const score = editSimilarity(text.toLowerCase(), lowerReference);
      if (score >= SUBSTANTIAL_SIMILARITY && (!best || score > best.score)) best = { text, score };
    }
  }
  return best && { kind: 'similar', text: best.text };
}
