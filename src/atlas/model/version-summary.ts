/**
 * What a new version changed, in words, computed from the two texts: the
 * sections touched, the sentences added and removed (a few quoted briefly)
 * (a removed and an added sentence alike enough are one sentence reworded)
 * and the analysed clauses affected. Sentences are compared as normalised
 * text (normalize.ts) and regardless of letter case, so markup, spacing,
 * capitals and invisible characters never show up as added or removed; a sentence whose words changed counts as one
 * removed and one added.
 */
import { editSimilarity, paragraphSentences } from './anchoring.ts';
import { stripMarkdown } from './normalize.ts';
import { normalizedParagraph, type SnapshotView } from './snapshots.ts';
import { listOf, plural } from './wording.ts';
import { detached } from '../../support/detached.ts';

/** Sentences quoted per side in a summary. */
export const QUOTED_SENTENCES = 2;
/** Longest quoted sentence, in characters; longer ones are cut at a word and end with "…". */
export const QUOTE_LENGTH = 120;
/** Sections named in a summary; more are counted. */
export const NAMED_SECTIONS = 3;
/**
 * How alike a removed and an added sentence must be (edit similarity,
 * anchoring.ts) to be reported as one sentence reworded. Pairs are looked for
 * only among the first PAIRED_SENTENCES of each side, so a rewrite of the
 * whole text stays linear.
 */
export const REWORDED_SIMILARITY = 0.75;
const PAIRED_SENTENCES = 20;

/** A version's changes in words. */
export interface VersionSummary {
  /** Headings of the sections with an added or removed sentence, in text order (the new text's, then the old one's). */
  sections: string[];
  /** Sentences new in this version, in order. */
  added: string[];
  /** Sentences of the previous version that are gone, in order. */
  removed: string[];
  /** Removed and added sentences alike enough to be one sentence reworded: [before, after]. */
  reworded: Array<[string, string]>;
  /** One short paragraph, e.g. "In "2. Sharing": 1 sentence added. Added: "We share … Commission."". */
  text: string;
}

interface Sentence {
  text: string;
  /** The heading the sentence sits under, if any. */
  section: string | undefined;
}

/** A heading in Markdown: an ATX "# …" line, or a line underlined with === or ---. */
const HEADING = /^\s{0,3}#{1,6}\s|\n\s*(?:=+|-+)\s*$/;

/** A heading's words as a reader sees them; a leading section number ("2. Sharing") is kept, unlike a list marker. */
function headingText(raw: string): string {
  const line = raw.trim().split('\n')[0]!.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
  return stripMarkdown(line.replace(/^(\d+)([.)])/, '$1\\$2')).replace(/\s+/g, ' ').trim();
}

function sentencesOf(snapshot: SnapshotView): Sentence[] {
  const out: Sentence[] = [];
  let section: string | undefined;
  for (const raw of snapshot.readText().split(/\n\s*\n/)) {
    const paragraph = normalizedParagraph(raw);
    if (!paragraph) continue;
    if (HEADING.test(raw.trim()) && paragraph.length <= 200) {
      // A copy: summaries are kept, and a slice would keep the whole text alive (detached.ts).
      section = detached(headingText(raw));
      continue;
    }
    for (const text of paragraphSentences(paragraph)) out.push({ text, section });
  }
  return out;
}

/** Sentences of `from` missing from `to`, ignoring letter case (as a multiset: a sentence said twice and now once counts once). */
function missing(from: readonly Sentence[], to: readonly Sentence[]): Sentence[] {
  const left = new Map<string, number>();
  for (const s of to) left.set(s.text.toLowerCase(), (left.get(s.text.toLowerCase()) ?? 0) + 1);
  return from.filter((s) => {
    const n = left.get(s.text.toLowerCase()) ?? 0;
    if (n > 0) left.set(s.text.toLowerCase(), n - 1);
    return n === 0;
  });
}

function brief(sentence: string, from = 0): string {
  // Start a few words before `from` (where a reworded sentence first differs), so the change is in view.
  const start = from > QUOTE_LENGTH / 2 ? sentence.lastIndexOf(' ', sentence.lastIndexOf(' ', from - 20) - 1) + 1 : 0;
  const text = sentence.slice(start);
  const lead = start > 0 ? '… ' : '';
  if (text.length <= QUOTE_LENGTH) return `“${lead}${text}”`;
  const cut = text.slice(0, QUOTE_LENGTH);
  return `“${lead}${cut.slice(0, Math.max(cut.lastIndexOf(' '), QUOTE_LENGTH / 2)).trimEnd()} …”`;
}

/** Where two texts first differ. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Pairs each removed sentence with the most alike added one, when alike enough (see REWORDED_SIMILARITY). */
function pairRewordings(removed: Sentence[], added: Sentence[]): Array<[Sentence, Sentence]> {
  const pairs: Array<[Sentence, Sentence]> = [];
  const taken = new Set<Sentence>();
  for (const before of removed.slice(0, PAIRED_SENTENCES)) {
    let best: Sentence | undefined;
    let bestScore = REWORDED_SIMILARITY;
    for (const after of added.slice(0, PAIRED_SENTENCES)) {
      if (taken.has(after)) continue;
      // The edit distance is at least the difference in length: a pair much longer on one side cannot reach the bar.
      if (Math.min(before.text.length, after.text.length) < REWORDED_SIMILARITY * Math.max(before.text.length, after.text.length)) continue;
      const score = editSimilarity(before.text.toLowerCase(), after.text.toLowerCase());
      if (score >= bestScore) [best, bestScore] = [after, score];
    }
    if (best) {
      taken.add(best);
      pairs.push([before, best]);
    }
  }
  return pairs;
}

/** "Analysed clauses affected: A (reworded) and B (first appears).": the last sentence of a summary that names clauses. */
export function clausesAffectedText(clauses: readonly string[]): string {
  return `Analysed clauses affected: ${listOf([...clauses])}.`;
}

/**
 * The changes from `previous` to `version` in words; `clauses` names the
 * analysed clauses affected with what happened to each ("AI training: reworded").
 * Linear in the two texts' lengths.
 */
export function summarizeVersion(previous: SnapshotView, version: SnapshotView, clauses: readonly string[] = []): VersionSummary {
  const before = sentencesOf(previous);
  const after = sentencesOf(version);
  const allAdded = missing(after, before);
  const allRemoved = missing(before, after);
  const pairs = pairRewordings(allRemoved, allAdded);
  const paired = new Set(pairs.flat());
  const added = allAdded.filter((s) => !paired.has(s));
  const removed = allRemoved.filter((s) => !paired.has(s));
  const sections = [...new Set([...allAdded, ...allRemoved].flatMap((s) => (s.section ? [s.section] : [])))];

  const counts = [
    pairs.length ? `${plural(pairs.length, 'sentence')} reworded` : '',
    added.length ? `${plural(added.length, 'sentence')} added` : '',
    removed.length ? `${plural(removed.length, 'sentence')} removed` : '',
  ].filter(Boolean);
  const quoted = (list: readonly Sentence[]) => `${list.slice(0, QUOTED_SENTENCES).map((s) => brief(s.text)).join(' ')}${list.length > QUOTED_SENTENCES ? ' …' : ''}`;
  const parts: string[] = [];
  if (!counts.length) parts.push('No sentence added or removed: the same sentences in another order or grouping.');
  else {
    const where = sections.length
      ? `In ${listOf(sections.slice(0, NAMED_SECTIONS).map((s) => `“${s}”`))}${sections.length > NAMED_SECTIONS ? ` and ${plural(sections.length - NAMED_SECTIONS, 'more section')}` : ''}: `
      : '';
    parts.push(`${where}${listOf(counts)}.`);
    if (pairs.length) {
      const shown = pairs.slice(0, QUOTED_SENTENCES).map(([b, a]) => `${brief(b.text, firstDifference(b.text, a.text))} → ${brief(a.text, firstDifference(b.text, a.text))}`);
      parts.push(`Reworded: ${shown.join('; ')}${pairs.length > QUOTED_SENTENCES ? ' …' : ''}`);
    }
    if (added.length) parts.push(`Added: ${quoted(added)}`);
    if (removed.length) parts.push(`Removed: ${quoted(removed)}`);
  }
  if (clauses.length) parts.push(clausesAffectedText(clauses));
  return {
    sections,
    added: added.map((s) => s.text),
    removed: removed.map((s) => s.text),
    reworded: pairs.map(([b, a]) => [b.text, a.text]),
    text: parts.join(' '),
  };
}
