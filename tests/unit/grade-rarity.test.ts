import { describe, expect, it } from 'vitest';
import { computeGrade, gradeBasis } from '../../src/atlas/model/grade.ts';
import { computeRarity } from '../../src/atlas/model/rarity.ts';

const covered = gradeBasis(new Map([['p/privacy', 'Privacy Policy'], ['p/terms', 'Terms of Service']]));

describe('computeGrade', () => {
  it('maps the concern index onto letters at the published bounds', () => {
    expect(computeGrade({ low: 5, medium: 0, high: 0 }, covered)).toMatchObject({ letter: 'A', index: 0 });
    expect(computeGrade({ low: 2, medium: 1, high: 0 }, covered)).toMatchObject({ letter: 'A', points: 1 }); // 1/9 = 0.11
    expect(computeGrade({ low: 0, medium: 1, high: 0 }, covered).letter).toBe('B'); // 1/3
    expect(computeGrade({ low: 1, medium: 0, high: 1 }, covered).letter).toBe('C'); // 3/6 = 0.5
    expect(computeGrade({ low: 0, medium: 1, high: 2 }, covered).letter).toBe('D'); // 7/9
    expect(computeGrade({ low: 0, medium: 0, high: 4 }, covered)).toMatchObject({ letter: 'E', index: 1 });
  });
  it('does not grade a platform without clauses', () => {
    expect(computeGrade({ low: 0, medium: 0, high: 0 }, gradeBasis(new Map()))).toMatchObject({ letter: undefined, clauses: 0 });
  });
  it('gives no letter below the coverage minimum, but still the index and what is missing', () => {
    // Facebook's case: clauses from its terms of service only.
    const termsOnly = gradeBasis(new Map([['facebook/terms-of-service', 'Terms of Service']]));
    expect(termsOnly).toEqual({ documents: 1, documentTypes: ['Terms of Service'], missingTypes: ['Privacy Policy'] });
    expect(computeGrade({ low: 5, medium: 1, high: 0 }, termsOnly)).toMatchObject({ letter: undefined, points: 1, clauses: 6 });
  });
  it('counts documents and their types once each', () => {
    const basis = gradeBasis(new Map([['x/privacy-policy', 'Privacy Policy'], ['x/old-privacy', 'Privacy Policy'], ['x/terms', 'Terms of Service']]));
    expect(basis).toEqual({ documents: 3, documentTypes: ['Privacy Policy', 'Terms of Service'], missingTypes: [] });
  });
});

describe('computeRarity', () => {
  it('labels the share of platforms with the type', () => {
    expect(computeRarity(1, 10).label).toBe('Rare');
    expect(computeRarity(5, 10).label).toBe('Uncommon');
    expect(computeRarity(7, 10).label).toBe('Common');
    expect(computeRarity(10, 10)).toMatchObject({ label: 'Widespread', share: 1 });
  });
});
