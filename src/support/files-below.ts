/** Listing a folder tree in a stable order, for digests that must not depend on the order the file system lists entries in. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file below `folder` (absolute), as paths relative to `root` with `/` separators, sorted; none when `folder` does not exist. */
export function filesBelow(root: string, folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
