/**
 * Runs a command and measures its wall time and peak memory. Peak memory
 * comes from GNU time (`/usr/bin/time -v`, the largest resident set of the
 * process and its threads) when it is installed; otherwise it is reported as unknown.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measured {
  ms: number;
  /** Peak resident memory in bytes, when GNU time is available. */
  peakBytes: number | undefined;
  status: number | null;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Measured {
  const withTime = existsSync(GNU_TIME);
  const started = performance.now();
  const result = spawnSync(withTime ? GNU_TIME : command, withTime ? ['-v', command, ...args] : args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const output = `${result.stdout}\n${result.stderr}`;
  const rss = output.match(/Maximum resident set size \(kbytes\): (\d+)/);
  return { ms, peakBytes: rss ? Number(rss[1]) * 1024 : undefined, status: result.status, output };
}
