/**
 * `content/ledger.yaml` on disk: every record ID ever published and every path
 * it has had (schema: src/schema/ledger.ts). The ledger is append-only: new
 * records are added after the existing ones, whose text is kept byte for byte
 * where the file's layout allows it (and always kept equal as data), and the
 * file is replaced atomically. A missing ledger is an empty one.
 */
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify, YAMLMap, YAMLSeq } from 'yaml';
import { writeFileAtomic } from '../../support/atomic-write.ts';
import { CONTENT_FILES } from './content-layout.ts';
import { formatFileProblem } from './problems.ts';
import { schemaProblem } from './schema-issue.ts';
import { ledgerSchema, type Ledger, type LedgerRecord } from '../../schema/ledger.ts';
import { recordKinds, type RecordKind } from '../../schema/record-id.ts';

/** The ledger's file name inside the content folder. */
export const LEDGER_FILE = CONTENT_FILES.ledger.file;

/** What `readLedgerFile` found. */
export interface LedgerFile {
  /** The file's path as given. */
  path: string;
  /** The parsed records; empty when the file is missing or has problems. */
  ledger: Ledger;
  /** The file's text, or null when it does not exist. */
  text: string | null;
  /** Problems, each written as `<path>: expected …, found …`; empty when the ledger is valid. */
  problems: string[];
}

const HEADER = [
  '# Every record ID ever published and every path it has had (schema: src/schema/ledger.ts).',
  '# Append-only: never edit or remove a record, never reuse an ID; withdraw a record instead.',
  '',
].join('\n');

/** Parses ledger text; problems name `path`. */
export function parseLedger(text: string, path: string): { ledger: Ledger; problems: string[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return { ledger: { records: [] }, problems: doc.errors.map((e) => `${path}: expected valid YAML, found ${e.message.split('\n')[0]}`) };
  }
  const input: unknown = doc.toJS() ?? { records: [] };
  const parsed = ledgerSchema.safeParse(input);
  if (!parsed.success) return { ledger: { records: [] }, problems: parsed.error.issues.map((issue) => formatFileProblem(schemaProblem(path, issue, input))) };
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.records.forEach((record, index) => {
    if (seen.has(record.id)) problems.push(`${path}: records.${index}.id: expected an ID used once, found ${record.id} again`);
    seen.add(record.id);
    if (record.id.split('-')[1] !== recordKinds[record.kind]) {
      problems.push(`${path}: records.${index}.kind: expected the kind its ID says (${record.id}), found ${record.kind}`);
    }
  });
  return { ledger: parsed.data, problems };
}

/** Reads and validates the ledger; a missing file is an empty ledger. */
export async function readLedgerFile(path: string): Promise<LedgerFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, ledger: { records: [] }, text: null, problems: [] };
    return { path, ledger: { records: [] }, text: null, problems: [`${path}: expected a readable file, found ${(error as Error).message}`] };
  }
  return { path, text, ...parseLedger(text, path) };
}

/** The number in a record ID (`CA-D-00042` → 42). */
export function recordNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}

/**
 * The next free record number of a kind: the highest number ever used + 1.
 * Withdrawn records count, so an ID is never reused; `alsoUsed` adds IDs found
 * elsewhere (e.g. in content files not yet in the ledger).
 */
export function nextRecordNumber(ledger: Ledger, kind: RecordKind, alsoUsed: Iterable<string> = []): number {
  const letter = recordKinds[kind];
  let max = 0;
  const ids = [...ledger.records.map((record) => record.id), ...alsoUsed];
  for (const id of ids) {
    if (id.split('-')[1] === letter) max = Math.max(max, recordNumber(id));
  }
  return max + 1;
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? indent + line : line))
    .join('\n');
}

/**
 * The ledger text with `records` appended. Existing text is kept byte for byte
 * when the records are a block list at the end of the file; otherwise the YAML
 * is re-emitted (comments kept) and checked to hold the same existing records.
 */
export function appendToLedgerText(text: string | null, records: LedgerRecord[]): string {
  if (text === null || text.trim() === '') return HEADER + stringify({ records }, { lineWidth: 0 });
  const before = parseLedger(text, LEDGER_FILE);
  if (before.problems.length > 0) throw new Error(before.problems.join('\n'));
  if (records.length === 0) return text;
  const expected = [...before.ledger.records, ...records];
  const holdsExpected = (candidate: string) => {
    const after = parseLedger(candidate, LEDGER_FILE);
    return after.problems.length === 0 && isDeepStrictEqual(after.ledger.records, expected);
  };

  const doc = parseDocument(text);
  const root = doc.contents;
  const seq = root instanceof YAMLMap ? root.get('records', true) : undefined;
  const lastKey = root instanceof YAMLMap ? root.items.at(-1)?.key : undefined;
  const isLastKey = lastKey !== undefined && String((lastKey as { value?: unknown }).value ?? lastKey) === 'records';
  if (seq instanceof YAMLSeq && !seq.flow && seq.items.length > 0 && isLastKey) {
    const indent = /^records:[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*([ \t]*)- /m.exec(text)?.[1];
    if (indent !== undefined) {
      const appended = (text.endsWith('\n') ? text : `${text}\n`) + indentLines(stringify(records, { lineWidth: 0 }), indent);
      if (holdsExpected(appended)) return appended;
    }
  }
  // Fallback: add to the parsed document and re-emit it.
  if (seq instanceof YAMLSeq) {
    if (seq.items.length === 0) seq.flow = false;
    for (const record of records) seq.add(doc.createNode(record));
  } else {
    doc.set('records', doc.createNode(expected));
  }
  const emitted = doc.toString({ lineWidth: 0 });
  if (!holdsExpected(emitted)) throw new Error('appending to the ledger would change its existing records; edit it by hand');
  return emitted;
}

/** Appends records to the ledger file and replaces it atomically (temp file + rename). */
export async function appendLedgerRecords(path: string, records: LedgerRecord[]): Promise<void> {
  if (records.length === 0) return;
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await writeFileAtomic(path, appendToLedgerText(text, records));
}
