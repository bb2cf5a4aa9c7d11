/** Running an async task over many items with a bound on how many run at once, so file handles and memory stay flat however many items there are. */

/**
 * Runs `work` on every item, at most `concurrency` at a time, in list order of
 * starting; resolves when all are done. The first rejection rejects the
 * whole (tasks already started still finish; no new one starts).
 */
export async function eachLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
