/**
 * The build script's heap limit (scripts/build.mjs): a build that needs more
 * than ATLAS_HEAP_MB stops with a message that names the limit and how to
 * raise it, not V8's bare abort; a limit that is not a number is refused.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/run.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

// tests/.tmp is made by other tests' setup; this file may run first, or alone.
const tmp = join(import.meta.dirname, '..', '.tmp');
mkdirSync(tmp, { recursive: true });
const work = mkdtempSync(join(tmp, 'heap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const build = (heap: string) =>
  run(process.execPath, ['scripts/build.mjs'], {
    env: { ...process.env, ATLAS_HEAP_MB: heap, ATLAS_CONTENT: FIXTURE_ATLAS, ATLAS_OUT: join(work, 'dist'), ATLAS_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });

describe('npm run build with a heap limit', () => {
  it('stops a build that outgrows the limit with a clear message', async () => {
    const result = await build('24');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('build: the build needed more than its heap limit of 24 MB and was stopped.');
    expect(result.stderr).toContain('ATLAS_HEAP_MB=48 npm run build');
  });

  it('refuses a limit that is not a whole number of megabytes', async () => {
    const result = await build('2GB');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('build: ATLAS_HEAP_MB must be a whole number of megabytes (16 or more), found "2GB"');
  });
});
