/** summarizeVersion (src/atlas/model/version-summary.ts) on small hand-worked versions. */
import { describe, expect, it } from 'vitest';
import { summarizeVersion } from '../../src/atlas/model/version-summary.ts';
import { testSnapshot } from '../support/snapshot-view.ts';

function version(stamp: string, text: string) {
  return testSnapshot('acme/privacy', stamp, text);
}

const before = version('2024-01-01T00-00-00Z', '# Privacy\n\n## 1. What we collect\n\nWe collect your email. We collect your device model.\n\n## 2. Sharing\n\nWe share data with our processors.');
const after = version(
  '2024-02-01T00-00-00Z',
  '# Privacy\n\n## 1. What we collect\n\nWe collect your **email**.\nWe collect your device model.\n\n## 2. Sharing\n\nWe share data with our processors. Our lead regulator is the Irish Data Protection Commission.',
);

describe('summarizeVersion', () => {
  it('names the section touched and quotes the sentence added; markup and line breaks are not changes', () => {
    const summary = summarizeVersion(before, after, ['Sharing with processors (first appears)']);
    expect(summary.added).toEqual(['Our lead regulator is the Irish Data Protection Commission.']);
    expect(summary.removed).toEqual([]);
    expect(summary.sections).toEqual(['2. Sharing']);
    expect(summary.text).toBe(
      'In “2. Sharing”: 1 sentence added. Added: “Our lead regulator is the Irish Data Protection Commission.” Analysed clauses affected: Sharing with processors (first appears).',
    );
  });

  it('counts a reworded sentence as one removed and one added, and cuts long quotes at a word', () => {
    const long = `We keep your messages for ${'a very long time, '.repeat(10)}then delete them.`;
    const summary = summarizeVersion(after, version('2024-03-01T00-00-00Z', after.readText().replace('We collect your device model.', long)));
    expect(summary.added).toEqual([long]);
    expect(summary.removed).toEqual(['We collect your device model.']);
    expect(summary.text).toMatch(/^In “1\. What we collect”: 1 sentence added and 1 sentence removed\. Added: “We keep your messages for a very long time, .* …” Removed: “We collect your device model\.”$/);
  });

  it('reports a sentence with a few words changed as reworded, quoting where it changed', () => {
    const reworded = version('2024-05-01T00-00-00Z', after.readText().replace('We share data with our processors.', 'We share data with our trusted processors.'));
    const summary = summarizeVersion(after, reworded);
    expect(summary.reworded).toEqual([['We share data with our processors.', 'We share data with our trusted processors.']]);
    expect(summary.added).toEqual([]);
    expect(summary.text).toBe('In “2. Sharing”: 1 sentence reworded. Reworded: “We share data with our processors.” → “We share data with our trusted processors.”');
  });

  it('says so when only the order changed', () => {
    const reordered = version('2024-04-01T00-00-00Z', before.readText().replace('We collect your email. We collect your device model.', 'We collect your device model. We collect your email.'));
    expect(summarizeVersion(before, reordered).text).toBe('No sentence added or removed: the same sentences in another order or grouping.');
  });
});
