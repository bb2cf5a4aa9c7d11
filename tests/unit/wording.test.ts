import { describe, expect, it } from 'vitest';
import { splitFirstSentence } from '../../src/atlas/model/wording.ts';

describe('splitFirstSentence', () => {
  it('splits at the first sentence end, not at an abbreviation or a decimal point', () => {
    expect(splitFirstSentence('Anyone may file, e.g. a user of the service. A lawyer may act for you.')).toEqual({
      first: 'Anyone may file, e.g. a user of the service.',
      rest: 'A lawyer may act for you.',
    });
    expect(splitFirstSentence('Fees of 2.5 euros apply. Then wait.')).toEqual({ first: 'Fees of 2.5 euros apply.', rest: 'Then wait.' });
  });

  it('leaves the rest empty for one sentence and for no text', () => {
    expect(splitFirstSentence('Anyone whose personal data is processed.')).toEqual({ first: 'Anyone whose personal data is processed.', rest: '' });
    expect(splitFirstSentence('')).toEqual({ first: '', rest: '' });
  });
});
