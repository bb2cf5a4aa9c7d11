import { describe, expect, it } from 'vitest';
import { diffVersions, versionBlocks } from '../../src/atlas/model/version-diff.ts';

const paragraphs = (...texts: string[]) => texts.join('\n\n');
const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Paragraph ${from + i}.`);

describe('versionBlocks', () => {
  it('splits on blank lines, shows text without markup and keeps line breaks', () => {
    expect(versionBlocks('# Terms\n\nWe **may** [share](https://x.example) it.\n\n  \n\n* one\n* two\n\n---')).toEqual([
      { key: 'Terms', text: 'Terms' },
      { key: 'We may share it.', text: 'We may share it.' },
      { key: 'one two', text: 'one\ntwo' },
    ]);
  });
  it('drops underscore emphasis left around links', () => {
    expect(versionBlocks('_Our name changed. [_Learn more_](https://x.example) about it._')[0]?.text).toBe('Our name changed. Learn more about it.');
  });
});

describe('diffVersions', () => {
  it('finds no change between identical texts and folds them whole', () => {
    const text = paragraphs(...numbered(1, 5));
    expect(diffVersions(text, text)).toEqual({
      hunks: [{ kind: 'same', blocks: numbered(1, 5), folded: true }],
      stats: { addedWords: 0, removedWords: 0, changedBlocks: 0 },
      changed: false,
      detail: 'words',
    });
  });
  it('does not count changes of markup, quotes or line wrapping', () => {
    const diff = diffVersions('We don\u2019t **sell**\nyour data.\n\nEnd.', "We don't sell your\ndata.\n\nEnd.");
    expect(diff.changed).toBe(false);
    expect(diff.stats).toEqual({ addedWords: 0, removedWords: 0, changedBlocks: 0 });
  });
  it('gives the exact hunks and stats for a reworded, a removed and an added paragraph', () => {
    const before = paragraphs('Intro.', 'We may share data with partners.', ...numbered(1, 5), 'Old paragraph gone now.', 'End.');
    const after = paragraphs('Intro.', 'We will sell information with partners.', ...numbered(1, 5), 'Brand new text.', 'End.');
    expect(diffVersions(before, after)).toEqual({
      hunks: [
        { kind: 'same', blocks: ['Intro.'], folded: false },
        {
          kind: 'changed',
          parts: [
            { kind: 'same', text: 'We ' },
            { kind: 'removed', text: 'may share data' },
            { kind: 'added', text: 'will sell information' },
            { kind: 'same', text: ' with partners.' },
          ],
        },
        { kind: 'same', blocks: ['Paragraph 1.'], folded: false },
        { kind: 'same', blocks: numbered(2, 4), folded: true },
        { kind: 'same', blocks: ['Paragraph 5.'], folded: false },
        { kind: 'removed', blocks: ['Old paragraph gone now.'] },
        { kind: 'added', blocks: ['Brand new text.'] },
        { kind: 'same', blocks: ['End.'], folded: false },
      ],
      stats: { addedWords: 6, removedWords: 7, changedBlocks: 3 },
      changed: true,
      detail: 'words',
    });
  });
  it('keeps one paragraph of context next to a change and none at the ends', () => {
    const before = paragraphs(...numbered(1, 10));
    const after = paragraphs(...numbered(1, 5), 'Inserted here.', ...numbered(6, 10));
    expect(diffVersions(before, after).hunks).toEqual([
      { kind: 'same', blocks: numbered(1, 4), folded: true },
      { kind: 'same', blocks: ['Paragraph 5.'], folded: false },
      { kind: 'added', blocks: ['Inserted here.'] },
      { kind: 'same', blocks: ['Paragraph 6.'], folded: false },
      { kind: 'same', blocks: numbered(7, 10), folded: true },
    ]);
  });
  it('folds only stretches longer than asked and keeps as much context as asked', () => {
    const before = paragraphs(...numbered(1, 4), 'Last words.');
    const after = paragraphs(...numbered(1, 4), 'Last sentence.');
    expect(diffVersions(before, after, { foldLongerThan: 4 }).hunks[0]).toEqual({ kind: 'same', blocks: numbered(1, 4), folded: false });
    expect(diffVersions(before, after, { foldLongerThan: 1, context: 2 }).hunks.slice(0, 2)).toEqual([
      { kind: 'same', blocks: numbered(1, 2), folded: true },
      { kind: 'same', blocks: numbered(3, 4), folded: false },
    ]);
  });
  it('shows an unrelated replacement as removed and added, not as a rewording', () => {
    const diff = diffVersions('Start.\n\nWe collect your location.\n\nEnd.', 'Start.\n\nDisputes go to court in Ireland.\n\nEnd.');
    expect(diff.hunks.map((h) => h.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(diff.stats).toEqual({ addedWords: 6, removedWords: 4, changedBlocks: 2 });
  });
  it('pairs a reworded paragraph with its new form past an inserted one', () => {
    const diff = diffVersions('We keep your data for a year.\n\nEnd.', 'A new first paragraph.\n\nWe keep your data for two years.\n\nEnd.');
    expect(diff.hunks.map((h) => h.kind)).toEqual(['added', 'changed', 'same']);
  });
  it('falls back to whole paragraphs past the word edit limit, and says so', () => {
    const before = 'One two three four five six seven eight nine ten.';
    const after = 'One two three four five six seven eight nine ten eleven twelve.';
    const diff = diffVersions(before, after, { maxWordEdits: 2 });
    expect(diff.detail).toBe('paragraphs');
    expect(diff.hunks).toEqual([
      { kind: 'removed', blocks: [before] },
      { kind: 'added', blocks: [after] },
    ]);
    expect(diff.stats).toEqual({ addedWords: 12, removedWords: 10, changedBlocks: 2 });
    expect(diffVersions(before, after).detail).toBe('words');
  });
  it('falls back to replacing the whole text past the paragraph edit limit, and says so', () => {
    const diff = diffVersions(paragraphs('A.', 'B.', 'C.'), paragraphs('X.', 'Y.', 'Z.'), { maxBlockEdits: 2 });
    expect(diff).toMatchObject({
      detail: 'text',
      hunks: [
        { kind: 'removed', blocks: ['A.', 'B.', 'C.'] },
        { kind: 'added', blocks: ['X.', 'Y.', 'Z.'] },
      ],
    });
  });
  it('gives the same model for the same texts', () => {
    const before = paragraphs(...numbered(1, 8), 'We may share data.');
    const after = paragraphs('New.', ...numbered(1, 8), 'We will share data.');
    expect(JSON.stringify(diffVersions(before, after))).toBe(JSON.stringify(diffVersions(before, after)));
  });
});
