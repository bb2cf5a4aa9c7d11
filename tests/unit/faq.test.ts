import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { clauseFaq } from '../../src/atlas/model/faq.ts';

const { atlas } = loadAtlas('tests/fixtures/atlas');
const faqOf = (key: string) => {
  const clause = atlas.clauseByKey.get(key);
  if (!clause) throw new Error(`fixture clause ${key} missing`);
  return clauseFaq(clause);
};
const answerTo = (key: string, start: string) => faqOf(key).find((item) => item.question.startsWith(start))?.answer;

describe('clauseFaq', () => {
  it('asks three to five questions for every clause', () => {
    for (const clause of atlas.clauses) {
      const faq = clauseFaq(clause);
      expect(faq.length).toBeGreaterThanOrEqual(3);
      expect(faq.length).toBeLessThanOrEqual(5);
      for (const item of faq) expect(item.answer).not.toMatch(/undefined|NaN/);
    }
  });

  it('says whether the clause is still in the policy', () => {
    expect(answerTo('acme/privacy-policy/ai-training', 'Is this clause still in')).toBe('Yes. The quoted text is in the version in force at the latest capture, on 1 March 2024.');
    expect(answerTo('acme/privacy-policy/message-retention', 'Is this clause still in')).toBe(
      'No. The quoted text was last seen in the version captured on 1 August 2023 and is missing from every version since 1 March 2024.',
    );
  });

  it('does not name the platform twice when the title already does', () => {
    expect(faqOf('acme/privacy-policy/ai-training')[0]?.question).toBe('Is this clause still in the Acme Social Privacy Policy?');
  });

  it('dates the first appearance, through a predecessor, and flags history that may be older', () => {
    expect(answerTo('acme/privacy-policy/ai-training', 'Since when')).toBe('The clause first appears in the version captured on 1 February 2023.');
    expect(answerTo('acme/privacy-policy/message-retention', 'Since when')).toBe(
      'The clause first appears in the version captured on 1 January 2022, when the policy was titled "Acme Chat Privacy Policy". That is the earliest version the atlas holds, so the clause may be older.',
    );
  });

  it('counts changes by kind', () => {
    expect(answerTo('acme/privacy-policy/message-retention', 'How often')).toBe('2 changes since it first appeared: 1 rewording of the surrounding text and 1 removal.');
    expect(answerTo('acme/privacy-policy/ai-training', 'How often')).toBe('1 change since it first appeared: 1 rewording of the surrounding text.');
    expect(answerTo('birdy/privacy-policy/ai-training', 'How often')).toBe('It has not changed: so far only one captured version contains it.');
  });

  it('counts the other platforms with a clause of the same type', () => {
    expect(answerTo('birdy/privacy-policy/ai-training', 'Do other platforms')).toBe('Yes. 1 of the 2 other tracked platforms has a clause of this type (AI training on user data): Acme Social. Of the rest, 0 were checked and have none, and 1 is not yet analysed.');
    expect(answerTo('acme/terms-of-service/arbitration', 'Do other platforms')).toBe(
      'Not that the atlas has found: none of the 2 other tracked platforms has an analysed clause of this type (Mandatory arbitration). Of them, 0 were checked and have none, and 2 are not yet analysed.',
    );
  });

  it('points to where to complain', () => {
    const answer = answerTo('acme/privacy-policy/ai-training', 'Where can I complain');
    expect(answer).toContain('FDPA (Ireland) via "Complaint form" at https://dpa.example/en/individuals/exercising-your-rights/raising-a-concern-with-the-fixture-data-protection-authority-complaint-form');
    expect(answer).toContain('FCO (United States) via "Report a practice" at https://consumer.example/report');
  });
});
