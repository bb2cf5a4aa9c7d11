/**
 * Import of an Open Terms Archive collection (a dataset release or a clone of a
 * `*-versions` repository, read by import-ota/read.ts) into the atlas's content
 * folder. The CLI is scripts/import-ota.ts; this module plans and applies the
 * import as functions that return problems instead of exiting. The import map
 * is in import-ota/map.ts.
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
import { CONTENT_FILES, contentFile, contentFolder } from '../../src/atlas/reading/content-layout.ts';
import { routes } from '../../src/atlas/routes.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentSchema, documentTypes, type DocumentData } from '../../src/schema/document.ts';
import type { Platform } from '../../src/schema/platform.ts';
import { formatRecordId } from '../../src/schema/record-id.ts';
import { siteSchema } from '../../src/schema/site.ts';
import { snapshotSchema, type SnapshotData } from '../../src/schema/snapshot.ts';
import type { LedgerRecord } from '../../src/schema/ledger.ts';
import { appendLedgerRecords, LEDGER_FILE, nextRecordNumber, readLedgerFile } from '../../src/atlas/reading/ledger-file.ts';
import { recordIdsInLedgerHistory } from './ledger-history.ts';
import { withLedgerLock } from './ledger-lock.ts';
import { normalizeText } from '../../src/atlas/model/normalize.ts';
import { serializeSnapshot, sha256, splitSnapshotFile, stampToInstant } from '../../src/atlas/reading/snapshot-file.ts';
import { writeFileExclusive } from '../../src/support/atomic-write.ts';
import { kindOf, type DatasetTerms, type SkippedVersion } from './import-ota/dataset.ts';
import { existingDocumentIds, readExistingSnapshots } from './import-ota/existing.ts';
import { loadImportMap, type ImportDocument, type ImportMap } from './import-ota/map.ts';
import { describeIssue, fieldName } from './import-ota/messages.ts';
import { readKnownEntries } from './import-ota/known-entries.ts';
import { readDataset } from './import-ota/read.ts';
import { readYamlFile, yamlText } from './import-ota/yaml-file.ts';

export { readDataset } from './import-ota/read.ts';
export type { Dataset, DatasetService, DatasetTerms, DatasetVersion, SkippedVersion } from './import-ota/dataset.ts';
export { importDocumentSchema, importMapSchema, importServiceSchema, loadImportMap, writeImportMap, type ImportDocument, type ImportMap } from './import-ota/map.ts';
export { describeIssue } from './import-ota/messages.ts';

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
  /** `obtained.dataset` when there is no map (default: the README's first heading + ", via Open Terms Archive", else the dataset folder's name). */
  datasetCredit?: string;
  /** All or nothing: a version that cannot be imported is a problem instead of being skipped (default false). */
  strict?: boolean;
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
  /** Versions (or whole terms types) left out, with the reason; empty with `strict`, where they are problems. */
  skipped: SkippedVersion[];
  /** Fields of created entries that the dataset cannot tell, left for a person (`npm run validate` warns about them). */
  unrecorded: { path: string; fields: string[] }[];
  /** The import map this run used: the given one completed with what was derived for services and terms types it lacks. */
  map: ImportMap;
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
  /** SHA-256 of the normalised text: only equality is asked, and a digest keeps a long history's texts out of memory. */
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
    skipped: [],
    unrecorded: [],
    map: { dataset: '', services: {} },
  };
  const problems = plan.problems;

  // 1. Inputs: dataset, map, ledger.
  const dataset = await readDataset(options.datasetDir);
  problems.push(...dataset.problems);
  if (options.strict === true) problems.push(...dataset.skipped.map((s) => `${s.path}: ${s.reason}`));
  else plan.skipped.push(...dataset.skipped);
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
  // Without a map, the collection is credited by the name its README gives it, else by its folder name.
  const credit =
    map?.dataset ??
    options.datasetCredit ??
    (dataset.title !== undefined ? `${dataset.title}, via Open Terms Archive` : undefined) ??
    options.datasetDir.split(/[\\/]/).filter(Boolean).at(-1) ??
    'Open Terms Archive dataset';
  plan.map.dataset = credit;
  const skipTerms = (terms: DatasetTerms, reason: string) => {
    if (options.strict === true) problems.push(`${terms.dir}: ${reason}`);
    else plan.skipped.push({ path: terms.dir, reason });
  };

  // 2. Which platform and document each service / terms type becomes.
  const targets: TargetDocument[] = [];
  const targetsByKey = new Map<string, TargetDocument>();
  const platformsNeeded = new Map<string, { entry?: Platform; services: string[] }>();
  const known = await readKnownEntries(contentDir);
  for (const service of dataset.services) {
    const serviceMap = map?.services[service.name];
    const platform = serviceMap?.platform ?? defaultSlug(service.name);
    if (platform === '') {
      problems.push(`${service.dir}: expected a service name with letters or digits to make a platform slug of, found ${JSON.stringify(service.name)}; map it with services.${fieldName([service.name])}.platform`);
      continue;
    }
    // A guess would mint permanent record IDs for a history the atlas already keeps under another platform.
    const namedBy = serviceMap === undefined ? known.platformNamed(service.name) : undefined;
    if (namedBy !== undefined && namedBy.platform !== platform) {
      const reason = `expected a map entry for a service that platform ${namedBy.platform} is or was named (${JSON.stringify(namedBy.as)}), found none; map services.${fieldName([service.name])} to platform ${namedBy.platform} and its documents`;
      if (options.strict === true) problems.push(`${service.dir}: ${reason}`);
      else plan.skipped.push({ path: service.dir, reason });
      continue;
    }
    // Without a map entry the platform is the service under its own name; what the dataset cannot tell is left out.
    const platformExists = (await kindOf(contentFile(contentDir, 'platform', platform))) === 'file';
    const usedService = serviceMap ?? { platform, ...(platformExists ? {} : { platform_entry: { name: service.name, formerly: [] } }), documents: {} };
    plan.map.services[service.name] = { ...usedService, documents: { ...usedService.documents } };
    const targetsBefore = targets.length;

    for (const terms of service.terms) {
      if (!(documentTypes as readonly string[]).includes(terms.type)) {
        const near = documentTypes.find((t) => t.toLowerCase() === terms.type.toLowerCase().trim());
        skipTerms(
          terms,
          `expected a terms type of @opentermsarchive/terms-types as name${near ? ` (did you mean ${JSON.stringify(near)}?)` : ' (such as "Privacy Policy" or "Terms of Service")'}, found ${JSON.stringify(terms.type)}`,
        );
        continue;
      }
      const mapped = serviceMap?.documents[terms.type];
      const docSlug = mapped?.slug ?? defaultSlug(terms.type);
      const key = `${platform}/${docSlug}`;
      const path = contentFile(contentDir, 'document', `${platform}/${docSlug}`);
      const mapField = `services.${fieldName([service.name])}.documents.${fieldName([terms.type])}`;
      const target: TargetDocument = { key, platform, slug: docSlug, path, service: service.name, terms, ...(mapped ? { mapped, mapField } : {}) };
      const previous = targetsByKey.get(key);
      if (previous !== undefined) {
        problems.push(`${terms.dir}: expected each document to be imported from one folder, found ${key} also imported from ${previous.terms.dir}`);
        continue;
      }
      const read = await readYamlFile(path);
      const sameType = mapped === undefined && read.missing ? known.documentsOfType(platform, terms.type) : [];
      if (sameType.length > 0) {
        skipTerms(terms, `expected a map entry, because ${platform} already has ${sameType.map((d) => `${platform}/${d}`).join(', ')} of type ${JSON.stringify(terms.type)}, found none; map ${mapField} to that document's slug, or to a new one if it is another document`);
        continue;
      }
      // Without a map entry the document is named after the service and its terms type; source URL and capture are left out.
      const used: ImportDocument = mapped ?? { slug: docSlug, title: `${service.name} ${terms.type}`, language: 'en' };
      const mapDocuments = plan.map.services[service.name]?.documents;
      if (mapDocuments !== undefined) mapDocuments[terms.type] = used;
      if (read.missing) {
        target.create = {
          mapField,
          data: {
            title: used.title,
            type: terms.type,
            language: used.language,
            ...(used.source_url !== undefined ? { source_url: used.source_url } : {}),
            ...(used.capture !== undefined ? { capture: used.capture } : {}),
          },
        };
        const unknown = (['source_url', 'capture'] as const).filter((f) => used[f] === undefined);
        if (unknown.length > 0) plan.unrecorded.push({ path, fields: [...unknown] });
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
        if (mapped?.source_url !== undefined && mapped.source_url !== parsed.data.source_url) {
          plan.notes.push(`${path}: source_url is ${parsed.data.source_url} but the map says ${mapped.source_url}; snapshots use the entry's URL (the entry is not rewritten)`);
        }
      }
      targets.push(target);
      targetsByKey.set(key, target);
    }
    // A derived platform is created only for documents; a mapped one is checked even when its documents had problems.
    if (serviceMap === undefined && targets.length === targetsBefore) continue;
    const needed = platformsNeeded.get(platform) ?? { services: [] };
    needed.services.push(service.name);
    if (needed.entry === undefined && usedService.platform_entry !== undefined) needed.entry = usedService.platform_entry;
    platformsNeeded.set(platform, needed);
  }

  // 3. Platform entries.
  for (const [platform, needed] of platformsNeeded) {
    const path = contentFile(contentDir, 'platform', platform);
    if ((await kindOf(path)) === 'file') {
      plan.platforms.existing.push(path);
    } else if (needed.entry === undefined) {
      problems.push(
        `${mapFile}: ${needed.services.map((s) => `services.${fieldName([s])}`).join(', ')}: expected platform_entry (name, website, headquarters, description) because ${path} does not exist, found none`,
      );
    } else {
      const { formerly, ...rest } = needed.entry;
      plan.platforms.create.push({ path, data: yamlText(formerly.length > 0 ? { ...needed.entry } : rest) });
      const unknown = (['website', 'headquarters', 'description'] as const).filter((f) => needed.entry?.[f] === undefined);
      if (unknown.length > 0) plan.unrecorded.push({ path, fields: [...unknown] });
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
    const successorPath = contentFile(contentDir, 'document', `${successorPlatform}/${successorSlug}`);
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
    const sitePath = join(contentDir, CONTENT_FILES.site.file);
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
    const sitePath = routes.document(`${target.platform}/${target.slug}`);
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
    const existing = await readExistingSnapshots(contentFolder(contentDir, 'snapshot', `${platform}/${docSlug}`), problems);
    const byStamp = new Map<string, TimelineVersion>();
    for (const snapshot of existing) {
      byStamp.set(snapshot.stamp, {
        stamp: snapshot.stamp,
        normalized: sha256(normalizeText(snapshot.body.toString('utf8'))),
        existingPath: snapshot.path,
        ...(snapshot.substantive !== undefined ? { existingSubstantive: snapshot.substantive } : {}),
      });
    }
    for (const version of targetsByKey.get(key)?.terms.versions ?? []) {
      if (!byStamp.has(version.stamp)) byStamp.set(version.stamp, { stamp: version.stamp, normalized: sha256(normalizeText(version.bytes.toString('utf8'))) });
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
      const read = await readYamlFile(contentFile(contentDir, 'document', `${platform}/${docSlug}`));
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
    const sourceUrl = target.existing?.source_url ?? target.create?.data.source_url;
    const timeline = await fullTimeline(target.key);
    const indexOf = new Map(timeline.map((v, i) => [v.stamp, i]));
    const existingByStamp = new Map(
      (await readExistingSnapshots(contentFolder(contentDir, 'snapshot', `${target.platform}/${target.slug}`), [])).map((s) => [s.stamp, s]),
    );
    const newStamps = new Set<string>();
    for (const version of target.terms.versions) {
      const snapshotPath = contentFile(contentDir, 'snapshot', `${target.platform}/${target.slug}/${version.stamp}`);
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
        ...(sourceUrl !== undefined ? { source_url: sourceUrl, archive_url: archiveUrl(version.stamp, sourceUrl) } : {}),
        sha256: sha256(version.bytes),
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
    `skipped: ${plan.skipped.length} (versions, terms types or services that cannot be imported)`,
    `ledger: ${plan.ledger.append.length} record${plan.ledger.append.length === 1 ? '' : 's'} ${result.dryRun ? 'would be appended' : 'appended'} (${plan.ledger.path})`,
  ];
  return lines.join('\n');
}
