/**
 * Builds an atlas with the real `astro build` into a temporary folder, the way
 * `npm run build` does, with the content root and output given by environment.
 */
import { spawnSync } from 'node:child_process';
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

export function buildSite(contentRoot: string): BuiltSite {
  mkdirSync(WORK_ROOT, { recursive: true });
  const work = mkdtempSync(join(WORK_ROOT, 'build-'));
  const out = join(work, 'dist');
  const result = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build'], {
    env: { ...process.env, ATLAS_CONTENT: contentRoot, ATLAS_OUT: out, ATLAS_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  return {
    out,
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    read: (path) => readFileSync(join(out, path), 'utf8'),
    exists: (path) => existsSync(join(out, path)),
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}
