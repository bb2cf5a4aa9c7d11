/**
 * The open data: the JSON API, the clause dataset (JSON Lines and CSV) and its
 * data dictionary, as pure functions of the Atlas model. Routes only serialise
 * what these return. Lists are ordered by key with a plain code-unit
 * comparison (never locale-aware), histories oldest first, so the same content
 * gives the same bytes on every machine.
 */
import { routePattern, routes } from '../routes.ts';
import { siteUrl } from '../site-url.ts';
import { stringify } from 'csv-stringify/sync';
import { z } from 'astro/zod';
import { isoDate, isoInstant } from '../../schema/common.ts';
import {
  clauseRowSchema,
  type ApiClause,
  type ApiClauseType,
  type ApiDocument,
  type ApiIndex,
  type ApiNegative,
  type ApiPlatform,
  type ClauseRef,
  type ClauseRow,
  type ClauseTypeRef,
  type DocumentRef,
  type PlatformRef,
  type Rarity,
  type SnapshotRef,
} from '../../schema/export.ts';
import { clauseCitation, documentCitation, permanentUrl } from './citation.ts';
import { gradeBasisText, gradeBounds, gradeLabel, requiredDocumentTypes, severityPoints, type Grade } from '../model/grade.ts';
import { exportSchemas, jsonSchema, schemaNames, type ExportSchemaName, type JsonSchema } from './json-schema.ts';
import type { Atlas, ClauseRecord, ClauseTypeRecord, DocumentRecord, NegativeRecord, PlatformRecord, SnapshotView } from '../model/model.ts';
import { versionWords, versionContext } from './version-pages.ts';

/** Licences of what /data/ and /api/ publish. */
export const DATA_LICENCES = {
  /** Our analyses and computed facts. */
  analysis: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  /** The captured policy texts, from the Platform Governance Archive dataset. */
  snapshots: {
    name: 'ODC-BY 1.0',
    url: 'https://opendatacommons.org/licenses/by/1-0/',
    credit: 'Platform Governance Archive, University of Bremen, via Open Terms Archive',
  },
} as const;

/** Joins list fields in CSV cells; keys are slugs, so it never occurs inside one. */
export const CSV_LIST_SEPARATOR = ';';

type Context = Pick<Atlas, 'site' | 'dataAsOf'>;


/** Sorts by a key with a code-unit comparison, so the order never depends on the locale. */
function sortedBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
const byKey = <T extends { key: string }>(items: readonly T[]): T[] => sortedBy(items, (item) => item.key);
const bySlug = (platforms: readonly PlatformRecord[]): PlatformRecord[] => sortedBy(platforms, (p) => p.slug);

const platformRef = (atlas: Context, p: PlatformRecord): PlatformRef => ({
  key: p.slug,
  name: p.data.name,
  url: siteUrl(atlas, p.url),
  api_url: siteUrl(atlas, routes.apiPlatform(p.slug)),
});

const documentRef = (atlas: Context, d: DocumentRecord): DocumentRef => ({
  key: d.key,
  id: d.data.id,
  title: d.data.title,
  url: siteUrl(atlas, d.url),
  api_url: siteUrl(atlas, routes.apiDocument(d.key)),
});

const clauseRef = (atlas: Context, c: ClauseRecord): ClauseRef => ({
  key: c.key,
  id: c.data.id,
  title: c.data.title,
  severity: c.data.severity,
  url: siteUrl(atlas, c.url),
  api_url: siteUrl(atlas, routes.apiClause(c.key)),
});

const clauseTypeRef = (atlas: Context, t: ClauseTypeRecord): ClauseTypeRef => ({
  key: t.key,
  name: t.data.name,
  url: siteUrl(atlas, t.url),
  api_url: siteUrl(atlas, routes.apiClauseType(t.key)),
});

const snapshotRef = (atlas: Context, s: SnapshotView): SnapshotRef => ({
  document: s.documentKey,
  stamp: s.stamp,
  captured_at: s.capturedAt,
  sha256: s.data.sha256,
  archive_url: s.data.archive_url ?? null,
  raw_url: siteUrl(atlas, routes.snapshotText(s.documentKey, s.stamp)),
});

/** The formatted citations, without the model objects a Citation also carries. */
const citationOf = ({ apa, bluebook }: { apa: string; bluebook: string }) => ({ apa, bluebook });
/** Rarity with its label narrowed to the bands of rarity.ts. */
const rarityOf = ({ rarity }: ClauseTypeRecord): Rarity => ({
  platforms: rarity.platforms,
  has_not: rarity.hasNot,
  unknown: rarity.unknown,
  total: rarity.total,
  share: rarity.share,
  label: rarity.label as Rarity['label'],
});

const negativeOf = (n: NegativeRecord): ApiNegative => ({
  key: n.key,
  document: n.document.key,
  clause_type: n.clauseType.key,
  snapshot: n.data.snapshot,
  version: n.version?.stamp ?? null,
  checked_on: n.data.checked_on,
  note: n.data.note,
  changed_since: n.changedSince?.stamp ?? null,
});
const asList = (selectors: string | string[] | undefined): string[] => (selectors === undefined ? [] : typeof selectors === 'string' ? [selectors] : selectors);

/** Exports need every clause linked to its type; validation reports the file, this guards direct callers. */
function clauseTypeOf(clause: ClauseRecord): ClauseTypeRecord {
  if (!clause.clauseType) throw new Error(`${clause.file} clause_type: expected a clause type in content/clause-types/, found "${clause.data.clause_type}"`);
  return clause.clauseType;
}

function gradeOf(grade: Grade): ApiPlatform['grade'] {
  return {
    letter: (grade.letter ?? null) as ApiPlatform['grade']['letter'],
    label: gradeLabel(grade),
    index: grade.index,
    points: grade.points,
    clauses: grade.clauses,
    basis: {
      summary: gradeBasisText(grade),
      documents: grade.basis.documents,
      document_types: [...grade.basis.documentTypes],
      missing_document_types: [...grade.basis.missingTypes],
    },
  };
}

/** `/api/v1/index.json`. */
export function apiIndex(atlas: Atlas): ApiIndex {
  const { site } = atlas;
  return {
    site: { name: site.name, url: site.url, publisher: site.publisher, id_prefix: site.id_prefix },
    data_as_of: atlas.dataAsOf ?? null,
    counts: {
      platforms: atlas.platforms.length,
      documents: atlas.documents.length,
      snapshots: atlas.snapshots.length,
      clauses: atlas.clauses.length,
      negatives: atlas.negatives.length,
      clause_types: atlas.clauseTypes.length,
      regulations: atlas.regulations.length,
      agencies: atlas.agencies.length,
    },
    licences: DATA_LICENCES,
    downloads: {
      jsonl: siteUrl(atlas, routes.dataJsonl()),
      csv: siteUrl(atlas, routes.dataCsv()),
      schemas: Object.fromEntries(schemaNames.map((name) => [name, siteUrl(atlas, routes.schema(name))])),
    },
    grading: {
      severity_points: { ...severityPoints },
      bounds: gradeBounds.map(([grade, maxIndex]) => ({ grade, max_index: maxIndex })),
      required_document_types: [...requiredDocumentTypes],
    },
    platforms: bySlug(atlas.platforms).map((p) => ({ ...platformRef(atlas, p), grade: gradeOf(p.grade) })),
    documents: byKey(atlas.documents).map((item) => documentRef(atlas, item)),
    clauses: byKey(atlas.clauses).map((item) => clauseRef(atlas, item)),
    clause_types: byKey(atlas.clauseTypes).map((item) => clauseTypeRef(atlas, item)),
  };
}

/** `/api/v1/platforms/<platform>.json`. */
export function apiPlatform(atlas: Context, platform: PlatformRecord): ApiPlatform {
  const { data, grade } = platform;
  return {
    ...platformRef(atlas, platform),
    website: data.website ?? null,
    headquarters: data.headquarters ?? null,
    description: data.description ?? null,
    formerly: data.formerly.map(({ name, until }) => ({ name, until })),
    parent: data.parent ?? null,
    grade: gradeOf(grade),
    severity_counts: { ...platform.severityCounts },
    documents: byKey(platform.documents).map((item) => documentRef(atlas, item)),
    clauses: byKey(platform.clauses).map((item) => clauseRef(atlas, item)),
  };
}

/** `/api/v1/documents/<platform>/<document>.json`; needs the whole atlas for the diffs behind its word counts. */
export function apiDocument(atlas: Atlas, document: DocumentRecord): ApiDocument {
  const { data, facts } = document;
  return {
    ...documentRef(atlas, document),
    type: data.type,
    source_url: data.source_url ?? null,
    language: data.language,
    capture: data.capture ? { select: asList(data.capture.select), remove: asList(data.capture.remove) } : null,
    permanent_url: permanentUrl(atlas, data.id),
    platform: platformRef(atlas, document.platform),
    predecessor: document.predecessor ? documentRef(atlas, document.predecessor) : null,
    successor: document.successor ? documentRef(atlas, document.successor) : null,
    facts: {
      captures: facts.captures,
      versions: facts.versions,
      own_versions: facts.ownVersions,
      first_captured: facts.firstCaptured?.capturedOn ?? null,
      last_changed: facts.lastChanged?.capturedOn ?? null,
      last_verified: facts.lastVerified?.capturedOn ?? null,
      months_monitored: facts.monthsMonitored,
    },
    severity_counts: { ...document.severityCounts },
    clauses: byKey(document.clauses).map((item) => clauseRef(atlas, item)),
    negatives: byKey(document.negatives).map(negativeOf),
    versions: document.history.map((s) => {
      // Only a version is counted and compared with the one before; any other capture belongs to a version (its `version`), which carries the counts.
      const version = s.capture.kind === 'version';
      const diff = version ? versionContext(atlas, s).diff : undefined;
      return {
        ...snapshotRef(atlas, s),
        substantive: s.capture.kind === 'version',
        capture: s.capture.kind,
        version: s.capture.version.stamp,
        bytes: s.byteLength,
        words: version ? versionWords(atlas, s) : null,
        words_added: diff?.stats.addedWords ?? null,
        words_removed: diff?.stats.removedWords ?? null,
      };
    }),
    citation: citationOf(documentCitation(atlas, document)),
  };
}

/** `/api/v1/clauses/<platform>/<document>/<clause>.json`. */
export function apiClause(atlas: Context, clause: ClauseRecord): ApiClause {
  const { data, stability } = clause;
  const clauseType = clauseTypeOf(clause);
  return {
    ...clauseRef(atlas, clause),
    summary: data.summary,
    confidence: data.confidence,
    quote: data.quote,
    categories: [...data.categories],
    permanent_url: permanentUrl(atlas, data.id),
    source_link: clause.sourceLink ?? null,
    platform: platformRef(atlas, clause.platform),
    document: documentRef(atlas, clause.document),
    clause_type: { ...clauseTypeRef(atlas, clauseType), family: clauseType.data.family },
    rarity: rarityOf(clauseType),
    stability: {
      first_seen: stability.firstSeen?.capturedOn ?? null,
      last_seen: stability.lastSeen?.capturedOn ?? null,
      first_captured: stability.firstCaptured?.capturedOn ?? null,
      first_in_force: stability.firstInForce ?? null,
      exact_since: stability.exactSince?.capturedOn ?? null,
      substantially_since: stability.substantiallySince?.capturedOn ?? null,
      still_present: stability.stillPresent,
      gone_since: stability.goneSince?.capturedOn ?? null,
      changes: stability.changes,
      present_in: stability.presentIn,
      timeline: stability.timeline.map((event) => ({ kind: event.kind, ...snapshotRef(atlas, event.snapshot) })),
    },
    cited_snapshot: clause.citedSnapshot ? snapshotRef(atlas, clause.citedSnapshot) : null,
    regulations: clause.regulations.map((r) => ({
      key: r.key,
      name: r.data.name,
      short_name: r.data.short_name,
      citation: r.data.citation,
      jurisdiction_code: r.data.jurisdiction_code,
      official_url: r.data.official_url,
      url: siteUrl(atlas, r.url),
      reviewed_on: r.data.reviewed_on,
    })),
    agencies: clause.agencies.map((a) => ({
      key: a.key,
      name: a.data.name,
      short_name: a.data.short_name,
      jurisdiction_code: a.data.jurisdiction_code,
      where_to_file: a.data.where_to_file.url,
      url: siteUrl(atlas, a.url),
      reviewed_on: a.data.reviewed_on,
    })),
    peers: byKey(clause.peers).map((item) => clauseRef(atlas, item)),
    peer_count: clause.peerCount,
    siblings: byKey(clause.siblings).map((item) => clauseRef(atlas, item)),
    related: byKey(clause.related).map((item) => clauseRef(atlas, item)),
    secondary_types: byKey(clause.secondaryTypes).map((item) => clauseTypeRef(atlas, item)),
    analysis: { written_on: data.written_on ?? null, reviewed_on: data.reviewed_on ?? null, contributors: [...data.contributors] },
    citation: citationOf(clauseCitation(atlas, clause)),
  };
}

/** `/api/v1/clause-types/<type>.json`. */
export function apiClauseType(atlas: Context, clauseType: ClauseTypeRecord): ApiClauseType {
  const { data } = clauseType;
  return {
    ...clauseTypeRef(atlas, clauseType),
    family: data.family,
    description: data.description,
    severity_guide: { ...data.severity_guide },
    rarity: rarityOf(clauseType),
    severity_counts: { ...clauseType.severityCounts },
    platforms: bySlug(clauseType.platforms).map((p) => platformRef(atlas, p)),
    clauses: byKey(clauseType.clauses).map((item) => clauseRef(atlas, item)),
    core: data.core,
    negatives: byKey(clauseType.negatives).map(negativeOf),
  };
}

/** One flat record per clause, by key: the lines of atlas.jsonl and the rows of clauses.csv. */
export function clauseRows(atlas: Context & Pick<Atlas, 'clauses'>): ClauseRow[] {
  return byKey(atlas.clauses).map((clause): ClauseRow => {
    const { data, stability, citedSnapshot } = clause;
    const clauseType = clauseTypeOf(clause);
    const cited = citedSnapshot ? snapshotRef(atlas, citedSnapshot) : undefined;
    return {
      id: data.id,
      key: clause.key,
      platform: clause.platform.slug,
      platform_name: clause.platform.data.name,
      document: clause.document.key,
      document_id: clause.document.data.id,
      document_title: clause.document.data.title,
      document_type: clause.document.data.type,
      title: data.title,
      summary: data.summary,
      clause_type: clauseType.key,
      clause_type_name: clauseType.data.name,
      clause_type_family: clauseType.data.family,
      severity: data.severity,
      confidence: data.confidence,
      quote: data.quote,
      regulations: [...data.regulations],
      agencies: [...data.agencies],
      categories: [...data.categories],
      rarity: rarityOf(clauseType).label,
      rarity_platforms: clauseType.rarity.platforms,
      rarity_has_not: clauseType.rarity.hasNot,
      rarity_unknown: clauseType.rarity.unknown,
      rarity_total: clauseType.rarity.total,
      first_seen: stability.firstSeen?.capturedOn ?? null,
      last_seen: stability.lastSeen?.capturedOn ?? null,
      still_present: stability.stillPresent,
      gone_since: stability.goneSince?.capturedOn ?? null,
      changes: stability.changes,
      present_in: stability.presentIn,
      cited_stamp: cited?.stamp ?? null,
      cited_captured_at: cited?.captured_at ?? null,
      cited_sha256: cited?.sha256 ?? null,
      cited_archive_url: cited?.archive_url ?? null,
      cited_raw_url: cited?.raw_url ?? null,
      source_link: clause.sourceLink ?? null,
      url: siteUrl(atlas, clause.url),
      permanent_url: permanentUrl(atlas, data.id),
      api_url: siteUrl(atlas, routes.apiClause(clause.key)),
      peers: byKey(clause.peers).map((peer) => peer.key),
      peer_count: clause.peerCount,
    };
  });
}

/** `/data/atlas.jsonl`: one JSON object per line, `\n` line ends, a final newline. */
export function clausesJsonl(atlas: Context & Pick<Atlas, 'clauses'>): string {
  return clauseRows(atlas)
    .map((row) => `${JSON.stringify(row)}\n`)
    .join('');
}

/** The CSV columns, in the schema's field order. */
export const clauseColumns = Object.keys(clauseRowSchema.shape) as Array<keyof ClauseRow>;

function csvCell(value: ClauseRow[keyof ClauseRow]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(CSV_LIST_SEPARATOR);
  return String(value);
}

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP,
 * "CSV Injection"): `=`, `+`, `-`, `@`, tab, carriage return, and the full-width
 * forms csv-stringify also escapes.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * `/data/clauses.csv`: RFC 4180 (CRLF line ends, quotes only where needed), a
 * header row, lists joined with `;`, null as an empty cell. A cell that would
 * start a formula gets a leading `'` and quotes, as OWASP recommends, so
 * spreadsheets show it as text; atlas.jsonl keeps the exact values.
 */
export function clausesCsv(atlas: Context & Pick<Atlas, 'clauses'>): string {
  const records = clauseRows(atlas).map((row) => clauseColumns.map((column) => csvCell(row[column])));
  // csv-stringify only quotes the configured record delimiter; RFC 4180 wants any line break inside a field quoted.
  return stringify(records, {
    header: true,
    columns: clauseColumns,
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: [/[\r\n]/, CSV_FORMULA_START],
  });
}

/** One row of the data dictionary shown on /data/. */
export interface FieldDoc {
  /** The published file(s) the field appears in. */
  file: string;
  /** Dotted path; `[]` marks the items of a list. */
  field: string;
  /** JSON type, read from the generated JSON Schema. */
  type: string;
  description: string;
}

/** Where each export shape is published, as readers see the paths. */
export const exportFiles: Record<ExportSchemaName, string> = {
  'api-index': routes.apiIndex(),
  'api-platform': routePattern(routes.apiPlatform, 'platform'),
  'api-document': routePattern(routes.apiDocument, 'platform/document'),
  'api-clause': routePattern(routes.apiClause, 'platform/document/clause'),
  'api-clause-type': routePattern(routes.apiClauseType, 'type'),
  'clause-row': `${routes.dataJsonl()}, ${routes.dataCsv()}`,
};

/** Patterns the generated schemas use for dates, so the dictionary can name them. */
const patternNames = new Map<unknown, string>([
  [z.toJSONSchema(isoDate).pattern, 'date (YYYY-MM-DD)'],
  [z.toJSONSchema(isoInstant).pattern, 'date-time (UTC)'],
]);
/** Enums longer than this are shown as their base type; the description names the vocabulary. */
const MAX_LISTED_VALUES = 8;

const asSchemas = (value: unknown): JsonSchema[] => (Array.isArray(value) ? (value as JsonSchema[]) : []);

function typeName(schema: JsonSchema): string {
  const anyOf = asSchemas(schema.anyOf);
  if (anyOf.length) return anyOf.map(typeName).join(' | ');
  const [first] = asSchemas(schema.allOf);
  if (first) return typeName(first);
  if (Array.isArray(schema.enum) && schema.enum.length <= MAX_LISTED_VALUES) return schema.enum.map(String).join(' | ');
  if (Array.isArray(schema.type)) return schema.type.map((type) => typeName({ ...schema, type })).join(' | ');
  if (schema.type === 'array') return `list of ${typeName(schema.items as JsonSchema)}`;
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') return `map of ${typeName(schema.additionalProperties as JsonSchema)}`;
  if (schema.type === 'string' && schema.format === 'uri') return 'URL';
  if (schema.type === 'string') return patternNames.get(schema.pattern) ?? 'string';
  return String(schema.type);
}

/** The object whose fields a field holds, through nullability and lists. */
function nestedObject(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  if (schema.type === 'array') return nestedObject(schema.items as JsonSchema);
  return asSchemas(schema.anyOf).map(nestedObject).find(Boolean);
}

function fieldsOf(file: string, schema: JsonSchema, prefix: string): FieldDoc[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const nested = nestedObject(field);
    const row: FieldDoc = { file, field: path, type: typeName(field), description: String(field.description ?? '') };
    return nested ? [row, ...fieldsOf(file, nested, `${path}${field.type === 'array' ? '[]' : ''}.`)] : [row];
  });
}

/** The data dictionary: every field of every published shape, described from the export schemas. */
export function fieldDocs(): FieldDoc[] {
  return (Object.keys(exportSchemas) as ExportSchemaName[]).flatMap((name) => fieldsOf(exportFiles[name], jsonSchema(name), ''));
}
