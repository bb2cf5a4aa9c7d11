/** What the content folder already holds that the import must respect: document record IDs and snapshots. */
import { contentFolder } from '../../../src/atlas/reading/content-layout.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitSnapshotFile } from '../../../src/atlas/reading/snapshot-file.ts';

const STAMP_FILE = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.md$/;

/** IDs of every existing document entry under `<content>/documents/`. */
export async function existingDocumentIds(contentDir: string): Promise<string[]> {
  const ids: string[] = [];
  const root = contentFolder(contentDir, 'document');
  let platforms: string[] = [];
  try {
    platforms = await readdir(root);
  } catch {
    return ids;
  }
  for (const platform of platforms) {
    let files: string[] = [];
    try {
      files = await readdir(join(root, platform));
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith('.yaml'))) {
      try {
        const value = parseYaml(await readFile(join(root, platform, file), 'utf8')) as { id?: unknown } | null;
        if (typeof value?.id === 'string' && /-D-\d+$/.test(value.id)) ids.push(value.id);
      } catch {
        // an unreadable entry is the validator's business; its ID cannot be counted
      }
    }
  }
  return ids;
}

export interface ExistingSnapshot {
  stamp: string;
  path: string;
  body: Buffer;
  substantive?: boolean;
}

/** The snapshots already in a document's snapshot folder; unreadable ones are problems. */
export async function readExistingSnapshots(dir: string, problems: string[]): Promise<ExistingSnapshot[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const snapshots: ExistingSnapshot[] = [];
  for (const name of names.sort()) {
    const stamp = STAMP_FILE.exec(name)?.[1];
    if (stamp === undefined) continue;
    const path = join(dir, name);
    const split = splitSnapshotFile(await readFile(path));
    if (split === null) {
      problems.push(`${path}: expected a snapshot file (--- front matter --- then the text), found no front-matter block`);
      continue;
    }
    let substantive: boolean | undefined;
    try {
      const value = parseYaml(split.frontMatter) as { substantive?: unknown } | null;
      if (typeof value?.substantive === 'boolean') substantive = value.substantive;
    } catch {
      // the front matter is checked by the validator; only the body matters here
    }
    snapshots.push({ stamp, path, body: split.body, ...(substantive !== undefined ? { substantive } : {}) });
  }
  return snapshots;
}
