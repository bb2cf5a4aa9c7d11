/**
 * The on-disk form of a snapshot: YAML front matter, then the captured text
 * byte for byte. The SHA-256 covers exactly the body bytes, so the body is cut
 * out of the file as bytes rather than through a parser that may trim it.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { SnapshotData } from '../schema/snapshot.ts';

const OPEN = Buffer.from('---\n');
const CLOSE = Buffer.from('\n---\n');

/** Lowercase hex SHA-256 of some bytes or UTF-8 text. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `2024-02-21T12-36-13Z` → `2024-02-21T12:36:13Z`. */
export function stampToInstant(stamp: string): string {
  return stamp.replace(/T(\d{2})-(\d{2})-(\d{2})Z$/, 'T$1:$2:$3Z');
}

/** `2024-02-21T12:36:13Z` (or with milliseconds) → `2024-02-21T12-36-13Z`. */
export function instantToStamp(instant: string): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/** The parts of a snapshot file; null when it does not start with a front-matter block. */
export interface SnapshotFileParts {
  /** The YAML between the `---` lines. */
  frontMatter: string;
  /** The captured text, exactly the bytes that were hashed. */
  body: Buffer;
  /** 1-based line number of the body's first line in the file. */
  bodyLine: number;
}

export function splitSnapshotFile(raw: Buffer): SnapshotFileParts | null {
  if (!raw.subarray(0, OPEN.length).equals(OPEN)) return null;
  const end = raw.indexOf(CLOSE, OPEN.length - 1);
  if (end < 0) return null;
  const frontMatter = raw.subarray(OPEN.length, end + 1).toString('utf8');
  const bodyStart = end + CLOSE.length;
  const bodyLine = raw.subarray(0, bodyStart).toString('utf8').split('\n').length;
  return { frontMatter, body: raw.subarray(bodyStart), bodyLine };
}

/** Writes front matter and body as one snapshot file; `parse(serialize(x))` gives x back byte for byte. */
export function serializeSnapshot(data: SnapshotData, body: Uint8Array): Buffer {
  const yaml = stringify(data, { lineWidth: 0 });
  return Buffer.concat([OPEN, Buffer.from(yaml), Buffer.from('---\n'), body]);
}
