/**
 * One writer of the ledger at a time. `npm run new` and `npm run import:ota`
 * read the ledger, pick the next free IDs and append their records; two runs
 * doing that at once would pick the same ID, and the later atomic rename would
 * drop the earlier record (rel-08).
 * So the whole read–pick–write runs under a lock on the content folder's
 * ledger, taken with proper-lockfile: it creates `.ledger.yaml.lock` with an
 * atomic mkdir (safe on local and network file systems), keeps its mtime fresh
 * while held, and takes over a lock left by a crashed run once it is stale.
 * The lock name starts with a dot, so the content loader never reads it.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { LEDGER_FILE } from '../../src/atlas/reading/ledger-file.ts';

/** Another run holds the ledger lock past the wait; nothing was written. */
export class LedgerBusyError extends Error {
  override name = 'LedgerBusyError';
}

/** A lock not refreshed for this long belongs to a run that died (proper-lockfile refreshes it every STALE_MS / 2). */
const STALE_MS = 10_000;
/** How long to wait for another run's lock: a run holds it for well under a second, so this is many runs' worth. */
const WAIT = { retries: 40, factor: 1.3, minTimeout: 25, maxTimeout: 1_000 } as const;

/** The lock's path in a content folder. */
export const ledgerLockPath = (root: string) => join(root, `.${LEDGER_FILE}.lock`);

/**
 * Runs `work` holding the ledger lock of the content folder `root`, and
 * releases it however `work` ends. Throws LedgerBusyError when another run
 * keeps the lock past the wait (nothing is written then).
 */
export async function withLedgerLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lockfilePath = ledgerLockPath(root);
  // An import may be the first writer of a new content folder; the lock lives inside it.
  await mkdir(root, { recursive: true });
  let release: () => Promise<void>;
  try {
    // realpath: false — the ledger may not exist yet; the lock is what must exist.
    release = await lock(join(root, LEDGER_FILE), { lockfilePath, realpath: false, stale: STALE_MS, retries: WAIT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new LedgerBusyError(`${lockfilePath}: expected to take the ledger lock, found it held by another run of npm run new or import:ota (if none is running, wait ${STALE_MS / 1000} s for it to go stale)`);
  }
  try {
    return await work();
  } finally {
    await release();
  }
}
