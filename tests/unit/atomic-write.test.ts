/**
 * rel-12: an interrupted write leaves nothing half-written. A process stopped
 * by SIGINT, SIGTERM or SIGHUP while a temp file is open removes it and still
 * ends by that signal; what SIGKILL leaves is recognised by its name, and
 * validation reports it (tests/hostile/cases/stray-temp-file).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTempFileName, writeFileAtomic, writeFileExclusive } from '../../src/support/atomic-write.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Starts the write loop, waits until a temp file exists, sends the signal, and reports how the child ended and what it left. */
async function interrupt(signal: NodeJS.Signals): Promise<{ ended: NodeJS.Signals | null; temps: string[]; complete: number }> {
  dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
  const target = dir;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/write-loop.ts', target], { cwd: PROJECT, stdio: 'ignore' });
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  const deadline = Date.now() + 20_000;
  while (!readdirSync(target).some(isTempFileName) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  child.kill(signal);
  const sig = await ended;
  const names = readdirSync(target);
  return { ended: sig, temps: names.filter(isTempFileName), complete: names.filter((n) => n.endsWith('.md')).length };
}

describe('atomic writes interrupted by a signal', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s removes the open temp file and still ends the process', async (signal) => {
    const result = await interrupt(signal);
    expect(result.ended).toBe(signal);
    expect(result.temps).toEqual([]);
  });

  it('SIGKILL cannot be caught: the temp file it leaves is recognised by name', async () => {
    const result = await interrupt('SIGKILL');
    expect(result.ended).toBe('SIGKILL');
    expect(result.temps).toHaveLength(1);
  });
});

describe('atomic writes', () => {
  it('leave no temp file and no signal handler behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
    const listeners = process.listenerCount('SIGINT');
    await writeFileAtomic(join(dir, 'a.md'), 'a');
    await writeFileExclusive(join(dir, 'b.md'), 'b');
    await expect(writeFileExclusive(join(dir, 'b.md'), 'c')).rejects.toThrow(/never overwritten/);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('name temp files so they can be told from content', () => {
    expect(isTempFileName('.2010-04-15T00-00-52Z.md.27844.9d63509833f0.tmp')).toBe(true);
    expect(isTempFileName('2010-04-15T00-00-52Z.md')).toBe(false);
    expect(isTempFileName('.gitkeep')).toBe(false);
  });
});
