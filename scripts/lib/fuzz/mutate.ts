/**
 * One random, pull-request-sized change to a copy of an atlas: a field set to a
 * hostile value (as YAML text, so tags and odd types reach the parser), hostile
 * Markdown added to an analysis, a clause, document or clause type renamed to a
 * hostile slug (with its references and ledger paths kept consistent, so only the slug
 * itself is on trial), or a new snapshot carrying hostile text. The change is
 * made on disk; the returned description says exactly what was done.
 */
import { CONTENT_FILES, CONTENT_LAYOUT, contentFile, contentFolder, type ContentKind } from '../../../src/atlas/reading/content-layout.ts';
import { routes } from '../../../src/atlas/routes.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { serializeSnapshot, sha256, splitSnapshotFile, stampToInstant, instantToStamp } from '../../../src/atlas/reading/snapshot-file.ts';
import type { SnapshotData } from '../../../src/schema/snapshot.ts';
import type { Random } from '../fixture/prng.ts';
import { HOSTILE_SLUGS, HOSTILE_TEXT, HOSTILE_URLS, HOSTILE_YAML } from './payloads.ts';

export type MutationKind = 'field' | 'body' | 'rename-clause' | 'rename-document' | 'rename-clause-type' | 'snapshot';

/** What one mutation did. */
export interface Mutation {
  kind: MutationKind;
  /** File changed (relative to the content root), or created for renames and snapshots. */
  file: string;
  /** Dotted field path for field mutations. */
  field?: string;
  /** The hostile value (raw YAML for field mutations, Markdown for bodies, a slug for renames). */
  value: string;
}

/** A one-line description: `field documents/acme/privacy-policy.yaml title = "…"`. */
export function describeMutation(m: Mutation): string {
  const value = JSON.stringify(m.value.length > 60 ? `${m.value.slice(0, 57)}...` : m.value);
  return `${m.kind} ${m.file}${m.field ? ` ${m.field}` : ''} = ${value}`;
}

function filesUnder(root: string, dir: string, pattern: RegExp): string[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .map((path) => join(dir, path).split('\\').join('/'))
    .filter((path) => pattern.test(path))
    .sort();
}

/** Entry files of one kind of content, relative to the root (`clauses/x/tos/a.md`), sorted. */
function entryFiles(root: string, kind: ContentKind): string[] {
  const { folder, extensions } = CONTENT_LAYOUT[kind];
  return filesUnder(root, folder, new RegExp(`(?:${extensions.map((e) => e.replace('.', '\\.')).join('|')})$`));
}

/** The key of an entry file of `kind`: its path below the kind's folder (when it is below it), without the extension. */
function entryKey(kind: ContentKind, file: string): string {
  const { folder, extensions } = CONTENT_LAYOUT[kind];
  const extension = extensions.find((e) => file.endsWith(e)) ?? '';
  const below = file.startsWith(`${folder}/`) ? file.slice(folder.length + 1) : file;
  return below.slice(0, below.length - extension.length);
}

/** A file's YAML and where it sits in the file (front matter of Markdown starts after `---\n`). */
function yamlPart(text: string, file: string): { yaml: string; before: string; after: string } | undefined {
  if (file.endsWith('.yaml')) return { yaml: text, before: '', after: '' };
  const match = /^---\n([\s\S]*?\n)---\n/.exec(text);
  if (!match?.[1]) return undefined;
  return { yaml: match[1], before: '---\n', after: text.slice(match[0].length - 4) };
}

interface ScalarAt {
  path: string[];
  range: [number, number];
}

function scalarsOf(node: unknown, path: string[] = [], out: ScalarAt[] = []): ScalarAt[] {
  if (isScalar(node) && node.range) out.push({ path, range: [node.range[0], node.range[1]] });
  else if (isMap(node)) for (const pair of node.items) scalarsOf(pair.value, [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)], out);
  else if (isSeq(node)) node.items.forEach((item, i) => scalarsOf(item, [...path, String(i)], out));
  return out;
}

function mutateField(root: string, random: Random): Mutation | undefined {
  const files = [...filesUnder(root, '.', /\.(ya?ml|mdx?)$/)].map((f) => f.replace(/^\.\//, ''));
  const file = random.pick(files);
  const text = readFileSync(join(root, file), 'utf8');
  const part = yamlPart(text, file);
  if (!part) return undefined;
  const scalars = scalarsOf(parseDocument(part.yaml).contents);
  if (!scalars.length) return undefined;
  const target = random.pick(scalars);
  const field = target.path.join('.');
  const isUrl = /url/.test(field);
  const value = random.chance(0.2)
    ? random.pick(HOSTILE_YAML)
    : JSON.stringify(random.pick(isUrl && random.chance(0.8) ? HOSTILE_URLS : random.chance(0.1) ? HOSTILE_SLUGS : HOSTILE_TEXT));
  const yaml = part.yaml.slice(0, target.range[0]) + value + part.yaml.slice(target.range[1]);
  // A block scalar's range ends at its last line; keep the line break that follows it.
  const fixed = /\n$/.test(yaml) ? yaml : `${yaml}\n`;
  writeFileSync(join(root, file), `${part.before}${fixed}${part.after}`);
  return { kind: 'field', file, field, value };
}

function mutateBody(root: string, random: Random): Mutation {
  const file = random.pick([...entryFiles(root, 'clause'), ...entryFiles(root, 'regulation')]);
  const value = random.pick(HOSTILE_TEXT);
  writeFileSync(join(root, file), `${readFileSync(join(root, file), 'utf8')}\n${value}\n`);
  return { kind: 'body', file, value };
}

/** Appends the moved path to every ledger record whose current path starts with `from` (a page or a folder of pages). */
function moveLedgerPaths(root: string, from: string, to: string): void {
  const file = join(root, CONTENT_FILES.ledger.file);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const records = doc.get('records');
  if (!isSeq(records)) return;
  for (const record of records.items) {
    if (!isMap(record)) continue;
    const paths = record.get('paths');
    const current = isSeq(paths) ? paths.items.at(-1) : undefined;
    if (isSeq(paths) && isScalar(current) && typeof current.value === 'string' && current.value.startsWith(from)) {
      paths.add(doc.createNode(`${to}${current.value.slice(from.length)}`));
    }
  }
  writeFileSync(file, doc.toString());
}

function renameClause(root: string, random: Random): Mutation {
  const file = random.pick(entryFiles(root, 'clause'));
  const slug = random.pick(HOSTILE_SLUGS);
  const extension = file.endsWith('.mdx') ? '.mdx' : '.md';
  // Joined as a path, so a hostile slug such as `..` moves the file as the file system would.
  const target = join(dirname(file), `${slug}${extension}`);
  const key = entryKey('clause', file);
  const newKey = entryKey('clause', target);
  // The file system may refuse the name (too long): that is the outcome of this change.
  renameSync(join(root, file), join(root, target));
  moveLedgerPaths(root, routes.clause(key), routes.clause(newKey));
  return { kind: 'rename-clause', file: target, value: slug };
}

/** Renames a document: its file, its snapshot, clause and negative-finding folders, its ledger paths and the predecessor references to it. */
function renameDocument(root: string, random: Random): Mutation {
  const file = random.pick(entryFiles(root, 'document'));
  const key = entryKey('document', file);
  const [platform = ''] = key.split('/');
  const slug = random.pick(HOSTILE_SLUGS);
  const newKey = `${platform}/${slug}`;
  const target = contentFile('', 'document', newKey);
  renameSync(join(root, file), join(root, target));
  for (const kind of ['snapshot', 'clause', 'negative'] as const) {
    if (existsSync(contentFolder(root, kind, key))) renameSync(contentFolder(root, kind, key), contentFolder(root, kind, newKey));
  }
  for (const other of entryFiles(root, 'document')) {
    const path = join(root, other);
    writeFileSync(path, readFileSync(path, 'utf8').replace(new RegExp(`^predecessor: ${key}$`, 'm'), `predecessor: ${JSON.stringify(newKey)}`));
  }
  moveLedgerPaths(root, routes.document(key), routes.document(newKey));
  return { kind: 'rename-document', file: target, value: slug };
}

function renameClauseType(root: string, random: Random): Mutation {
  const file = random.pick(entryFiles(root, 'clauseType'));
  const key = entryKey('clauseType', file);
  const slug = random.pick(HOSTILE_SLUGS);
  const target = contentFile('', 'clauseType', slug);
  renameSync(join(root, file), join(root, target));
  for (const clause of entryFiles(root, 'clause')) {
    const path = join(root, clause);
    writeFileSync(path, readFileSync(path, 'utf8').replace(new RegExp(`^clause_type: ${key}$`, 'm'), `clause_type: ${JSON.stringify(slug)}`));
  }
  return { kind: 'rename-clause-type', file: target, value: slug };
}

/** A new capture one day after a document's latest, its text ending with a hostile line, hashed correctly. */
function addSnapshot(root: string, random: Random, now: Date): Mutation | undefined {
  const documents = [...new Set(entryFiles(root, 'snapshot').map((f) => dirname(f)))];
  const folder = random.pick(documents);
  const latest = filesUnder(root, folder, /\.md$/).at(-1);
  if (!latest) return undefined;
  const parts = splitSnapshotFile(readFileSync(join(root, latest)));
  if (!parts) return undefined;
  const front = parseDocument(parts.frontMatter).toJS() as SnapshotData;
  const instant = new Date(Date.parse(stampToInstant(latest.split('/').at(-1)?.replace(/\.md$/, '') ?? '')) + 86_400_000);
  if (instant > now) return undefined;
  const value = random.pick(HOSTILE_TEXT);
  const body = Buffer.from(`${parts.body.toString('utf8')}\n${value}\n`);
  const capturedAt = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const file = `${folder}/${instantToStamp(capturedAt)}.md`;
  const data: SnapshotData = { ...front, captured_at: capturedAt, sha256: sha256(body), substantive: true };
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), serializeSnapshot(data, body));
  return { kind: 'snapshot', file, value };
}

/** Kinds and their relative weights: most mutations are fields, where most of the surface is. */
const KINDS: readonly MutationKind[] = ['field', 'body', 'rename-clause', 'rename-document', 'rename-clause-type', 'snapshot'];
const WEIGHTS: readonly number[] = [10, 3, 2, 1, 1, 2];

/**
 * Applies one random mutation to the atlas at `root`. Returns undefined when
 * the drawn change could not be made (the file system refused a name, or there
 * was nothing to change): the caller simply draws again.
 */
export function mutateAtlas(root: string, random: Random, now: Date, kinds: readonly MutationKind[] = KINDS): Mutation | undefined {
  const kind = random.weighted(kinds, kinds.map((k) => WEIGHTS[KINDS.indexOf(k)] ?? 1));
  try {
    switch (kind) {
      case 'field':
        return mutateField(root, random);
      case 'body':
        return mutateBody(root, random);
      case 'rename-clause':
        return renameClause(root, random);
      case 'rename-document':
        return renameDocument(root, random);
      case 'rename-clause-type':
        return renameClauseType(root, random);
      case 'snapshot':
        return addSnapshot(root, random, now);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENAMETOOLONG') return undefined;
    throw error;
  }
}
