/**
 * What an Open Terms Archive collection holds, whichever way it was published:
 * services, their terms types and each terms type's versions, plus the versions
 * that cannot be imported and why. Read by `release.ts` (a dataset release
 * folder) and `versions-repo.ts` (a clone of a `*-versions` git repository);
 * `read.ts` picks the reader.
 */
import { stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { snapshotStamp } from '../../../src/schema/snapshot.ts';
import { instantToStamp, stampToInstant } from '../../../src/atlas/reading/snapshot-file.ts';

/** One version of a terms type. */
export interface DatasetVersion {
  /** Capture instant as a file-name stamp, e.g. 2024-02-21T12-36-13Z. */
  stamp: string;
  /** Where it was read: a file path, or `<repo>/<file>@<commit>` for a versions repository. */
  path: string;
  /** The version's bytes, checked to be UTF-8 text (decoded when needed, so a large collection is held once). */
  bytes: Buffer;
}

/** One terms type of a service (a release sub-folder, or a `<Terms type>.md` file in a versions repository). */
export interface DatasetTerms {
  type: string;
  /** Where the terms type lives in the dataset, for messages. */
  dir: string;
  /** Oldest first. */
  versions: DatasetVersion[];
}

/** One service (a top-level folder) of the collection. */
export interface DatasetService {
  name: string;
  dir: string;
  terms: DatasetTerms[];
}

/** A version, or a whole terms type, that cannot be imported, with the reason. */
export interface SkippedVersion {
  path: string;
  reason: string;
}

/** A read collection. `problems` are fatal (nothing to import at all); `skipped` are left out and listed. */
export interface Dataset {
  layout: 'release' | 'versions-repository';
  /** The collection's name from its README, when it has one. */
  title?: string;
  services: DatasetService[];
  skipped: SkippedVersion[];
  problems: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a stamp names a real instant (2024-02-30T… does not). */
export function isRealStamp(stamp: string): boolean {
  try {
    return snapshotStamp.test(stamp) && instantToStamp(stampToInstant(stamp)) === stamp;
  } catch {
    return false;
  }
}

/**
 * The text of a version's bytes, or why it cannot be imported: empty (OTA
 * records an empty extraction after some declaration upgrades), only
 * whitespace, or not UTF-8 (OTA versions are UTF-8 Markdown).
 */
export function versionText(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'expected the text of a version, found an empty file' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: 'expected UTF-8 text, found bytes that are not valid UTF-8' };
  }
  if (text.trim() === '') return { reason: 'expected the text of a version, found only whitespace' };
  return { text };
}

/** Kind of what is at a path, or null when nothing is. */
export async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return null;
  }
}

export const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
