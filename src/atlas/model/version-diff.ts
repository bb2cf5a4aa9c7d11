/**
 * A readable diff between two versions of a document. Paragraphs are aligned
 * on their normalised text (so a change of markup, quotes or line wrapping is
 * not a change, just as for quote matching), and a reworded paragraph is
 * diffed word by word. The work is bounded: past a fixed edit length the diff
 * falls back to whole paragraphs, or to the whole text, and says so. The
 * limits are counts, not timeouts, so the same texts always give the same diff.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { normalizeText, stripMarkdown } from './normalize.ts';

/** One paragraph of a version. */
export interface VersionBlock {
  /** Normalised text: what decides whether two paragraphs are the same. */
  key: string;
  /** The text as shown: Markdown markup removed, line breaks kept. */
  text: string;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type DiffHunk =
  /** Unchanged paragraphs; `folded` ones are hidden until asked for. */
  | { kind: 'same'; blocks: string[]; folded: boolean }
  | { kind: 'added' | 'removed'; blocks: string[] }
  /** One reworded paragraph, word by word. */
  | { kind: 'changed'; parts: DiffPart[] };

export interface DiffStats {
  addedWords: number;
  removedWords: number;
  /** Paragraphs added, removed or reworded (a reworded one counts once). */
  changedBlocks: number;
}

export interface VersionDiff {
  hunks: DiffHunk[];
  stats: DiffStats;
  /** Whether the wording changed at all. */
  changed: boolean;
  /**
   * How fine the diff is: `words` normally; `paragraphs` when some reworded
   * paragraphs were too different to diff word by word within the limit and
   * are shown as removed and added; `text` when the versions were too
   * different to align and the whole text is shown as replaced.
   */
  detail: 'words' | 'paragraphs' | 'text';
}

export interface VersionDiffOptions {
  /** Unchanged stretches longer than this many paragraphs are folded (default 3). */
  foldLongerThan?: number;
  /** Unchanged paragraphs kept visible next to each change (default 1). */
  context?: number;
  /** Most paragraph insertions plus deletions aligned before giving up (default 2000). */
  maxBlockEdits?: number;
  /** Most word-token insertions plus deletions within one paragraph before showing it whole (default 1500). */
  maxWordEdits?: number;
}

/** How alike two paragraphs must be (Dice coefficient of their word sets) to be shown as one reworded paragraph. */
const PAIR_SIMILARITY = 0.5;
/** How far ahead among the added paragraphs a removed one looks for its reworded form. */
const PAIR_LOOKAHEAD = 4;

/** Splits a version's text into paragraphs (blank-line separated), dropping ones with no words. */
export function versionBlocks(markdown: string): VersionBlock[] {
  const blocks: VersionBlock[] = [];
  for (const paragraph of markdown.split(/\n\s*\n/)) {
    const key = normalizeText(paragraph);
    if (key) blocks.push({ key, text: readableText(paragraph) });
  }
  return blocks;
}

function readableText(paragraph: string): string {
  return stripMarkdown(paragraph.normalize('NFC'))
    // Underscore emphasis that stripMarkdown leaves when it wraps a link (`_… [_x_](…) …_`); underscores inside words stay.
    .replace(/(^|[\s([])_+(?=\S)|(?<=\S)_+(?=[\s).,;:!?\]]|$)/gm, '$1')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line && !/^[-:| ]+$/.test(line))
    .join('\n');
}

/** Diffs two versions' texts (oldest first). */
export function diffVersions(before: string, after: string, options: VersionDiffOptions = {}): VersionDiff {
  return diffVersionBlocks(versionBlocks(before), versionBlocks(after), options);
}

/** Diffs two versions already split with `versionBlocks` (lets a caller split each version once). */
export function diffVersionBlocks(before: readonly VersionBlock[], after: readonly VersionBlock[], options: VersionDiffOptions = {}): VersionDiff {
  const builder = new HunkBuilder(options.maxWordEdits ?? 1500);
  // The same words split into paragraphs differently (a blank line added or removed) are the same text, as for quote matching.
  if (before.map((b) => b.key).join(' ') === after.map((b) => b.key).join(' ')) {
    builder.same(after);
    return builder.finish(options.foldLongerThan ?? 3, options.context ?? 1);
  }
  const aligned = diffArrays(
    before.map((b) => b.key),
    after.map((b) => b.key),
    { maxEditLength: options.maxBlockEdits ?? 2000 },
  );
  if (!aligned) {
    builder.removed(before);
    builder.added(after);
    builder.detail = 'text';
  } else {
    let i = 0;
    let j = 0;
    let removed: VersionBlock[] = [];
    for (const change of aligned) {
      if (change.removed) {
        removed = before.slice(i, (i += change.count));
      } else if (change.added) {
        builder.replaced(removed, after.slice(j, (j += change.count)));
        removed = [];
      } else {
        builder.replaced(removed, []);
        removed = [];
        builder.same(after.slice(j, (j += change.count)));
        i += change.count;
      }
    }
    builder.replaced(removed, []);
  }
  return builder.finish(options.foldLongerThan ?? 3, options.context ?? 1);
}

/** Words in a text: whitespace-separated tokens (a number or a URL counts as one word). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function wordSet(key: string): Set<string> {
  return new Set(key.toLowerCase().split(' '));
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Collects hunks in order, merging neighbours of the same kind and keeping the stats. */
class HunkBuilder {
  hunks: DiffHunk[] = [];
  stats: DiffStats = { addedWords: 0, removedWords: 0, changedBlocks: 0 };
  detail: VersionDiff['detail'] = 'words';

  constructor(private readonly maxWordEdits: number) {}

  same(blocks: readonly VersionBlock[]): void {
    if (!blocks.length) return;
    const last = this.hunks.at(-1);
    const texts = blocks.map((b) => b.text);
    if (last?.kind === 'same') last.blocks.push(...texts);
    else this.hunks.push({ kind: 'same', blocks: texts, folded: false });
  }

  added(blocks: readonly VersionBlock[]): void {
    this.whole('added', blocks);
  }

  removed(blocks: readonly VersionBlock[]): void {
    this.whole('removed', blocks);
  }

  private whole(kind: 'added' | 'removed', blocks: readonly VersionBlock[]): void {
    if (!blocks.length) return;
    const texts = blocks.map((b) => b.text);
    const words = texts.reduce((sum, t) => sum + countWords(t), 0);
    if (kind === 'added') this.stats.addedWords += words;
    else this.stats.removedWords += words;
    this.stats.changedBlocks += blocks.length;
    const last = this.hunks.at(-1);
    if (last?.kind === kind) last.blocks.push(...texts);
    else this.hunks.push({ kind, blocks: texts });
  }

  /**
   * A run of removed paragraphs followed by a run of added ones: each removed
   * paragraph is paired, in order, with a close-enough added one and shown as
   * reworded; the rest are shown whole.
   */
  replaced(removed: readonly VersionBlock[], added: readonly VersionBlock[]): void {
    const addedWords = added.map((b) => wordSet(b.key));
    let j = 0;
    for (const block of removed) {
      const words = wordSet(block.key);
      let best = -1;
      let bestScore = 0;
      for (let k = j; k < Math.min(added.length, j + PAIR_LOOKAHEAD); k++) {
        const score = similarity(words, addedWords[k] as Set<string>);
        if (score >= PAIR_SIMILARITY && score > bestScore) [best, bestScore] = [k, score];
      }
      if (best < 0) {
        this.removed([block]);
        continue;
      }
      this.added(added.slice(j, best));
      this.reworded(block, added[best] as VersionBlock);
      j = best + 1;
    }
    this.added(added.slice(j));
  }

  private reworded(before: VersionBlock, after: VersionBlock): void {
    const changes = diffWordsWithSpace(before.text, after.text, { maxEditLength: this.maxWordEdits });
    if (!changes) {
      this.detail = 'paragraphs';
      this.removed([before]);
      this.added([after]);
      return;
    }
    const parts = readableParts(changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })));
    for (const part of parts) {
      if (part.kind === 'added') this.stats.addedWords += countWords(part.text);
      if (part.kind === 'removed') this.stats.removedWords += countWords(part.text);
    }
    this.stats.changedBlocks++;
    this.hunks.push({ kind: 'changed', parts });
  }

  /** Folds long unchanged stretches, keeping `context` paragraphs next to each change. */
  finish(foldLongerThan: number, context: number): VersionDiff {
    const hunks: DiffHunk[] = [];
    this.hunks.forEach((hunk, index) => {
      if (hunk.kind !== 'same' || hunk.blocks.length <= foldLongerThan) return hunks.push(hunk);
      const lead = index > 0 ? context : 0;
      const trail = index < this.hunks.length - 1 ? context : 0;
      const hidden = hunk.blocks.slice(lead, hunk.blocks.length - trail);
      if (!hidden.length) return hunks.push(hunk);
      if (lead) hunks.push({ kind: 'same', blocks: hunk.blocks.slice(0, lead), folded: false });
      hunks.push({ kind: 'same', blocks: hidden, folded: true });
      if (trail) hunks.push({ kind: 'same', blocks: hunk.blocks.slice(-trail), folded: false });
      return;
    });
    return { hunks, stats: this.stats, changed: this.stats.changedBlocks > 0, detail: this.detail };
  }
}

/** A word diff of two short texts (a clause's earlier and current wording), with edits grouped as on version pages. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return readableParts(diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })));
}

/**
 * Word diffs alternate in small steps ("a" removed, " " same, "b" removed…);
 * whitespace between two changes is taken into both sides so each edit reads
 * as one removed phrase followed by one added phrase, and whitespace at the
 * edges of an edit is left outside it.
 */
function readableParts(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  let carried = '';
  const same = (text: string) => {
    if (!text) return;
    const last = out.at(-1);
    if (last?.kind === 'same') last.text += text;
    else out.push({ kind: 'same', text });
  };
  const flush = () => {
    const lead = sharedSpace(removed, added, /^\s+/);
    const trail = sharedSpace(removed.slice(lead.length), added.slice(lead.length), /\s+$/);
    same(lead);
    const cut = (text: string) => text.slice(lead.length, text.length - trail.length);
    if (cut(removed)) out.push({ kind: 'removed', text: cut(removed) });
    if (cut(added)) out.push({ kind: 'added', text: cut(added) });
    carried = trail;
    removed = added = '';
  };
  parts.forEach((part, index) => {
    const next = parts[index + 1];
    const inside = (removed || added) && next && next.kind !== 'same' && /^\s+$/.test(part.text);
    if (part.kind === 'same' && !inside) {
      if (removed || added) flush();
      same(carried + part.text);
      carried = '';
      return;
    }
    if (part.kind !== 'added') removed += part.text;
    if (part.kind !== 'removed') added += part.text;
  });
  if (removed || added) flush();
  same(carried);
  return out;
}

/** The whitespace both sides of an edit start (or end) with; a side that is empty does not constrain it. */
function sharedSpace(removed: string, added: string, edge: RegExp): string {
  const a = removed ? (edge.exec(removed)?.[0] ?? '') : undefined;
  const b = added ? (edge.exec(added)?.[0] ?? '') : undefined;
  if (a === undefined) return b ?? '';
  if (b === undefined) return a;
  return a === b ? a : '';
}
