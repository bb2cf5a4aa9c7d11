import { describe, expect, it } from 'vitest';
import { listPage } from '../../src/atlas/outputs/hub-pages.ts';

describe('listPage', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);

  it('splits a list into pages of a fixed size, the last one part-filled', () => {
    expect(listPage(items, 1, 3)).toEqual({ items: [0, 1, 2], number: 1, pages: 3, total: 7, start: 0 });
    expect(listPage(items, 3, 3)).toEqual({ items: [6], number: 3, pages: 3, total: 7, start: 6 });
  });

  it('gives an empty list one empty page', () => {
    expect(listPage([], 1, 3)).toEqual({ items: [], number: 1, pages: 1, total: 0, start: 0 });
  });

  it('refuses a page that does not exist', () => {
    expect(() => listPage(items, 4, 3)).toThrow('list page 4: expected 1 to 3');
    expect(() => listPage(items, 0, 3)).toThrow(RangeError);
  });
});
