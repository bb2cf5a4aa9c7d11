/**
 * Builds an atlas with the real `astro build` into a temporary folder, the way
 * `npm run build` does, with the content root and output given by environment.
 * The build runs as an asynchronous child process. The fixture atlas itself is
 * built once per test run by the global setup (tests/support/global-setup.ts);
 * `fixtureSite()` hands that build to any test file.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildContent } from '../../scripts/lib/astro-build.ts';

export interface BuiltSite {
  out: string;
  status: number | null;
  output: string;
  /** Reads a built file, e.g. `platform/acme/index.html`. */
  read(path: string): string;
  exists(path: string): boolean;
  /** Removes the build's output and cache (nothing for the shared fixture build, which the global setup removes). */
  dispose(): void;
}

/** What the global setup hands to test files: where the fixture build is and how it ended. */
export interface SharedBuild {
  work: string;
  status: number | null;
  output: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: SharedBuild;
  }
}

function siteAt({ work, status, output }: SharedBuild, dispose: () => void): BuiltSite {
  const out = join(work, 'dist');
  return {
    out,
    status,
    output,
    read: (path) => readFileSync(join(out, path), 'utf8'),
    exists: (path) => existsSync(join(out, path)),
    dispose,
  };
}

/** Runs `astro build` on a content folder; `env` adds to (or overrides) the environment. */
export async function buildRaw(contentRoot: string, env: NodeJS.ProcessEnv = {}): Promise<SharedBuild> {
  const { work, status, output } = await buildContent(contentRoot, env);
  return { work, status, output };
}

/** Builds a content folder of its own (a broken or edited copy); dispose() removes it. */
export async function buildSite(contentRoot: string, env: NodeJS.ProcessEnv = {}): Promise<BuiltSite> {
  const build = await buildRaw(contentRoot, env);
  return siteAt(build, () => rmSync(build.work, { recursive: true, force: true }));
}

/** The fixture atlas as built once for this test run; its files must not be changed. */
export function fixtureSite(): BuiltSite {
  return siteAt(inject('fixtureSite'), () => {});
}
