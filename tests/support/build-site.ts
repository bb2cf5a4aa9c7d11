/**
 * Builds an atlas with the real `astro build` into a temporary folder, the way
 * `npm run build` does, with the content root and output given by environment.
 * `buildSiteAsync` runs the build as an async child process, so the test
 * worker stays responsive during it; `buildSite` blocks (older callers).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Output stays inside the project: Astro writes content-layer files next to an outDir outside it.
const WORK_ROOT = join(import.meta.dirname, '..', '.tmp');

export interface BuiltSite {
  out: string;
  status: number | null;
  output: string;
  /** Reads a built file, e.g. `platform/acme/index.html`. */
  read(path: string): string;
  exists(path: string): boolean;
  /** Removes the build's output and cache. */
  dispose(): void;
}

interface BuildRun {
  work: string;
  out: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

function prepare(contentRoot: string): BuildRun {
  mkdirSync(WORK_ROOT, { recursive: true });
  const work = mkdtempSync(join(WORK_ROOT, 'build-'));
  const out = join(work, 'dist');
  const env = { ...process.env, ATLAS_CONTENT: contentRoot, ATLAS_OUT: out, ATLAS_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  return { work, out, args: ['node_modules/astro/astro.js', 'build'], env };
}

function builtSite({ work, out }: BuildRun, status: number | null, output: string): BuiltSite {
  return {
    out,
    status,
    output,
    read: (path) => readFileSync(join(out, path), 'utf8'),
    exists: (path) => existsSync(join(out, path)),
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}

export function buildSite(contentRoot: string): BuiltSite {
  const run = prepare(contentRoot);
  const result = spawnSync(process.execPath, run.args, { env: run.env, encoding: 'utf8' });
  return builtSite(run, result.status, `${result.stdout}\n${result.stderr}`);
}

export function buildSiteAsync(contentRoot: string): Promise<BuiltSite> {
  const run = prepare(contentRoot);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, run.args, { env: run.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve(builtSite(run, status, `${stdout}\n${stderr}`)));
  });
}
