/**
 * `npm run new`: create a platform, document, clause or negative finding entry. Everything is
 * checked before anything is written — slugs, the option values against the
 * same schemas the validator uses, that the platform, document and clause
 * type referred to exist (with a "did you mean" for near misses), that no
 * entry and no ledger path is taken — and a refusal writes nothing.
 * Documents and clauses get the next free record ID (withdrawn IDs, IDs
 * already written in entries and IDs ever committed to the ledger count, so
 * none is reused); the entry is written exclusively, then its record is
 * appended to the ledger atomically, and the entry is removed again if that
 * append fails. Picking the ID and appending its record happen under the
 * ledger lock (scripts/lib/ledger-lock.ts), so concurrent runs never share an ID or lose
 * a record.
 */
import { CONTENT_LAYOUT, contentFile, contentFolder } from '../../../src/atlas/reading/content-layout.ts';
import { routes } from '../../../src/atlas/routes.ts';
import { access, mkdir, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ZodType } from 'astro/zod';
import { appendLedgerRecords, LEDGER_FILE, nextRecordNumber, readLedgerFile } from '../../../src/atlas/reading/ledger-file.ts';
import { clauseSchema } from '../../../src/schema/clause.ts';
import { slug as slugSchema, text } from '../../../src/schema/common.ts';
import { documentSchema, documentTypes } from '../../../src/schema/document.ts';
import type { LedgerRecord } from '../../../src/schema/ledger.ts';
import { platformSchema } from '../../../src/schema/platform.ts';
import { formatRecordId, type RecordKind } from '../../../src/schema/record-id.ts';
import { FileExistsError, writeFileExclusive } from '../../../src/support/atomic-write.ts';
import { ContentFolder, displayPath, NewEntryError } from './content-folder.ts';
import { closestName } from '../../../src/atlas/checks/suggest.ts';
import { clauseEntry, documentEntry, negativeEntry, platformEntry } from './templates.ts';
import { withLedgerLock } from '../ledger-lock.ts';

/** What was written and what the contributor should do next. */
export interface Created {
  /** Display path of the new entry. */
  path: string;
  /** Record ID of a new document or clause. */
  id?: string;
  /** Display path of the ledger, when a record was appended to it. */
  ledger?: string;
  /** What is still to fill in or do, one line each. */
  next: string[];
}

/** Checks an option's value against a schema field; the message names the option, what was expected and what was found. */
function checkValue<T>(option: string, schema: ZodType<T, unknown>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const expected = issue?.code === 'invalid_value' ? `one of ${issue.values.join(', ')}` : (issue?.message ?? 'a valid value');
  throw new NewEntryError(`${option}: expected ${expected}, found ${JSON.stringify(value)}`);
}

/** Splits `<platform>/<document>[/<clause>]` into slugs, one per expected part. */
function splitReference(value: string, parts: string[]): string[] {
  const segments = value.split('/');
  const shape = parts.map((part) => `<${part}>`).join('/');
  if (segments.length !== parts.length) throw new NewEntryError(`${shape}: expected ${parts.length} slugs joined by /, found ${JSON.stringify(value)}`);
  segments.forEach((segment, i) => checkValue(`<${parts[i] ?? 'slug'}>`, slugSchema, segment));
  return segments;
}

/** Throws unless `value` is one of `known`, suggesting the closest one. */
function requireKnown(what: string, value: string, known: readonly string[], otherwise: string): void {
  if (known.includes(value)) return;
  const suggestion = closestName(value, known);
  throw new NewEntryError(`unknown ${what} \`${value}\`: ${suggestion === undefined ? otherwise : `did you mean \`${suggestion}\`?`}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Throws if any of the paths exists: an entry is never overwritten. */
async function requireFree(paths: string[]): Promise<void> {
  for (const path of paths) if (await exists(path)) throw new FileExistsError(displayPath(path));
}

/** Works out the ledger record of a new document or clause: the next free ID, and a site path no record has had. */
async function planRecord(folder: ContentFolder, kind: RecordKind, sitePath: string): Promise<{ ledgerPath: string; record: LedgerRecord }> {
  const ledgerPath = folder.path(LEDGER_FILE);
  const ledger = await readLedgerFile(ledgerPath);
  if (ledger.problems.length > 0) throw new NewEntryError(`${ledger.problems[0] ?? ledgerPath} (fix the ledger first)`);
  const owner = ledger.ledger.records.find((record) => record.paths.includes(sitePath));
  if (owner) {
    throw new NewEntryError(`${displayPath(ledgerPath)}: expected the path ${sitePath} to be unused, found it in record ${owner.id} (ledger paths keep resolving forever; choose another slug)`);
  }
  const prefix = await folder.idPrefix();
  const used = [...(await folder.recordIdsInEntries()), ...(await folder.recordIdsInLedgerHistory())];
  const id = formatRecordId(kind, nextRecordNumber(ledger.ledger, kind, used), prefix);
  return { ledgerPath, record: { id, kind, paths: [sitePath] } };
}

/** Writes the entry (never over an existing file), then appends its ledger record; undoes the entry if the append fails. */
async function writeEntry(path: string, text: string, ledger?: { ledgerPath: string; record: LedgerRecord }): Promise<void> {
  try {
    await writeFileExclusive(path, text);
  } catch (error) {
    if (error instanceof FileExistsError) throw new FileExistsError(displayPath(path));
    throw error;
  }
  if (!ledger) return;
  try {
    await appendLedgerRecords(ledger.ledgerPath, [ledger.record]);
  } catch (error) {
    await unlink(path);
    throw error;
  }
}

export interface NewPlatformOptions {
  content: string;
  slug: string;
  name: string;
  website?: string | undefined;
  headquarters?: string | undefined;
}

/** `content/platforms/<slug>.yaml`. */
export async function newPlatform(options: NewPlatformOptions): Promise<Created> {
  const folder = new ContentFolder(options.content);
  const [slug = ''] = splitReference(options.slug, ['platform']);
  const name = checkValue('--name', platformSchema.shape.name, options.name);
  const website = options.website === undefined ? undefined : checkValue('--website', platformSchema.shape.website, options.website);
  const headquarters = options.headquarters === undefined ? undefined : checkValue('--headquarters', platformSchema.shape.headquarters, options.headquarters.toUpperCase());
  const path = contentFile(folder.root, 'platform', slug);
  await requireFree([path]);
  await writeEntry(path, platformEntry({ name, website, headquarters }));
  const fill = ['description', ...(website === undefined ? ['website'] : []), ...(headquarters === undefined ? ['headquarters'] : [])];
  return {
    path: displayPath(path),
    next: [
      `fill in ${fill.join(', ')} in ${displayPath(path)}`,
      `add its documents: npm run new -- document ${slug}/<document> --title "…" --type "Privacy Policy" --source-url <url>`,
    ],
  };
}

export interface NewDocumentOptions {
  content: string;
  /** `<platform>/<slug>`. */
  ref: string;
  title: string;
  type: string;
  sourceUrl: string;
  language?: string | undefined;
  select?: string | undefined;
}

/** `content/documents/<platform>/<slug>.yaml`, with a ledger record. */
export async function newDocument(options: NewDocumentOptions): Promise<Created> {
  const folder = new ContentFolder(options.content);
  const [platform = '', slug = ''] = splitReference(options.ref, ['platform', 'document']);
  requireKnown('platform', platform, await folder.platforms(), `create it first with npm run new -- platform ${platform} --name "…"`);
  const title = checkValue('--title', documentSchema.shape.title, options.title);
  requireKnown('document type', options.type, documentTypes, `expected a type from the Open Terms Archive vocabulary, such as ${documentTypes.slice(0, 3).map((t) => `\`${t}\``).join(', ')}`);
  const sourceUrl = checkValue('--source-url', documentSchema.shape.source_url.unwrap(), options.sourceUrl);
  const language = checkValue('--language', documentSchema.shape.language, options.language ?? 'en');
  const select = checkValue('--select', text, options.select ?? 'main');
  const path = contentFile(folder.root, 'document', `${platform}/${slug}`);
  await requireFree([path]);
  const ledger = await withLedgerLock(folder.root, async () => {
    const planned = await planRecord(folder, 'document', routes.document(`${platform}/${slug}`));
    await writeEntry(path, documentEntry({ id: planned.record.id, title, type: options.type, sourceUrl, language, select }), planned);
    return planned;
  });
  return {
    path: displayPath(path),
    id: ledger.record.id,
    ledger: displayPath(ledger.ledgerPath),
    next: [
      `check capture.select (${JSON.stringify(select)}) against ${sourceUrl}; add capture.remove or predecessor if they apply`,
      `add its snapshots under ${displayPath(contentFolder(folder.root, 'snapshot', `${platform}/${slug}`))}/ (e.g. npm run import:ota)`,
      `analyse its clauses: npm run new -- clause ${platform}/${slug}/<clause> --type <clause-type>`,
    ],
  };
}

export interface NewClauseOptions {
  content: string;
  /** `<platform>/<document>/<slug>`. */
  ref: string;
  clauseType?: string | undefined;
  severity?: string | undefined;
  confidence?: string | undefined;
  /** The day the analysis is written (YYYY-MM-DD); today in UTC when left out. */
  today?: string | undefined;
}

/** `content/clauses/<platform>/<document>/<slug>.md`, with a ledger record. */
export async function newClause(options: NewClauseOptions): Promise<Created> {
  const folder = new ContentFolder(options.content);
  const [platform = '', document = '', slug = ''] = splitReference(options.ref, ['platform', 'document', 'clause']);
  requireKnown('platform', platform, await folder.platforms(), `create it first with npm run new -- platform ${platform} --name "…"`);
  const documentKey = `${platform}/${document}`;
  requireKnown('document', documentKey, await folder.documents(), `create it first with npm run new -- document ${documentKey} --title "…" --type "…" --source-url <url>`);
  if (options.clauseType !== undefined) {
    const known = await folder.clauseTypes();
    requireKnown('clause type', options.clauseType, known, `expected a key in ${displayPath(contentFolder(folder.root, 'clauseType'))}/ (${known.join(', ')})`);
  }
  const severity = options.severity === undefined ? undefined : checkValue('--severity', clauseSchema.shape.severity, options.severity);
  const confidence = options.confidence === undefined ? undefined : checkValue('--confidence', clauseSchema.shape.confidence, options.confidence);
  const key = `${platform}/${document}/${slug}`;
  const path = contentFile(folder.root, 'clause', key);
  await requireFree(CONTENT_LAYOUT.clause.extensions.map((extension) => contentFile(folder.root, 'clause', key, extension)));
  const snapshot = await folder.newestSnapshot(documentKey);
  const quoteSource = snapshot === undefined ? undefined : displayPath(snapshot);
  const ledger = await withLedgerLock(folder.root, async () => {
    const planned = await planRecord(folder, 'clause', routes.clause(`${platform}/${document}/${slug}`));
    await writeEntry(path, clauseEntry({ id: planned.record.id, clauseType: options.clauseType, severity, confidence, quoteSource, writtenOn: options.today ?? new Date().toISOString().slice(0, 10) }), planned);
    return planned;
  });
  const fill = [
    'title',
    'summary',
    ...(options.clauseType === undefined ? ['clause_type'] : []),
    ...(severity === undefined ? ['severity'] : []),
    ...(confidence === undefined ? ['confidence'] : []),
  ];
  return {
    path: displayPath(path),
    id: ledger.record.id,
    ledger: displayPath(ledger.ledgerPath),
    next: [
      `fill in ${fill.join(', ')}`,
      quoteSource === undefined
        ? `quote: ${documentKey} has no snapshots yet; add one, then copy the clause's words verbatim from it`
        : `quote: copy the clause's words verbatim from ${quoteSource}`,
      'write What it is, Why it matters and Consumer impact in place of their <!-- hints -->; write the Interpretive note or delete it',
      'add regulations, agencies and categories that apply',
      'npm run validate names what is still to fill in (run it again after each fix)',
    ],
  };
}

export interface NewNegativeOptions {
  content: string;
  /** `<platform>/<document>/<clause-type>`. */
  ref: string;
}

/**
 * `content/negatives/<platform>/<document>/<clause-type>.yaml`, naming the
 * document's newest snapshot (no record ID: a negative finding is not a
 * permanent page). Refused when the document has no snapshot to read.
 */
export async function newNegative(options: NewNegativeOptions): Promise<Created> {
  const folder = new ContentFolder(options.content);
  const [platform = '', document = '', clauseType = ''] = splitReference(options.ref, ['platform', 'document', 'clause-type']);
  requireKnown('platform', platform, await folder.platforms(), `create it first with npm run new -- platform ${platform} --name "…"`);
  const documentKey = `${platform}/${document}`;
  requireKnown('document', documentKey, await folder.documents(), `create it first with npm run new -- document ${documentKey} --title "…" --type "…" --source-url <url>`);
  const types = await folder.clauseTypes();
  requireKnown('clause type', clauseType, types, `expected a key in ${displayPath(folder.path('clause-types'))}/ (${types.join(', ')})`);
  const snapshot = await folder.newestSnapshot(documentKey);
  if (snapshot === undefined) throw new NewEntryError(`${documentKey}: expected a snapshot to read, found none (capture one first with npm run capture -- ${documentKey})`);
  const path = folder.path('negatives', platform, document, `${clauseType}.yaml`);
  await requireFree([path]);
  await mkdir(folder.path('negatives', platform, document), { recursive: true });
  await writeEntry(path, negativeEntry({ snapshot: basename(snapshot, '.md') }));
  return {
    path: displayPath(path),
    next: [
      `read ${displayPath(snapshot)} in full and search it for the type's usual words; if it has such a clause, delete this file and write the clause instead`,
      'fill in checked_on (the day you read it) and note (one sentence, your own words)',
      'npm run validate names what is still to fill in',
    ],
  };
}
