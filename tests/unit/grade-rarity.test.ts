import { describe, expect, it } from 'vitest';
import { computeGrade } from '../../src/atlas/grade.ts';
import { computeRarity } from '../../src/atlas/rarity.ts';

describe('computeGrade', () => {
  it('maps the concern index onto letters at the published bounds', () => {
    expect(computeGrade({ low: 5, medium: 0, high: 0 })).toMatchObject({ letter: 'A', index: 0 });
    expect(computeGrade({ low: 2, medium: 1, high: 0 })).toMatchObject({ letter: 'A', points: 1 }); // 1/9 = 0.11
    expect(computeGrade({ low: 0, medium: 1, high: 0 }).letter).toBe('B'); // 1/3
    expect(computeGrade({ low: 1, medium: 0, high: 1 }).letter).toBe('C'); // 3/6 = 0.5
    expect(computeGrade({ low: 0, medium: 1, high: 2 }).letter).toBe('D'); // 7/9
    expect(computeGrade({ low: 0, medium: 0, high: 4 })).toMatchObject({ letter: 'E', index: 1 });
  });
  it('does not grade a platform without clauses', () => {
    expect(computeGrade({ low: 0, medium: 0, high: 0 })).toMatchObject({ letter: undefined, clauses: 0 });
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
