/**
 * Runs a command and measures its wall time and peak memory. Memory is the
 * resident set of the whole process tree (the build, its worker threads and
 * the Pagefind indexer it starts), sampled from /proc every 250 ms, so it
 * counts processes that run side by side; the largest single process is kept
 * too. Where /proc is missing (not Linux), both are reported as unknown.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  ms: number;
  /** Peak resident memory of the process tree, in bytes, summed over its processes. */
  peakBytes: number | undefined;
  /** Peak resident memory of the largest single process, in bytes. */
  peakProcessBytes: number | undefined;
  status: number | null;
  output: string;
}

const SAMPLE_MS = 250;
const PROC = '/proc';

/** Resident bytes of `root` and all its descendants, from /proc/<pid>/status (VmRSS, in kB). */
function treeMemory(root: number): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync(PROC)) {
    if (!/^\d+$/.test(name)) continue;
    let status: string;
    try {
      status = readFileSync(`${PROC}/${name}/status`, 'utf8');
    } catch {
      continue; // the process ended while the folder was read
    }
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    const pid = Number(name);
    rss.set(pid, kb * 1024);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let total = 0;
  let largest = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const bytes = rss.get(pid) ?? 0;
    total += bytes;
    largest = Math.max(largest, bytes);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const sampled = existsSync(`${PROC}/self/status`);
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  let peak = 0;
  let peakProcess = 0;
  const timer = setInterval(() => {
    if (!sampled || child.pid === undefined) return;
    const { total, largest } = treeMemory(child.pid);
    peak = Math.max(peak, total);
    peakProcess = Math.max(peakProcess, largest);
  }, SAMPLE_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({
        ms: performance.now() - started,
        peakBytes: sampled ? peak : undefined,
        peakProcessBytes: sampled ? peakProcess : undefined,
        status,
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}
