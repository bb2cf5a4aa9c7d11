/**
 * The on-disk form of a snapshot: YAML front matter, then the captured text
 * byte for byte. The SHA-256 covers exactly the body bytes, so the body is cut
 * out of the file as bytes rather than through a parser that may trim it.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { SnapshotData } from '../../schema/snapshot.ts';

const OPEN = Buffer.from('---\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Opening and closing front-matter lines, LF or CRLF: the front matter is read either way; the body never changes. */
const FRONT_MATTER = /^---\r?\n/;
const CLOSING_LINE = /\n---\r?\n/;

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

/**
 * Cuts a snapshot file into front matter and body. A leading BOM and CRLF
 * front-matter lines are accepted (an editor or a Git checkout may add them);
 * the body is returned exactly as stored, because its bytes are the evidence
 * the SHA-256 covers.
 */
export function splitSnapshotFile(raw: Buffer): SnapshotFileParts | null {
  const start = raw.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0;
  // Latin-1 maps byte n to character n, so string offsets are byte offsets.
  const head = raw.toString('latin1', start);
  const open = FRONT_MATTER.exec(head);
  if (!open) return null;
  const close = CLOSING_LINE.exec(head.slice(open[0].length - 1));
  if (!close) return null;
  const closeAt = open[0].length - 1 + close.index;
  const frontMatter = raw.subarray(start + open[0].length, start + closeAt + 1).toString('utf8');
  const bodyStart = start + closeAt + close[0].length;
  const bodyLine = raw.subarray(0, bodyStart).toString('utf8').split('\n').length;
  return { frontMatter, body: raw.subarray(bodyStart), bodyLine };
}

/**
 * Why a body's SHA-256 may differ from the recorded one, when the cause is
 * line ends: the body with CRLF turned back into LF has the recorded hash,
 * so a checkout converted the file (Git's `core.autocrlf` without the
 * repository's `.gitattributes`). Undefined when that is not the cause.
 */
export function lineEndMismatch(body: Uint8Array, recorded: string): string | undefined {
  const text = Buffer.from(body).toString('latin1');
  if (!text.includes('\r\n') || sha256(Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1')) !== recorded) return undefined;
  return 'the text has CRLF line ends where the captured text had LF: a checkout converted them; snapshots are hashed byte for byte, so restore the LF bytes: with the repository\'s .gitattributes in place, delete the file and run `git checkout -- <file>`';
}

/** Writes front matter and body as one snapshot file; `parse(serialize(x))` gives x back byte for byte. */
export function serializeSnapshot(data: SnapshotData, body: Uint8Array): Buffer {
  const yaml = stringify(data, { lineWidth: 0 });
  return Buffer.concat([OPEN, Buffer.from(yaml), Buffer.from('---\n'), body]);
}
