/** A throwaway git repository around a fixture atlas copy, driven with async child processes (never spawnSync in tests). */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs git in `cwd` with a fixed identity, so commits work on a machine with no git config. */
export async function gitIn(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'user.name=Atlas Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd });
  return stdout;
}

/** Makes the folder above `contentRoot` a repository whose first commit (tagged `base`) holds the content as it is. */
export async function commitAsBase(contentRoot: string): Promise<string> {
  const top = join(contentRoot, '..');
  await gitIn(top, 'init', '-q', '-b', 'main');
  await gitIn(top, 'add', '-A');
  await gitIn(top, 'commit', '-q', '-m', 'base');
  await gitIn(top, 'tag', 'base');
  return top;
}
