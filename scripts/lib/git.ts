/**
 * Git, asynchronously: the few read-only questions the scripts ask of the
 * repository that holds a content folder. Runs the `git` on PATH with
 * execFile (no shell), so arguments are never interpreted.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A git command that failed; the message is git's own first line of complaint. */
export class GitError extends Error {
  override name = 'GitError';
}

/** Git output is read whole; a ledger's history fits easily (64 MiB). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Runs `git <args>` in `cwd` and returns its standard output. Throws GitError with git's message. */
export async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(`git ${args[0]} failed: ${stderr.split('\n')[0] || (error as Error).message}`);
  }
}

/**
 * Where `dir` sits in its repository: the repository's top folder and the
 * folder's path inside it (`content/`, or `` at the top). Undefined when `dir`
 * is not inside a git work tree.
 */
export async function repositoryOf(dir: string): Promise<{ top: string; prefix: string } | undefined> {
  try {
    const [top = '', prefix = ''] = (await git(['rev-parse', '--show-toplevel', '--show-prefix'], dir)).split('\n');
    return { top, prefix };
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
