/** Builds a content folder with the real `astro build`, asynchronously, into a fresh folder under `<project>/tests/.tmp/`. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PROJECT = join(import.meta.dirname, '..', '..', '..');
// Output stays inside the project: Astro writes content-layer files next to an outDir outside it.
const WORK_ROOT = join(PROJECT, 'tests', '.tmp');

export interface FuzzBuild {
  /** The built site. */
  out: string;
  /** Exit code of `astro build` (null when killed). */
  status: number | null;
  /** Its stdout and stderr. */
  output: string;
  dispose(): void;
}

export function buildContent(contentRoot: string): Promise<FuzzBuild> {
  mkdirSync(WORK_ROOT, { recursive: true });
  const work = mkdtempSync(join(WORK_ROOT, 'fuzz-'));
  const out = join(work, 'dist');
  const child = spawn(process.execPath, ['node_modules/astro/astro.js', 'build'], {
    cwd: PROJECT,
    env: { ...process.env, ATLAS_CONTENT: contentRoot, ATLAS_OUT: out, ATLAS_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ out, status, output, dispose: () => rmSync(work, { recursive: true, force: true }) }));
  });
}
