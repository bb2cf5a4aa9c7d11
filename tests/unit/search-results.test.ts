/**
 * What the search page says about its results: the context line's parts, the
 * words Pagefind marked, and the query Pagefind answered when it matched other
 * words than those typed (a stem, the start of a longer word).
 */
import { describe, expect, it } from 'vitest';
import { answeredQuery, markedWords, resultContext, resultSummary } from '../../src/scripts/search-results.ts';

describe('resultContext', () => {
  it('lists kind, platform, type and record ID as separate parts', () => {
    expect(resultContext({ kind: 'Clause', platform: 'Acme Social', clause_type: 'Data retention', record_id: 'FX-P-000001', title: 'x' })).toEqual([
      'Clause',
      'Acme Social',
      'Data retention',
      'FX-P-000001',
    ]);
    expect(resultContext({ kind: 'Document', platform: 'Acme Social', document_type: 'Privacy Policy', record_id: 'FX-D-00002' })).toEqual(['Document', 'Acme Social', 'Privacy Policy', 'FX-D-00002']);
    expect(resultContext({ kind: 'Regulation', regulation: 'GDPR' })).toEqual(['Regulation', 'GDPR']);
  });

  it('leaves out what is missing and a part that repeats the one before', () => {
    expect(resultContext({ kind: 'Platform', platform: 'Platform' })).toEqual(['Platform']);
    expect(resultContext({ kind: 'Clause type', clause_type: 'AI training' })).toEqual(['Clause type', 'AI training']);
    expect(resultContext({})).toEqual([]);
  });
});

describe('markedWords', () => {
  it('reads the marked words, lowercased, without the punctuation Pagefind marks with them', () => {
    expect(markedWords('Disputes go to binding <mark>arbitration.</mark> With <mark>Acme</mark> &lt;mark&gt;')).toEqual(['arbitration', 'acme']);
    expect(markedWords('no marks')).toEqual([]);
  });
});

describe('answeredQuery', () => {
  it('is undefined when every typed word was matched as typed', () => {
    expect(answeredQuery('train', ['to <mark>train</mark> models', 'AI <mark>training</mark>'])).toBeUndefined();
    expect(answeredQuery('Thirty days', ['for <mark>thirty</mark> <mark>days</mark>'])).toBeUndefined();
  });

  it('names the longer word Pagefind matched for the start of one', () => {
    expect(answeredQuery('arbitrat', ['binding <mark>arbitration.</mark>', 'private <mark>arbitration</mark>'])).toBe('arbitration');
    // A completion wins over a more frequent word of the same stem.
    expect(answeredQuery('trainin', ['<mark>train</mark> <mark>train</mark>', '<mark>training</mark>', '<mark>trains</mark>'])).toBe('training');
  });

  it('names the word of the same stem, the most often marked one, and keeps the other words as typed', () => {
    expect(answeredQuery('privacy policies', ['<mark>Privacy</mark> <mark>Policy.</mark>', '<mark>policy</mark> and <mark>policymakers</mark>'])).toBe('privacy policy');
  });

  it('does not invent a word when nothing marked is close', () => {
    expect(answeredQuery('gdpr', ['<mark>regulation</mark>'])).toBeUndefined();
    expect(answeredQuery('ai', [])).toBeUndefined();
  });
});

describe('resultSummary', () => {
  it('counts the results for the query, singular where it is one', () => {
    expect(resultSummary('train', 3, ['<mark>train</mark>'])).toBe('3 results for “train”.');
    expect(resultSummary('train', 1, ['<mark>train</mark>'])).toBe('1 result for “train”.');
    expect(resultSummary('', 16, [])).toBe('16 results.');
    expect(resultSummary('', 0, [])).toBe('No results.');
    expect(resultSummary('zzz', 0, [])).toBe('No results for “zzz”.');
  });

  it('says which query it shows results for when Pagefind matched other words', () => {
    expect(resultSummary('arbitrat', 2, ['<mark>arbitration</mark>'])).toBe('Showing results for “arbitration” (matched for “arbitrat”): 2 results.');
  });
});
