/**
 * Runs a command as an asynchronous child process and collects its output, so
 * the vitest worker keeps answering while a build or a script runs (a blocking
 * spawnSync can starve it past its RPC timeout on a busy machine).
 */
import { spawn } from 'node:child_process';

export interface RunResult {
  /** Exit code; null when the process was killed (e.g. on timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the process is killed with SIGTERM. */
  timeout?: number;
}

/** Runs `command` with `args` from the project root; resolves when it exits. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.timeout ? { timeout: options.timeout } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs a TypeScript script of the project with Node and tsx, as `npm run` does. */
export function runScript(script: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, ['--import', 'tsx', script, ...args], options);
}
