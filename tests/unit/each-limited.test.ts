import { describe, expect, it } from 'vitest';
import { eachLimited } from '../../src/support/each-limited.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('eachLimited', () => {
  it('runs every item, never more than the bound at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachLimited([...Array(50).keys()], 4, async (item) => {
      most = Math.max(most, ++running);
      await tick();
      running--;
      done.push(item);
    });
    expect(most).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  it('rejects with the first failure and starts no new item after it', async () => {
    const started: number[] = [];
    const run = eachLimited([...Array(20).keys()], 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 3) throw new Error('item 3 failed');
    });
    await expect(run).rejects.toThrow('item 3 failed');
    expect(started.length).toBeLessThan(20);
  });

  it('resolves at once for no items', async () => {
    await expect(eachLimited([], 4, async () => {})).resolves.toBeUndefined();
  });
});
