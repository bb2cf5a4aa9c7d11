import { describe, expect, it } from 'vitest';
import { floorEntry } from '../../scripts/lib/bench/floor.ts';
import { minMedian } from '../../scripts/lib/bench/report.ts';

describe("the bench's fair floor", () => {
  it('writes entries of the size asked for, the same on every run', () => {
    for (const bytes of [2_000, 9_000, 30_000]) {
      const entry = floorEntry(7, bytes);
      expect(entry.length).toBeGreaterThanOrEqual(bytes);
      expect(entry.length).toBeLessThan(bytes + 1_500);
      expect(entry).toBe(floorEntry(7, bytes));
    }
    expect(floorEntry(1, 5_000)).not.toBe(floorEntry(2, 5_000));
    expect(floorEntry(3, 5_000)).toMatch(/^---\ntitle: Page 3\n---\n> /);
  });

  it('reports the smallest and the median of the rounds', () => {
    expect(minMedian([30, 10, 20])).toEqual({ min: 10, median: 20 });
    expect(minMedian([40, 10, 30, 20])).toEqual({ min: 10, median: 25 });
    expect(minMedian([51_097, 58_379])).toEqual({ min: 51_097, median: 54_738 });
    expect(minMedian([5])).toEqual({ min: 5, median: 5 });
  });
});
