/**
 * Atomic file writes for the scripts. A file is written to a temporary file in
 * the same folder and then moved into place, so a reader (or a crash) never
 * sees half a file. `writeFileAtomic` replaces whatever was there;
 * `writeFileExclusive` refuses to replace an existing file (like the `wx` flag),
 * which is how snapshots and other never-rewritten entries are written.
 *
 * A temp file still open when the process is interrupted (SIGINT, SIGTERM,
 * SIGHUP) or exits is removed before it goes. SIGKILL cannot be caught; what it
 * leaves behind is named so `isTempFileName` recognises it and validation reports it.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Thrown by `writeFileExclusive` when the target already exists. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`${path}: expected no file at this path, found an existing file (it is never overwritten)`);
    this.name = 'FileExistsError';
  }
}

/** `.<name>.<pid>.<12 hex digits>.tmp`, the name `writeTemp` gives a temp file. */
const TEMP_NAME = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

/** True for the name (not path) of a temp file written here, e.g. `.2024-03-01T00-00-00Z.md.4242.9d63509833f0.tmp`. */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** Temp files written and not yet moved into place or removed. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removePending(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // Already moved into place or gone.
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  release();
  // Without other listeners the signal's default action (ending the process) must still happen.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/** Removes a finished temp file from the pending set; handlers stay installed only while one is pending. */
function release(temp?: string): void {
  if (temp) pending.delete(temp);
  if (pending.size) return;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener('exit', removePending);
}

function track(temp: string): void {
  if (!pending.size) {
    for (const signal of SIGNALS) process.once(signal, onSignal);
    process.once('exit', removePending);
  }
  pending.add(temp);
}

/** How a file is written: `durable: false` skips flushing it to disk before the rename (see writeFileAtomic). */
export interface WriteOptions {
  durable?: boolean;
}

/** Writes `data` to a fresh temporary file beside `path` (creating parent folders) and returns its path. */
async function writeTemp(path: string, data: Uint8Array | string, { durable = true }: WriteOptions = {}): Promise<string> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  track(temp);
  const handle = await open(temp, 'wx').catch((error: unknown) => {
    release(temp);
    throw error;
  });
  try {
    await handle.writeFile(data);
    if (durable) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    release(temp);
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Writes a file atomically, replacing any existing file: temp file in the same
 * folder, then rename. The temp file is flushed to disk before the rename
 * unless `durable` is false: readers and a crashed process still never see
 * half a file, but a power cut may leave an empty one, which is fine for
 * outputs that a rebuild writes again and not for content.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  const temp = await writeTemp(path, data, options);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  } finally {
    release(temp);
  }
}

/**
 * Writes a file atomically but only if nothing exists at `path` yet; otherwise
 * throws `FileExistsError` and leaves the existing file untouched. The complete
 * temp file is hard-linked into place, which fails atomically if the target exists.
 */
export async function writeFileExclusive(path: string, data: Uint8Array | string): Promise<void> {
  const temp = await writeTemp(path, data);
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    // The file system has no hard links: claim the name with an empty file
    // created exclusively, then move the complete temp file over it.
    try {
      await (await open(path, 'wx')).close();
    } catch (claimError) {
      if ((claimError as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw claimError;
    }
    await rename(temp, path);
  } finally {
    await unlink(temp).catch(() => {});
    release(temp);
  }
}
