/**
 * Import of an Open Terms Archive dataset (`<dataset>/<Service>/<Terms type>/<stamp>.md`)
 * into the atlas's content folder. The CLI is scripts/import-ota.ts; this module
 * holds the logic as functions that return problems instead of exiting.
 *
 * The import runs in two phases. `planImport` reads and validates everything
 * (dataset, map, site settings, ledger, existing entries and snapshots) and
 * works out every file to write; it writes nothing. `applyPlan` writes the
 * files, each atomically, and only when the plan has no problems. So bad input
 * never leaves a half-imported content folder, and a second run finds
 * everything already there and writes nothing.
 *
 * Rules:
 * - Platform and document entries are created only when missing; existing ones
 *   are never rewritten. A new document gets the next free document record ID
 *   from the ledger (withdrawn IDs count, so none is reused) and a ledger record.
 * - A snapshot is never overwritten. A snapshot already present with the same
 *   stamp and the same body bytes is skipped; with different body bytes it is a
 *   problem.
 * - `substantive` compares the normalised text (normalizeText) with the version
 *   before it in the document's whole history: already-present snapshots and new
 *   ones, and, before the document's own first version, its predecessor's
 *   history (so the first X version after the Twitter rename is not counted as a
 *   change when the text did not change). The first version of a history is
 *   substantive.
 * - A map document with `successor` makes the successor's entry name it as
 *   `predecessor`. When the successor entry already exists without that field,
 *   the import does not rewrite it: it reports the line to add by hand (a note,
 *   not a problem).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { z } from 'astro/zod';
import { parse as parseYaml, parseDocument, stringify } from 'yaml';
import { httpUrl, slug, text } from '../../src/schema/common.ts';
import { documentSchema, documentTypes, type DocumentData } from '../../src/schema/document.ts';
import { platformSchema, type Platform } from '../../src/schema/platform.ts';
import { formatRecordId } from '../../src/schema/record-id.ts';
import { siteSchema } from '../../src/schema/site.ts';
import { snapshotSchema, snapshotStamp, type SnapshotData } from '../../src/schema/snapshot.ts';
import type { LedgerRecord } from '../../src/schema/ledger.ts';
import { appendLedgerRecords, LEDGER_FILE, nextRecordNumber, readLedgerFile } from '../../src/atlas/ledger-file.ts';
import { recordIdsInLedgerHistory } from './ledger-history.ts';
import { withLedgerLock } from './ledger-lock.ts';
import { normalizeText } from '../../src/atlas/normalize.ts';
import { instantToStamp, serializeSnapshot, sha256, splitSnapshotFile, stampToInstant } from '../../src/atlas/snapshot-file.ts';
import { writeFileExclusive } from '../../src/atlas/atomic-write.ts';
import { issuePath, type SchemaIssue } from '../../src/atlas/schema-issue.ts';

// ---------------------------------------------------------------------------
// The import map

/** A `<platform>/<document>` reference, or a document slug of the same platform. */
const documentRef = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a document slug, or <platform>/<document> for another platform');

/** How one OTA terms type of a service becomes an atlas document. */
export const importDocumentSchema = z
  .object({
    /** Slug of the document (`content/documents/<platform>/<slug>.yaml`). */
    slug,
    /** Title of the document entry when it is created. */
    title: text,
    /** Where the platform publishes this text; used for the entry, each snapshot's `source_url` and its archive URL. */
    source_url: httpUrl,
    /** Language of the text (BCP 47), written to a created entry. */
    language: documentSchema.shape.language,
    /** Capture declaration written to a created entry (CSS `select`, optional `remove`). */
    capture: documentSchema.shape.capture,
    /**
     * The document whose history this one precedes: a slug of the same platform
     * or `<platform>/<document>`. That document's entry gets `predecessor: <platform>/<slug>`.
     */
    successor: documentRef.optional(),
  })
  .strict();

/** How one OTA service (a top-level dataset folder) maps onto the atlas. */
export const importServiceSchema = z
  .object({
    /** Slug of the platform the service's documents belong to (several services may share one, e.g. Twitter and X). */
    platform: slug,
    /** The platform entry to create when `content/platforms/<platform>.yaml` is missing; ignored otherwise. */
    platform_entry: platformSchema.optional(),
    /** The service's terms types (dataset sub-folder names, e.g. "Privacy Policy") and the documents they become. */
    // Keys go through a pipe so zod checks each one against the terms types (and
    // says which type was meant) instead of requiring every terms type as a key.
    documents: z.record(z.string().pipe(z.enum(documentTypes)), importDocumentSchema).default({}),
  })
  .strict();

/** An import map file such as `import/pga-v2.yaml`. */
export const importMapSchema = z
  .object({
    /** The dataset as it must be credited; written to every snapshot's `obtained.dataset`. */
    dataset: text,
    /** Dataset service folder names and how each maps onto the atlas. */
    services: z.record(z.string().min(1), importServiceSchema),
  })
  .strict();

export type ImportMap = z.infer<typeof importMapSchema>;
export type ImportDocument = z.infer<typeof importDocumentSchema>;

// ---------------------------------------------------------------------------
// Messages

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function fieldName(path: ReadonlyArray<string | number>): string {
  return path.map((part) => (typeof part === 'string' && !/^[\w-]+$/.test(part) ? JSON.stringify(part) : String(part))).join('.');
}

/** One zod issue as `<file>: <field>: expected …, found …`. */
export function describeIssue(file: string, issue: SchemaIssue, input: unknown): string {
  const path = issuePath(issue);
  const field = path.length > 0 ? `${fieldName(path)}: ` : '';
  const found = valueAt(input, path);
  const oneOf = (values: readonly unknown[], value: unknown) => {
    const options = values.length > 6 ? `a terms type of @opentermsarchive/terms-types such as "Privacy Policy" or "Terms of Service"` : `one of ${values.map((o) => JSON.stringify(o)).join(', ')}`;
    return `${file}: ${field}expected ${options}, found ${JSON.stringify(value)}`;
  };
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${file}: ${field}expected only known fields, found unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type':
      return `${file}: ${field}expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected}, found ${describeValue(found)}`;
    case 'invalid_value':
      return oneOf(issue.values, found);
    case 'invalid_key': {
      // A record key outside its enum (a terms type that does not exist): the key is what was found.
      const inner = issue.issues[0];
      if (inner?.code === 'invalid_value') return oneOf(inner.values, path.at(-1));
      return `${file}: ${field}expected ${inner?.message ?? issue.message}, found ${JSON.stringify(path.at(-1))}`;
    }
    case 'invalid_union':
      return `${file}: ${field}expected a CSS selector or a list of CSS selectors, found ${describeValue(found)}`;
    default:
      return `${file}: ${field}expected ${issue.message}, found ${describeValue(found)}`;
  }
}

// ---------------------------------------------------------------------------
// Reading inputs

/** Kind of what is at a path, or null when nothing is. */
async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return null;
  }
}

/** Reads a YAML file; problems name the file. `missing` is true when the file does not exist. */
async function readYamlFile(path: string): Promise<{ value?: unknown; missing?: true; problems: string[] }> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true, problems: [] };
    return { problems: [`${path}: expected a readable file, found ${(error as Error).message}`] };
  }
  const doc = parseDocument(source);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const line = e.linePos?.[0] ? ` (line ${e.linePos[0].line})` : '';
        return `${path}${line}: expected valid YAML, found ${e.message.split('\n')[0]}`;
      }),
    };
  }
  return { value: doc.toJS(), problems: [] };
}

/** Reads and validates an import map. */
export async function loadImportMap(path: string): Promise<{ map?: ImportMap; problems: string[] }> {
  const kind = await kindOf(path);
  if (kind !== 'file') return { problems: [`${path}: expected an import map file, found ${kind === null ? 'nothing at this path' : `a ${kind}`}`] };
  const read = await readYamlFile(path);
  if (read.problems.length > 0) return { problems: read.problems };
  const parsed = importMapSchema.safeParse(read.value ?? null);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => describeIssue(path, issue, read.value)) };
  return { map: parsed.data, problems: [] };
}

/** One version of a terms type in the dataset. */
export interface DatasetVersion {
  /** File-name stamp, e.g. 2024-02-21T12-36-13Z. */
  stamp: string;
  path: string;
  bytes: Buffer;
  text: string;
}

/** One terms-type folder of a service. */
export interface DatasetTerms {
  type: string;
  dir: string;
  /** Oldest first. */
  versions: DatasetVersion[];
}

/** One service folder of the dataset. */
export interface DatasetService {
  name: string;
  dir: string;
  terms: DatasetTerms[];
}

const STAMP_FILE = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.md$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Whether a stamp names a real instant (2024-02-30T… does not). */
function isRealStamp(stamp: string): boolean {
  try {
    return snapshotStamp.test(stamp) && instantToStamp(stampToInstant(stamp)) === stamp;
  } catch {
    return false;
  }
}

/** Reads the dataset folder; files directly inside it are ignored, entries whose name starts with "." too. */
export async function readDataset(dir: string): Promise<{ services: DatasetService[]; problems: string[] }> {
  const problems: string[] = [];
  const kind = await kindOf(dir);
  if (kind !== 'folder') {
    return { services: [], problems: [`${dir}: expected a dataset folder (<Service>/<Terms type>/<stamp>.md), found ${kind === null ? 'nothing at this path' : `a ${kind}`}`] };
  }
  const services: DatasetService[] = [];
  const top = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort(byName);
  for (const serviceEntry of top) {
    if (!serviceEntry.isDirectory()) continue; // SOURCE-README.md, SOURCE-LICENSE, …
    const serviceDir = join(dir, serviceEntry.name);
    const service: DatasetService = { name: serviceEntry.name, dir: serviceDir, terms: [] };
    const entries = (await readdir(serviceDir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort(byName);
    for (const entry of entries) {
      const termsDir = join(serviceDir, entry.name);
      if (!entry.isDirectory()) {
        problems.push(`${termsDir}: expected a terms-type folder (such as "Privacy Policy"), found a file`);
        continue;
      }
      const terms: DatasetTerms = { type: entry.name, dir: termsDir, versions: [] };
      const files = (await readdir(termsDir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort(byName);
      for (const file of files) {
        const path = join(termsDir, file.name);
        const stamp = STAMP_FILE.exec(file.name)?.[1];
        if (!file.isFile()) {
          problems.push(`${path}: expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md, found a ${file.isDirectory() ? 'folder' : 'special file'}`);
          continue;
        }
        if (stamp === undefined || !isRealStamp(stamp)) {
          problems.push(`${path}: expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md with a real UTC date and time, found ${JSON.stringify(file.name)}`);
          continue;
        }
        const bytes = await readFile(path);
        if (bytes.length === 0) {
          problems.push(`${path}: expected the text of a version, found an empty file`);
          continue;
        }
        let decoded: string;
        try {
          decoded = utf8.decode(bytes);
        } catch {
          problems.push(`${path}: expected UTF-8 text, found bytes that are not valid UTF-8`);
          continue;
        }
        if (decoded.trim() === '') {
          problems.push(`${path}: expected the text of a version, found only whitespace`);
          continue;
        }
        terms.versions.push({ stamp, path, bytes, text: decoded });
      }
      if (files.length === 0) problems.push(`${termsDir}: expected at least one version file <YYYY-MM-DDTHH-MM-SSZ>.md, found an empty folder`);
      service.terms.push(terms);
    }
    if (entries.length === 0) problems.push(`${serviceDir}: expected at least one terms-type folder (such as "Privacy Policy"), found an empty folder`);
    services.push(service);
  }
  if (services.length === 0) problems.push(`${dir}: expected at least one service folder, found none`);
  return { services, problems };
}

// ---------------------------------------------------------------------------
// Planning

export interface ImportOptions {
  /** The OTA dataset folder. */
  datasetDir: string;
  /** The atlas content folder (default `content`). */
  contentDir?: string;
  /** The import map file; without it every service and document must already have entries. */
  mapFile?: string | undefined;
  /** `obtained.tool` of written snapshots (default `clause-atlas import-ota <package.json version>`). */
  tool?: string;
  /** `obtained.dataset` when there is no map (default: the dataset folder's name). */
  datasetCredit?: string;
}

/** A file the import writes. */
export interface PlannedFile {
  path: string;
  data: Buffer | string;
}

/** Everything an import would do; `problems` non-empty means it must not be applied. */
export interface ImportPlan {
  problems: string[];
  /** Things the import does not do itself and a person should (e.g. a predecessor line to add). */
  notes: string[];
  platforms: { create: PlannedFile[]; existing: string[] };
  documents: { create: PlannedFile[]; existing: string[] };
  snapshots: { create: PlannedFile[]; existing: string[] };
  ledger: { path: string; append: LedgerRecord[] };
}

/** `Privacy Policy` → `privacy-policy`: the slug used when there is no map entry. */
export function defaultSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The default `obtained.tool`, from the package.json next to the scripts folder. */
export async function defaultTool(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return `clause-atlas import-ota ${pkg.version ?? '0.0.0'}`;
}

/** The Wayback Machine URL of `sourceUrl` nearest to a stamp. */
export function archiveUrl(stamp: string, sourceUrl: string): string {
  return `https://web.archive.org/web/${stamp.replace(/\D/g, '')}/${sourceUrl}`;
}

function yamlText(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}

/** One document this run deals with (created or existing). */
interface TargetDocument {
  key: string; // <platform>/<slug>
  platform: string;
  slug: string;
  path: string;
  service: string;
  terms: DatasetTerms;
  /** Set when the entry is created by this run. */
  create?: { data: Omit<DocumentData, 'id'>; mapField: string };
  /** The parsed entry when it exists already. */
  existing?: DocumentData;
  /** The map entry, when there is one. */
  mapped?: ImportDocument;
  mapField?: string;
}

/** A version in a document's timeline. */
interface TimelineVersion {
  stamp: string;
  normalized: string;
  /** Path of an already-present snapshot, when the version is one. */
  existingPath?: string;
  existingSubstantive?: boolean;
}

/** Reads and validates all input and works out what to write. Writes nothing. */
export async function planImport(options: ImportOptions): Promise<ImportPlan> {
  const contentDir = options.contentDir ?? 'content';
  const ledgerPath = join(contentDir, LEDGER_FILE);
  const plan: ImportPlan = {
    problems: [],
    notes: [],
    platforms: { create: [], existing: [] },
    documents: { create: [], existing: [] },
    snapshots: { create: [], existing: [] },
    ledger: { path: ledgerPath, append: [] },
  };
  const problems = plan.problems;

  // 1. Inputs: dataset, map, ledger.
  const dataset = await readDataset(options.datasetDir);
  problems.push(...dataset.problems);
  let map: ImportMap | undefined;
  if (options.mapFile !== undefined) {
    const loaded = await loadImportMap(options.mapFile);
    problems.push(...loaded.problems);
    map = loaded.map;
    if (map === undefined) return plan; // without a valid map nothing else can be checked meaningfully
  }
  const mapFile = options.mapFile ?? '(no --map given)';
  const ledgerFile = await readLedgerFile(ledgerPath);
  problems.push(...ledgerFile.problems);
  const tool = options.tool ?? (await defaultTool());
  const credit = map?.dataset ?? options.datasetCredit ?? options.datasetDir.split(/[\\/]/).filter(Boolean).at(-1) ?? 'Open Terms Archive dataset';

  // 2. Which platform and document each service / terms type becomes.
  const targets: TargetDocument[] = [];
  const targetsByKey = new Map<string, TargetDocument>();
  const platformsNeeded = new Map<string, { entry?: Platform; services: string[] }>();
  for (const service of dataset.services) {
    const serviceMap = map?.services[service.name];
    const platform = serviceMap?.platform ?? defaultSlug(service.name);
    const platformPath = join(contentDir, 'platforms', `${platform}.yaml`);
    const platformExists = (await kindOf(platformPath)) === 'file';
    if (serviceMap === undefined && !platformExists) {
      problems.push(
        `${service.dir}: expected service ${JSON.stringify(service.name)} in the import map ${mapFile} or an existing ${platformPath}, found neither; add services.${JSON.stringify(service.name)} (platform, platform_entry, documents) to the map`,
      );
      continue;
    }
    const needed = platformsNeeded.get(platform) ?? { services: [] };
    needed.services.push(service.name);
    if (needed.entry === undefined && serviceMap?.platform_entry !== undefined) needed.entry = serviceMap.platform_entry;
    platformsNeeded.set(platform, needed);

    for (const terms of service.terms) {
      if (!(documentTypes as readonly string[]).includes(terms.type)) {
        const near = documentTypes.find((t) => t.toLowerCase() === terms.type.toLowerCase().trim());
        problems.push(
          `${terms.dir}: expected a terms type of @opentermsarchive/terms-types as folder name${near ? ` (did you mean ${JSON.stringify(near)}?)` : ' (such as "Privacy Policy" or "Terms of Service")'}, found ${JSON.stringify(terms.type)}`,
        );
        continue;
      }
      const mapped = serviceMap?.documents[terms.type];
      const docSlug = mapped?.slug ?? defaultSlug(terms.type);
      const key = `${platform}/${docSlug}`;
      const path = join(contentDir, 'documents', platform, `${docSlug}.yaml`);
      const mapField = `services.${fieldName([service.name])}.documents.${fieldName([terms.type])}`;
      const target: TargetDocument = { key, platform, slug: docSlug, path, service: service.name, terms, ...(mapped ? { mapped, mapField } : {}) };
      const previous = targetsByKey.get(key);
      if (previous !== undefined) {
        problems.push(`${terms.dir}: expected each document to be imported from one folder, found ${key} also imported from ${previous.terms.dir}`);
        continue;
      }
      const read = await readYamlFile(path);
      if (read.missing) {
        if (mapped === undefined) {
          problems.push(
            `${terms.dir}: expected ${mapField} in the import map ${mapFile} or an existing ${path}, found neither; add ${mapField} (slug, title, source_url, capture) to the map`,
          );
          continue;
        }
        target.create = {
          mapField,
          data: {
            title: mapped.title,
            type: terms.type,
            source_url: mapped.source_url,
            language: mapped.language,
            capture: mapped.capture,
          },
        };
      } else if (read.problems.length > 0) {
        problems.push(...read.problems);
        continue;
      } else {
        const parsed = documentSchema.safeParse(read.value ?? null);
        if (!parsed.success) {
          problems.push(...parsed.error.issues.map((issue) => describeIssue(path, issue, read.value)));
          continue;
        }
        target.existing = parsed.data;
        if (parsed.data.type !== terms.type) {
          problems.push(`${path}: type: expected ${JSON.stringify(terms.type)} (the dataset folder ${terms.dir}), found ${JSON.stringify(parsed.data.type)}`);
        }
        if (mapped !== undefined && mapped.source_url !== parsed.data.source_url) {
          plan.notes.push(`${path}: source_url is ${parsed.data.source_url} but the map says ${mapped.source_url}; snapshots use the entry's URL (the entry is not rewritten)`);
        }
      }
      targets.push(target);
      targetsByKey.set(key, target);
    }
  }

  // 3. Platform entries.
  for (const [platform, needed] of platformsNeeded) {
    const path = join(contentDir, 'platforms', `${platform}.yaml`);
    if ((await kindOf(path)) === 'file') {
      plan.platforms.existing.push(path);
    } else if (needed.entry === undefined) {
      problems.push(
        `${mapFile}: ${needed.services.map((s) => `services.${fieldName([s])}`).join(', ')}: expected platform_entry (name, website, headquarters, description) because ${path} does not exist, found none`,
      );
    } else {
      const { formerly, ...rest } = needed.entry;
      plan.platforms.create.push({ path, data: yamlText(formerly.length > 0 ? { ...needed.entry } : rest) });
    }
  }

  // 4. Successors: the successor entry names this document as its predecessor.
  const predecessorOf = new Map<string, string>();
  for (const target of targets) {
    const successorRef = target.mapped?.successor;
    if (successorRef === undefined) continue;
    const successorKey = successorRef.includes('/') ? successorRef : `${target.platform}/${successorRef}`;
    const field = `${mapFile}: ${target.mapField}.successor`;
    if (successorKey === target.key) {
      problems.push(`${field}: expected another document, found the document itself (${successorKey})`);
      continue;
    }
    if (predecessorOf.has(successorKey)) {
      problems.push(`${field}: expected one predecessor per document, found ${successorKey} also succeeding ${predecessorOf.get(successorKey)}`);
      continue;
    }
    predecessorOf.set(successorKey, target.key);
    const [successorPlatform = '', successorSlug = ''] = successorKey.split('/');
    const successorPath = join(contentDir, 'documents', successorPlatform, `${successorSlug}.yaml`);
    const successor = targetsByKey.get(successorKey);
    if (successor?.create !== undefined) {
      successor.create.data.predecessor = target.key;
      continue;
    }
    let existing = successor?.existing;
    if (successor === undefined) {
      const read = await readYamlFile(successorPath);
      if (read.missing) {
        problems.push(`${field}: expected ${successorKey} to exist (${successorPath}) or to be imported in this run, found neither`);
        continue;
      }
      const parsed = documentSchema.safeParse(read.value ?? null);
      if (read.problems.length > 0 || !parsed.success) {
        problems.push(...read.problems, ...(parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(successorPath, issue, read.value))));
        continue;
      }
      existing = parsed.data;
    }
    if (existing === undefined) continue; // the successor had its own problem above
    if (existing.predecessor === undefined) {
      plan.notes.push(`${successorPath}: add \`predecessor: ${target.key}\` by hand (existing entries are never rewritten by the import)`);
    } else if (existing.predecessor !== target.key) {
      problems.push(`${successorPath}: predecessor: expected ${target.key} (${field}), found ${existing.predecessor}`);
    }
  }

  // 5. Record IDs for new documents, from the ledger and every existing document entry.
  const ledger = ledgerFile.ledger;
  const existingIds = [...(await existingDocumentIds(contentDir)), ...(await recordIdsInLedgerHistory(contentDir))];
  const ledgerIds = new Set(ledger.records.map((r) => r.id));
  const pathOwner = new Map<string, string>();
  for (const record of ledger.records) for (const p of record.paths) pathOwner.set(p, record.id);
  const creating = targets.filter((t) => t.create !== undefined);
  let site: { id_prefix: string } | undefined;
  if (creating.length > 0) {
    const sitePath = join(contentDir, 'site.yaml');
    const read = await readYamlFile(sitePath);
    if (read.missing) problems.push(`${sitePath}: expected the site settings (id_prefix names new record IDs), found nothing at this path`);
    else if (read.problems.length > 0) problems.push(...read.problems);
    else {
      const parsed = siteSchema.safeParse(read.value ?? null);
      if (parsed.success) site = parsed.data;
      else problems.push(...parsed.error.issues.map((issue) => describeIssue(sitePath, issue, read.value)));
    }
  }
  let next = nextRecordNumber(ledger, 'document', existingIds);
  for (const target of targets) {
    const sitePath = `/platform/${target.platform}/${target.slug}/`;
    if (target.create !== undefined) {
      const owner = pathOwner.get(sitePath);
      if (owner !== undefined) {
        problems.push(`${ledgerPath}: expected the path ${sitePath} of the new document ${target.key} to be unused, found it in record ${owner} (ledger paths keep resolving forever; choose another slug)`);
        continue;
      }
      if (site === undefined) continue;
      const id = formatRecordId('document', next, site.id_prefix);
      next += 1;
      const parsed = documentSchema.safeParse({ id, ...target.create.data });
      if (!parsed.success) {
        const input = { id, ...target.create.data };
        problems.push(...parsed.error.issues.map((issue) => describeIssue(`${mapFile}: ${target.create?.mapField ?? target.key}`, issue, input)));
        continue;
      }
      const { predecessor, ...rest } = parsed.data;
      plan.documents.create.push({ path: target.path, data: yamlText(predecessor === undefined ? rest : { ...rest, predecessor }) });
      plan.ledger.append.push({ id, kind: 'document', paths: [sitePath] });
    } else if (target.existing !== undefined) {
      plan.documents.existing.push(target.path);
      if (!ledgerIds.has(target.existing.id)) {
        plan.ledger.append.push({ id: target.existing.id, kind: 'document', paths: [sitePath] });
        plan.notes.push(`${ledgerPath}: ${target.existing.id} of ${target.path} was missing from the ledger; its record is appended`);
      }
    }
  }

  // 6. Snapshots.
  for (const target of targets) {
    const predecessor = target.create?.data.predecessor ?? target.existing?.predecessor;
    if (predecessor !== undefined) predecessorOf.set(target.key, predecessor);
  }
  const timelines = new Map<string, TimelineVersion[]>();
  const ownTimeline = async (key: string): Promise<TimelineVersion[]> => {
    const cached = timelines.get(key);
    if (cached !== undefined) return cached;
    const [platform = '', docSlug = ''] = key.split('/');
    const existing = await readExistingSnapshots(join(contentDir, 'snapshots', platform, docSlug), problems);
    const byStamp = new Map<string, TimelineVersion>();
    for (const snapshot of existing) {
      byStamp.set(snapshot.stamp, {
        stamp: snapshot.stamp,
        normalized: normalizeText(snapshot.body.toString('utf8')),
        existingPath: snapshot.path,
        ...(snapshot.substantive !== undefined ? { existingSubstantive: snapshot.substantive } : {}),
      });
    }
    for (const version of targetsByKey.get(key)?.terms.versions ?? []) {
      if (!byStamp.has(version.stamp)) byStamp.set(version.stamp, { stamp: version.stamp, normalized: normalizeText(version.text) });
    }
    const timeline = [...byStamp.values()].sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
    timelines.set(key, timeline);
    return timeline;
  };
  const fullTimeline = async (key: string, seen: Set<string> = new Set()): Promise<TimelineVersion[]> => {
    seen.add(key);
    const own = await ownTimeline(key);
    let predecessor = predecessorOf.get(key);
    if (predecessor === undefined && !targetsByKey.has(key)) {
      const [platform = '', docSlug = ''] = key.split('/');
      const read = await readYamlFile(join(contentDir, 'documents', platform, `${docSlug}.yaml`));
      const value = read.value as { predecessor?: unknown } | undefined;
      if (typeof value?.predecessor === 'string') predecessor = value.predecessor;
    }
    if (predecessor === undefined || seen.has(predecessor) || own.length === 0) return own;
    const first = own[0]?.stamp ?? '';
    const earlier = (await fullTimeline(predecessor, seen)).filter((v) => v.stamp < first);
    return [...earlier, ...own];
  };

  for (const target of targets) {
    if (target.create === undefined && target.existing === undefined) continue;
    const sourceUrl = target.existing?.source_url ?? target.create?.data.source_url ?? '';
    const timeline = await fullTimeline(target.key);
    const indexOf = new Map(timeline.map((v, i) => [v.stamp, i]));
    const existingByStamp = new Map(
      (await readExistingSnapshots(join(contentDir, 'snapshots', target.platform, target.slug), [])).map((s) => [s.stamp, s]),
    );
    const newStamps = new Set<string>();
    for (const version of target.terms.versions) {
      const snapshotPath = join(contentDir, 'snapshots', target.platform, target.slug, `${version.stamp}.md`);
      const present = existingByStamp.get(version.stamp);
      if (present !== undefined) {
        if (present.body.equals(version.bytes)) plan.snapshots.existing.push(snapshotPath);
        else {
          problems.push(
            `${snapshotPath}: expected the same body as ${version.path} (sha256 ${sha256(version.bytes)}), found different bytes (sha256 ${sha256(present.body)}); a snapshot is never overwritten`,
          );
        }
        continue;
      }
      const index = indexOf.get(version.stamp) ?? 0;
      const previous = index > 0 ? timeline[index - 1] : undefined;
      const current = timeline[index];
      const data: SnapshotData = {
        captured_at: stampToInstant(version.stamp),
        source_url: sourceUrl,
        sha256: sha256(version.bytes),
        archive_url: archiveUrl(version.stamp, sourceUrl),
        obtained: { method: 'import', tool, dataset: credit },
        substantive: previous === undefined || previous.normalized !== current?.normalized,
      };
      const checked = snapshotSchema.safeParse(data);
      if (!checked.success) {
        problems.push(...checked.error.issues.map((issue) => describeIssue(`${snapshotPath} (from ${version.path})`, issue, data)));
        continue;
      }
      const file = serializeSnapshot(checked.data, version.bytes);
      const split = splitSnapshotFile(file);
      if (split === null || !split.body.equals(version.bytes)) {
        problems.push(`${version.path}: expected text that can be stored as a snapshot body byte for byte, found text that cannot`);
        continue;
      }
      plan.snapshots.create.push({ path: snapshotPath, data: file });
      newStamps.add(version.stamp);
    }
    // A snapshot inserted before an already-present one may change that one's flag; it is never rewritten.
    timeline.forEach((version, i) => {
      const previous = timeline[i - 1];
      if (version.existingPath === undefined || previous === undefined || !newStamps.has(previous.stamp)) return;
      const substantive = previous.normalized !== version.normalized;
      if (version.existingSubstantive !== undefined && version.existingSubstantive !== substantive) {
        plan.notes.push(`${version.existingPath}: substantive is ${version.existingSubstantive} but is ${substantive} now that an earlier version was imported; snapshots are never rewritten, change it by hand if wanted`);
      }
    });
  }
  return plan;
}

/** IDs of every existing document entry under `<content>/documents/`. */
async function existingDocumentIds(contentDir: string): Promise<string[]> {
  const ids: string[] = [];
  const root = join(contentDir, 'documents');
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

interface ExistingSnapshot {
  stamp: string;
  path: string;
  body: Buffer;
  substantive?: boolean;
}

/** The snapshots already in a document's snapshot folder; unreadable ones are problems. */
async function readExistingSnapshots(dir: string, problems: string[]): Promise<ExistingSnapshot[]> {
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

// ---------------------------------------------------------------------------
// Applying

/** Writes a plan with no problems: entries and snapshots exclusively (never overwriting), the ledger atomically. Returns the paths written. */
export async function applyPlan(plan: ImportPlan): Promise<string[]> {
  if (plan.problems.length > 0) throw new Error('refusing to apply an import plan that has problems');
  const written: string[] = [];
  for (const file of [...plan.platforms.create, ...plan.documents.create]) {
    await writeFileExclusive(file.path, file.data);
    written.push(file.path);
  }
  if (plan.ledger.append.length > 0) {
    await appendLedgerRecords(plan.ledger.path, plan.ledger.append);
    written.push(plan.ledger.path);
  }
  for (const file of plan.snapshots.create) {
    await writeFileExclusive(file.path, file.data);
    written.push(file.path);
  }
  return written;
}

/** The result of `importOta`. */
export interface ImportResult {
  plan: ImportPlan;
  /** Files written (empty on a dry run or when there are problems). */
  written: string[];
  dryRun: boolean;
}

/** Plans the import and, unless it is a dry run or has problems, applies it. */
export async function importOta(options: ImportOptions & { dryRun?: boolean }): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  const run = async (): Promise<ImportResult> => {
    const plan = await planImport(options);
    if (plan.problems.length > 0 || dryRun) return { plan, written: [], dryRun };
    return { plan, written: await applyPlan(plan), dryRun };
  };
  // The IDs a plan picks stay free only while no other run appends to the ledger (scripts/lib/ledger-lock.ts).
  return dryRun ? run() : withLedgerLock(options.contentDir ?? 'content', run);
}

/** A short human summary of an import result. */
export function summarize(result: ImportResult): string {
  const { plan } = result;
  const verb = result.dryRun ? 'would be created' : 'created';
  const lines = [
    `platforms: ${plan.platforms.create.length} ${verb}, ${plan.platforms.existing.length} already present`,
    `documents: ${plan.documents.create.length} ${verb}, ${plan.documents.existing.length} already present`,
    `snapshots: ${plan.snapshots.create.length} ${result.dryRun ? 'would be written' : 'written'}, ${plan.snapshots.existing.length} already present (skipped)`,
    `ledger: ${plan.ledger.append.length} record${plan.ledger.append.length === 1 ? '' : 's'} ${result.dryRun ? 'would be appended' : 'appended'} (${plan.ledger.path})`,
  ];
  return lines.join('\n');
}
