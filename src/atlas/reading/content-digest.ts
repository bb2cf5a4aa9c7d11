/**
 * Digests of a content root's files, for deciding which pages an edit can
 * change (src/atlas/outputs/page-inputs.ts). A clause file is digested in two
 * parts, because other clauses' pages show a clause's front matter (title,
 * summary, severity, type…) but never its analysis: its `card` digest covers
 * the front matter, its `full` digest the whole file. Every other file under
 * the root (platforms, documents, snapshots, negatives, clause types,
 * regulations, agencies, site.yaml, the ledger, and anything unknown) goes
 * into one `rest` digest, so an edit to any of them changes every page key.
 * `rest` also covers where the root is from the working directory, since pages
 * show content files by that path (`content/snapshots/…`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesBelow } from '../../support/files-below.ts';
import { CONTENT_LAYOUT } from './content-layout.ts';

/** The two digests of one clause file (SHA-256, hex). */
export interface ClauseDigest {
  /** The front matter: what a clause shows on pages other than its own. */
  card: string;
  /** The whole file, analysis included. */
  full: string;
}

/** Digests of a content root: `rest` over every non-clause file (paths and bytes) and the root's place, and each clause's by its key (`<platform>/<document>/<clause>`). */
export interface ContentDigests {
  rest: string;
  clauses: Map<string, ClauseDigest>;
}

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A clause file's front matter: from the opening `---` line to the closing one; a file without one is all front matter, so any edit counts as a card edit. */
function frontMatterOf(bytes: Buffer): Buffer {
  const text = bytes.toString('utf8');
  const match = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(text);
  return match ? Buffer.from(match[0], 'utf8') : bytes;
}

/**
 * Reads and digests every file under `root` (an absolute content root), whose
 * files pages name relative to `displayBase` (as loadContent does). Cost:
 * one read of each file; about a second for a few hundred megabytes of snapshots.
 * Errors: whatever reading a file throws (the build has validated the root before).
 */
export function contentDigests(root: string, displayBase: string = process.cwd()): ContentDigests {
  const clauseFolder = `${CONTENT_LAYOUT.clause.folder}/`;
  const clauseExtension = new RegExp(`(${CONTENT_LAYOUT.clause.extensions.map((e) => e.replace('.', '\\.')).join('|')})$`);
  const rest = createHash('sha256').update(`${relative(displayBase, root)}\0`);
  const clauses = new Map<string, ClauseDigest>();
  for (const path of filesBelow(root, root)) {
    const bytes = readFileSync(join(root, path));
    if (path.startsWith(clauseFolder) && clauseExtension.test(path)) {
      clauses.set(path.slice(clauseFolder.length).replace(clauseExtension, ''), { card: sha(frontMatterOf(bytes)), full: sha(bytes) });
    } else {
      rest.update(`${path}\0${sha(bytes)}\0`);
    }
  }
  return { rest: rest.digest('hex'), clauses };
}
