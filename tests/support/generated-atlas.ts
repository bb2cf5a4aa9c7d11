/**
 * A generated atlas (`npm run fixture`'s generator) written under tests/.tmp
 * and built, for tests that need more platforms or clauses than the fixture
 * atlas has. Call from beforeAll; dispose() removes the content and the build.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { fixtureFiles, type FixtureOptions } from '../../scripts/lib/fixture/atlas.ts';
import { writeFixture } from '../../scripts/lib/fixture/write.ts';
import { buildSite, type BuiltSite } from './build-site.ts';

export interface GeneratedSite {
  atlas: Atlas;
  site: BuiltSite;
  dispose(): void;
}

/** Writes a generated atlas of `options` into a fresh folder named after `name`, loads it and builds it. */
export async function buildGeneratedAtlas(name: string, options: FixtureOptions): Promise<GeneratedSite> {
  const root = join(import.meta.dirname, '..', '.tmp');
  mkdirSync(root, { recursive: true });
  const content = mkdtempSync(join(root, `${name}-`));
  writeFixture(content, fixtureFiles(options), true);
  const site = await buildSite(content);
  return {
    atlas: loadAtlas(content).atlas,
    site,
    dispose: () => {
      site.dispose();
      rmSync(content, { recursive: true, force: true });
    },
  };
}
