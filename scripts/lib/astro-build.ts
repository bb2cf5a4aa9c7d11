/**
 * Builds a content folder with the real `astro build`, as an asynchronous child
 * process, into a fresh folder under `<project>/tests/.tmp/` (the fuzz run and
 * the tests' builds share it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PROJECT = join(import.meta.dirname, '..', '..');
// Output stays inside the project: Astro writes content-layer files next to an outDir outside it.
const WORK_ROOT = join(PROJECT, 'tests', '.tmp');
const ASTRO_CLI = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface AstroBuild {
  /** The folder holding the output (`dist/`) and Astro's cache. */
  work: string;
  /** The built site. */
  out: string;
  /** Exit code of `astro build` (null when killed). */
  status: number | null;
  /** Its stdout and stderr. */
  output: string;
  /** Removes `work`. */
  dispose(): void;
}

/** Runs `astro build` on `contentRoot`; `env` adds to (or overrides) the environment. */
export function buildContent(contentRoot: string, env: NodeJS.ProcessEnv = {}): Promise<AstroBuild> {
  mkdirSync(WORK_ROOT, { recursive: true });
  const work = mkdtempSync(join(WORK_ROOT, 'build-'));
  const out = join(work, 'dist');
  const child = spawn(process.execPath, [ASTRO_CLI, 'build'], {
    cwd: PROJECT,
    // Each build renders its snapshots and pages into caches of its own unless told otherwise, so no build reads another's by chance.
    env: { ...process.env, ATLAS_SNAPSHOT_CACHE: join(work, 'snapshot-html'), ATLAS_PAGE_CACHE: join(work, 'pages'), ...env, ATLAS_CONTENT: contentRoot, ATLAS_OUT: out, ATLAS_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ work, out, status, output, dispose: () => rmSync(work, { recursive: true, force: true }) }));
  });
}
