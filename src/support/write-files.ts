/**
 * Writes many generated files into a folder, streamed and atomic: files are
 * taken from an iterable one at a time, their contents computed only when a
 * writer slot is free (so at most `concurrency` contents are in memory at
 * once), and each file goes to a temp file beside it that is then renamed
 * into place (atomic-write.ts), so no reader ever sees half a file.
 *
 * A file that cannot be made or written does not stop the others: every
 * failure is collected and reported together at the end, each naming the file
 * and what it was made from, so one run shows all of them.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/** One file to write. */
export interface GeneratedFile {
  /** Path below the output folder, `/`-separated, e.g. `cite/CA-P-000001.bib`. */
  path: string;
  /** What the file is made from, named in errors: a record ID, a content file. */
  source: string;
  /** The bytes (a string is written as UTF-8), computed when the file is written; may throw. */
  contents: () => string | Uint8Array | Promise<string | Uint8Array>;
}

/** Files written at once: enough to overlap file-system calls, few enough to keep memory flat. */
export const DEFAULT_CONCURRENCY = 16;

/** At most this many failures are listed in the error; the rest are counted. */
const LISTED_FAILURES = 50;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes every file of `files` below `folder` with at most `concurrency` in
 * flight; returns how many were written. Throws one Error listing every
 * failure (`<path> (from <source>): <reason>`) after the others are written;
 * a path that would leave `folder` is such a failure.
 */
export async function writeFiles(folder: string, files: Iterable<GeneratedFile>, { concurrency = DEFAULT_CONCURRENCY } = {}): Promise<number> {
  const root = resolve(folder);
  const queue = files[Symbol.iterator]();
  const failures: string[] = [];
  let written = 0;
  const writeOne = async (file: GeneratedFile) => {
    const target = resolve(root, file.path);
    const inside = relative(root, target);
    if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw new Error(`expected a path inside the output folder, found ${JSON.stringify(file.path)}`);
    }
    await writeFileAtomic(target, await file.contents(), { durable: false });
  };
  const worker = async () => {
    // Each worker pulls the next file when it is free; the iterator is shared, so each file is taken once.
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const file = next.value;
      try {
        await writeOne(file);
        written += 1;
      } catch (error) {
        failures.push(`${file.path} (from ${file.source}): ${messageOf(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failures.length) {
    const listed = failures.slice(0, LISTED_FAILURES).map((f) => `- ${f}`);
    if (failures.length > LISTED_FAILURES) listed.push(`- and ${failures.length - LISTED_FAILURES} more`);
    throw new Error(`${failures.length} file(s) could not be written into ${root}:\n${listed.join('\n')}`);
  }
  return written;
}
