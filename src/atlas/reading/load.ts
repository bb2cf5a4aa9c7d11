/**
 * Reads every file under a content root once, checks each against its schema
 * and returns the parsed entries with all problems found. Cross-references and
 * computed facts are handled later (validate.ts, model.ts).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ZodType } from 'astro/zod';
import type { Agency } from '../../schema/agency.ts';
import type { ClauseData } from '../../schema/clause.ts';
import type { ClauseType } from '../../schema/clause-type.ts';
import type { DocumentData } from '../../schema/document.ts';
import type { Ledger } from '../../schema/ledger.ts';
import type { NegativeData } from '../../schema/negative.ts';
import type { Platform } from '../../schema/platform.ts';
import type { Regulation } from '../../schema/regulation.ts';
import type { Site } from '../../schema/site.ts';
import { snapshotStamp, type SnapshotData } from '../../schema/snapshot.ts';
import { slug as slugSchema } from '../../schema/common.ts';
import { isTempFileName } from '../../support/atomic-write.ts';
import { CONTENT_FILES, CONTENT_LAYOUT, contentFolder } from './content-layout.ts';
import { checkSchema, parseEntrySource, type EntrySource } from './entry-file.ts';
import { describeValue, type Problem } from './problems.ts';
import { sha256, splitSnapshotFile } from './snapshot-file.ts';

/** Largest content file read; a bigger one is reported instead of loaded. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** An entry read from one file. */
export interface Entry<T> {
  /** Key from the path: `x`, `x/privacy-policy`, `x/privacy-policy/ai-training`. */
  key: string;
  /** Path of the file relative to the content root's parent (e.g. `content/clauses/x/...`). */
  file: string;
  data: T;
  /** Markdown body, for Markdown entries. */
  body: string;
  bodyLine: number;
  lineOf: EntrySource['lineOf'];
}

/**
 * A snapshot read from disk: its front matter and the facts of its body. The
 * body itself is not kept (an archive's texts can outgrow the heap): it is
 * read again, and checked against the hash taken here, when it is needed.
 */
export interface SnapshotEntry extends Omit<Entry<SnapshotData>, 'body'> {
  platform: string;
  document: string;
  stamp: string;
  /** Lowercase hex SHA-256 of the captured text's bytes as read (validation compares it with the front matter's). */
  sha256: string;
  /** Size of the captured text in bytes. */
  byteLength: number;
  /** Whether the captured text is empty or only whitespace. */
  blank: boolean;
  /** The captured text's bytes, read again from the file; throws when they no longer hash to `sha256` (the file changed during the run). */
  readBody(): Buffer;
  /** The captured text, read again from the file and decoded as UTF-8 (same check as readBody). */
  readText(): string;
}

/** Everything read from a content root. */
export interface LoadedContent {
  root: string;
  site: Entry<Site> | undefined;
  ledger: Entry<Ledger> | undefined;
  platforms: Entry<Platform>[];
  documents: Entry<DocumentData>[];
  snapshots: SnapshotEntry[];
  clauses: Entry<ClauseData>[];
  /** Negative findings, keyed `<platform>/<document>/<clause-type>`. */
  negatives: Entry<NegativeData>[];
  clauseTypes: Entry<ClauseType>[];
  regulations: Entry<Regulation>[];
  agencies: Entry<Agency>[];
  /** Entries whose files exist but failed their schema, by collection, so other checks do not report them missing too. */
  rejected: { keys: Set<string>; ids: Set<string> };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

class Reader {
  readonly problems: Problem[] = [];
  readonly rejected = { keys: new Set<string>(), ids: new Set<string>() };
  constructor(
    readonly root: string,
    private readonly displayBase: string,
  ) {}

  display(path: string): string {
    return relative(this.displayBase, path).split('\\').join('/');
  }

  /** Reports a link or device: content is read only from regular files inside the content root. */
  notRegular(path: string, found: string): void {
    this.problems.push({ file: this.display(path), field: 'file', expected: 'a regular file or folder inside the content folder', found, level: 'error' });
  }

  /** Reads a regular file as bytes, reporting size limits. */
  bytes(path: string): Buffer | undefined {
    const stats = lstatSync(path);
    if (!stats.isFile()) {
      this.notRegular(path, stats.isSymbolicLink() ? 'a symbolic link' : 'a special file');
      return undefined;
    }
    const size = stats.size;
    if (size > MAX_FILE_BYTES) {
      this.problems.push({ file: this.display(path), field: 'file', expected: `at most ${MAX_FILE_BYTES} bytes`, found: `${size} bytes`, level: 'error' });
      return undefined;
    }
    return readFileSync(path);
  }

  /** Decodes UTF-8 strictly, reporting the line of the first invalid byte. */
  text(path: string, bytes: Buffer): string | undefined {
    try {
      return utf8.decode(bytes);
    } catch {
      const good = bytes.toString('utf8').split('\uFFFD')[0] ?? '';
      this.problems.push({ file: this.display(path), line: good.split('\n').length, field: 'file', expected: 'text encoded as UTF-8', found: 'bytes that are not valid UTF-8', level: 'error' });
      return undefined;
    }
  }

  /**
   * Lists a folder's entries (sorted), or [] when it does not exist. Hidden
   * entries are skipped, but a temporary file left by an interrupted write is
   * reported. Symbolic links are reported and skipped: they could reach outside the content folder.
   */
  list(dir: string): string[] {
    if (!existsSync(dir)) return [];
    const all = readdirSync(dir, { withFileTypes: true });
    for (const temp of all.filter((entry) => isTempFileName(entry.name))) {
      this.problems.push({ file: this.display(join(dir, temp.name)), field: 'file', expected: 'no temporary file in the content folder', found: 'a temporary file left by an interrupted import, capture or `npm run new`', level: 'error', hint: 'delete it; the run that wrote it did not finish, so run it again' });
    }
    const entries = all.filter((entry) => !entry.name.startsWith('.'));
    for (const link of entries.filter((entry) => entry.isSymbolicLink())) this.notRegular(join(dir, link.name), 'a symbolic link');
    return entries.filter((entry) => !entry.isSymbolicLink()).map((entry) => entry.name).sort();
  }

  /** Checks that a path segment is a slug, reporting the file otherwise. */
  slug(path: string, segment: string, what: string): boolean {
    const result = slugSchema.safeParse(segment);
    if (result.success) return true;
    for (const issue of result.error.issues) {
      this.problems.push({ file: this.display(path), field: 'file name', expected: `the ${what} as ${issue.message}`, found: describeValue(segment), level: 'error' });
    }
    return false;
  }

  entry<T>(path: string, key: string, schema: ZodType<T, unknown>): Entry<T> | undefined {
    const bytes = this.bytes(path);
    const text = bytes && this.text(path, bytes);
    if (text === undefined) {
      this.reject(key);
      return undefined;
    }
    const file = this.display(path);
    const source = parseEntrySource(file, text, this.problems);
    const data = checkSchema(file, source, schema, this.problems);
    if (data === undefined) {
      this.reject(key, source.data, text);
      return undefined;
    }
    return { key, file, data, body: source.body, bodyLine: source.bodyLine, lineOf: source.lineOf };
  }

  /**
   * Remembers an entry that exists but is invalid (its key, and its ID when one
   * can be read). An entry whose YAML does not parse still names its ID on its
   * `id:` line; reading it there keeps the ledger check from also reporting the
   * record as missing, with advice to withdraw it.
   */
  reject(key: string, data?: unknown, text?: string): void {
    this.rejected.keys.add(key);
    const parsed = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
    const id = typeof parsed === 'string' ? parsed : text && /^id:[ \t]*["']?([A-Za-z0-9-]+)/m.exec(text)?.[1];
    if (id) this.rejected.ids.add(id);
  }

  /** Reads `<dir>/<key>.<ext>` files into entries. */
  flat<T>(dir: string, extensions: readonly string[], what: string, schema: ZodType<T, unknown>): Entry<T>[] {
    const out: Entry<T>[] = [];
    for (const name of this.list(dir)) {
      const path = join(dir, name);
      const extension = extensions.find((ext) => name.endsWith(ext));
      if (!extension || !statSync(path).isFile()) {
        this.problems.push({ file: this.display(path), field: 'file name', expected: `a ${what} file named <key>${extensions.join(' or <key>')}`, found: describeValue(name), level: 'error' });
        continue;
      }
      const key = name.slice(0, -extension.length);
      if (!this.slug(path, key, `${what} key`)) continue;
      const entry = this.entry(path, key, schema);
      if (entry) out.push(entry);
    }
    return out;
  }

  /** Walks `<dir>/<a>/<b>/.../<file>` to the given depth, yielding paths and their slug segments. */
  *nested(dir: string, depth: number, what: readonly string[]): Generator<{ path: string; segments: string[] }> {
    const walk = function* (this: Reader, current: string, segments: string[]): Generator<{ path: string; segments: string[] }> {
      for (const name of this.list(current)) {
        const path = join(current, name);
        if (segments.length < depth - 1) {
          if (!statSync(path).isDirectory()) {
            this.problems.push({ file: this.display(path), field: 'file name', expected: `a folder named after the ${what[segments.length]}`, found: 'a file', level: 'error' });
            continue;
          }
          if (this.slug(path, name, what[segments.length] ?? 'folder')) yield* walk.call(this, path, [...segments, name]);
        } else if (statSync(path).isDirectory()) {
          this.problems.push({ file: this.display(path), field: 'file name', expected: `a ${what[segments.length]} file`, found: 'a folder', level: 'error' });
        } else {
          yield { path, segments: [...segments, name] };
        }
      }
    };
    yield* walk.call(this, dir, []);
  }
}

function loadSnapshots(reader: Reader, dir: string): SnapshotEntry[] {
  const out: SnapshotEntry[] = [];
  const { parts } = CONTENT_LAYOUT.snapshot;
  for (const { path, segments } of reader.nested(dir, parts.length, parts)) {
    const [platform = '', document = '', name = ''] = segments;
    const file = reader.display(path);
    const stamp = name.replace(/\.md$/, '');
    if (!name.endsWith('.md') || !snapshotStamp.test(stamp)) {
      reader.problems.push({ file, field: 'file name', expected: 'a snapshot named <YYYY-MM-DDTHH-MM-SSZ>.md', found: describeValue(name), level: 'error' });
      continue;
    }
    const key = `${platform}/${document}/${stamp}`;
    const raw = reader.bytes(path);
    if (!raw) {
      reader.reject(key);
      continue;
    }
    const parts = splitSnapshotFile(raw);
    if (!parts) {
      reader.problems.push({ file, line: 1, field: 'front matter', expected: 'a `---` block of YAML front matter before the captured text', found: describeValue(raw.subarray(0, 40).toString('utf8')), level: 'error' });
      reader.reject(key);
      continue;
    }
    const text = reader.text(path, parts.body);
    const source = parseEntrySource(file, `---\n${parts.frontMatter}---\n`, reader.problems);
    const data = checkSchema(file, source, CONTENT_LAYOUT.snapshot.schema, reader.problems);
    if (data === undefined || text === undefined) {
      reader.reject(key);
      continue;
    }
    const hash = sha256(parts.body);
    const readBody = () => snapshotBodyAgain(path, file, hash);
    out.push({ key, file, data, bodyLine: parts.bodyLine, lineOf: source.lineOf, platform, document, stamp, sha256: hash, byteLength: parts.body.length, blank: !text.trim(), readBody, readText: () => utf8.decode(readBody()) });
  }
  return out;
}

/** A snapshot's body read again from `path`; throws, naming `file`, when it is gone or no longer hashes to `expected`. */
function snapshotBodyAgain(path: string, file: string, expected: string): Buffer {
  const body = splitSnapshotFile(readFileSync(path))?.body;
  const found = body && sha256(body);
  if (!body || found !== expected) throw new Error(`${file}: expected the captured text read at the start of the run (sha256 ${expected}), found ${found ? `sha256 ${found}` : 'no front matter'}; snapshot files are never edited, so it changed during the run`);
  return body;
}

function loadNested<T>(reader: Reader, dir: string, what: readonly string[], extensions: readonly string[], schema: ZodType<T, unknown>): Entry<T>[] {
  const out: Entry<T>[] = [];
  for (const { path, segments } of reader.nested(dir, what.length, what)) {
    const name = segments.at(-1) ?? '';
    const extension = extensions.find((ext) => name.endsWith(ext));
    const kind = what.at(-1) ?? 'entry';
    if (!extension) {
      reader.problems.push({ file: reader.display(path), field: 'file name', expected: `a ${kind} file ending in ${extensions.join(' or ')}`, found: describeValue(name), level: 'error' });
      continue;
    }
    const slug = name.slice(0, -extension.length);
    if (!reader.slug(path, slug, `${kind} slug`)) continue;
    const entry = reader.entry(path, [...segments.slice(0, -1), slug].join('/'), schema);
    if (entry) out.push(entry);
  }
  return out;
}

/**
 * Reads only a content root's site.yaml, with the same reader as loadContent:
 * for settings needed before (or without) the whole atlas, such as the site URL
 * of a dev server or a type check. Undefined when the file is missing or invalid.
 */
export function loadSiteFile(root: string): Site | undefined {
  const path = join(root, CONTENT_FILES.site.file);
  return existsSync(path) ? new Reader(root, join(root, '..')).entry(path, 'site', CONTENT_FILES.site.schema)?.data : undefined;
}

/**
 * Loads a content root. `displayBase` is the folder paths are reported
 * relative to (the repository, so messages read `content/clauses/...`).
 */
export function loadContent(root: string, displayBase = join(root, '..')): { content: LoadedContent; problems: Problem[] } {
  const reader = new Reader(root, displayBase);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    reader.problems.push({ file: reader.display(root), field: 'content root', expected: 'a folder of atlas content', found: existsSync(root) ? 'a file' : 'nothing at that path', level: 'error' });
  }
  const single = <T>(name: string, schema: ZodType<T, unknown>, required: boolean): Entry<T> | undefined => {
    const path = join(root, name);
    if (existsSync(path)) return reader.entry(path, name.replace(/\.yaml$/, ''), schema);
    if (required) reader.problems.push({ file: reader.display(path), field: 'file', expected: `the ${name} file`, found: 'no such file', level: 'error' });
    return undefined;
  };
  const layout = CONTENT_LAYOUT;
  const content: LoadedContent = {
    root,
    site: single(CONTENT_FILES.site.file, CONTENT_FILES.site.schema, true),
    ledger: single(CONTENT_FILES.ledger.file, CONTENT_FILES.ledger.schema, true),
    platforms: reader.flat(contentFolder(root, 'platform'), layout.platform.extensions, layout.platform.parts[0], layout.platform.schema),
    documents: loadNested(reader, contentFolder(root, 'document'), layout.document.parts, layout.document.extensions, layout.document.schema),
    snapshots: loadSnapshots(reader, contentFolder(root, 'snapshot')),
    clauses: loadNested(reader, contentFolder(root, 'clause'), layout.clause.parts, layout.clause.extensions, layout.clause.schema),
    negatives: loadNested(reader, contentFolder(root, 'negative'), layout.negative.parts, layout.negative.extensions, layout.negative.schema),
    clauseTypes: reader.flat(contentFolder(root, 'clauseType'), layout.clauseType.extensions, layout.clauseType.parts[0], layout.clauseType.schema),
    regulations: reader.flat(contentFolder(root, 'regulation'), layout.regulation.extensions, layout.regulation.parts[0], layout.regulation.schema),
    agencies: reader.flat(contentFolder(root, 'agency'), layout.agency.extensions, layout.agency.parts[0], layout.agency.schema),
    rejected: reader.rejected,
  };
  return { content, problems: reader.problems };
}
