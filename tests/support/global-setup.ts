/**
 * Vitest global setup of the `site` project: builds the fixture atlas once per
 * test run, before any build or browser test starts, and hands its output
 * folder to them (`fixtureSite()` in build-site.ts). Removes it at the end.
 * The build uses UTC and an English locale, so reproducible.test.ts can compare
 * it with a build in another time zone and locale.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildRaw } from './build-site.ts';
import { FIXTURE_ATLAS } from './fixture-atlas.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const build = await buildRaw(FIXTURE_ATLAS, { TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' });
  project.provide('fixtureSite', build);
  return () => rmSync(build.work, { recursive: true, force: true });
}
