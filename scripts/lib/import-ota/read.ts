/** Picks the reader for a collection folder: a `*-versions` repository clone or a dataset release. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOf, type Dataset } from './dataset.ts';
import { readRelease } from './release.ts';
import { readVersionsRepository } from './versions-repo.ts';

/**
 * Reads a collection: a folder holding `.git` (a clone of a `*-versions`
 * repository, where `.git` is a folder, or a file for a worktree) is read from
 * its history, any other folder as a dataset release.
 */
export async function readDataset(dir: string): Promise<Dataset> {
  const dataset = (await kindOf(join(dir, '.git'))) === null ? await readRelease(dir) : await readVersionsRepository(dir);
  const title = await collectionTitle(dir);
  return title === undefined ? dataset : { ...dataset, title };
}

/**
 * The collection's own name: the first `# ` heading of SOURCE-README.md (in a
 * dataset release) or README.md (in a versions repository), e.g. "Dataset PGA
 * v2 (Ongoing Collection)". Undefined when neither has one.
 */
export async function collectionTitle(dir: string): Promise<string | undefined> {
  for (const name of ['SOURCE-README.md', 'README.md']) {
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1]?.trim();
    if (heading) return heading;
  }
  return undefined;
}
