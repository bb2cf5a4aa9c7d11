import { describe, expect, it } from 'vitest';
import { containsQuote, matchedPrefix, normalizeText, stripMarkdown } from '../../src/atlas/model/normalize.ts';

describe('normalizeText', () => {
  it('folds whitespace and line breaks', () => {
    expect(normalizeText('We  may\nuse\t your\n\n data ')).toBe('We may use your data');
  });
  it('turns curly quotes, dashes and non-breaking spaces into plain ones', () => {
    expect(normalizeText('X\u2019s \u201Cservices\u201D \u2014 all\u00A0of them')).toBe('X\'s "services" - all of them');
  });
  it('keeps the visible text of links and drops emphasis', () => {
    expect(normalizeText('See [our **settings**](https://x.com/settings "Settings") and _more_.')).toBe('See our settings and more.');
  });
  it('drops heading marks, Setext underlines, list markers and escapes', () => {
    expect(normalizeText('Title\n=====\n\n## 1\\. Scope\n\n* one\n* two')).toBe('Title 1. Scope one two');
  });
  it('deletes invisible format characters instead of turning them into spaces', () => {
    for (const invisible of ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']) {
      expect(normalizeText(`Da${invisible}ten`), `U+${invisible.codePointAt(0)?.toString(16)}`).toBe('Daten');
    }
    expect(normalizeText('\uFEFFcom\u00ADpany')).toBe('company');
  });
  it('still reads a no-break space as a space', () => {
    expect(normalizeText('30\u00A0Tagen')).toBe('30 Tagen');
  });
  it('ignores whitespace inside brackets and before closing punctuation', () => {
    expect(normalizeText('your email address ( for login ) and\nyour device , when')).toBe('your email address (for login) and your device, when');
    expect(normalizeText('Is it [ here ] ?')).toBe('Is it [here]?');
  });
  it('removes HTML tags such as <br>', () => {
    expect(stripMarkdown('line<br>break')).toBe('line break');
  });
});

describe('containsQuote', () => {
  const policy = normalizeText('**Third-party collaborators.** Depending on your [settings](https://x.com/settings/account), we may share\ndata.');
  it('matches a quote written as a reader sees it', () => {
    expect(containsQuote(policy, 'Depending on your settings, we may share data.')).toBe(true);
  });
  it('matches across curly and straight quotes', () => {
    expect(containsQuote(normalizeText('X\u2019s Privacy Policy'), "X's Privacy Policy")).toBe(true);
  });
  it('does not match changed words', () => {
    expect(containsQuote(policy, 'Depending on your settings, we will share data.')).toBe(false);
  });
  it('is case-sensitive, because quotes are verbatim', () => {
    expect(containsQuote(policy, 'depending on your settings')).toBe(false);
  });
  it('never matches an empty quote', () => {
    expect(containsQuote(policy, '  ')).toBe(false);
  });
});

describe('links split by a blank line', () => {
  it('drop the target left at the start of a paragraph and the opening bracket left at the end of the one before', () => {
    // facebook/privacy-policy (PGA sample 2): a link whose text holds a blank line, with a signed token that changes at every capture.
    const [before, after] = '[Learn more\n\n](https://lm.facebook.com/l.php?u=https%3A%2F%2Fhelp.instagram.com%2F1&h=AT0yx-bXLip) about Instagram.'.split('\n\n');
    expect(normalizeText(before ?? '')).toBe('Learn more');
    expect(normalizeText(after ?? '')).toBe('about Instagram.');
    expect(normalizeText('See [1] and [2].')).toBe('See [1] and [2].');
  });
});

describe('matchedPrefix', () => {
  const text = normalizeText('We may use your posts to train our machine learning models, as described below.');
  it('finds how many leading words of a mistyped quote occur, and the words after them', () => {
    expect(matchedPrefix(text, 'We may use your posts to train our machine lerning models')).toEqual({ matched: 'We may use your posts to train our machine', rest: 'lerning models' });
  });
  it('matches a whole quote that occurs, and nothing when the first word does not', () => {
    expect(matchedPrefix(text, 'use your posts')).toEqual({ matched: 'use your posts', rest: '' });
    expect(matchedPrefix(text, 'Zebras may use')).toEqual({ matched: '', rest: 'Zebras may use' });
  });
});
