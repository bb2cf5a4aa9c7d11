/**
 * JSON Schemas of everything the atlas reads and publishes, generated from the
 * zod schemas so they can never drift from what the code checks: the content
 * files contributors write (src/schema/*.ts) and the open-data exports
 * (src/schema/export.ts). Published under /data/schema/<name>.json.
 */
import { z, type ZodType } from 'astro/zod';
import { agencySchema } from '../../schema/agency.ts';
import { clauseSchema } from '../../schema/clause.ts';
import { clauseTypeSchema } from '../../schema/clause-type.ts';
import { documentSchema } from '../../schema/document.ts';
import { apiClauseSchema, apiClauseTypeSchema, apiDocumentSchema, apiIndexSchema, apiPlatformSchema, clauseRowSchema } from '../../schema/export.ts';
import { ledgerSchema } from '../../schema/ledger.ts';
import { negativeSchema } from '../../schema/negative.ts';
import { platformSchema } from '../../schema/platform.ts';
import { regulationSchema } from '../../schema/regulation.ts';
import { snapshotSchema } from '../../schema/snapshot.ts';

/** A generated JSON Schema (draft-07) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

interface SchemaSource {
  title: string;
  description: string;
  schema: ZodType;
  /** `input` for files people write (a field with a default may be left out), `output` for what the atlas publishes. */
  io: 'input' | 'output';
}

/** Content files, as contributors write them. */
const contentSchemas = {
  platform: { title: 'Platform', description: 'content/platforms/<platform>.yaml', schema: platformSchema, io: 'input' },
  document: { title: 'Document', description: 'content/documents/<platform>/<document>.yaml', schema: documentSchema, io: 'input' },
  snapshot: { title: 'Snapshot front matter', description: 'Front matter of content/snapshots/<platform>/<document>/<stamp>.md', schema: snapshotSchema, io: 'input' },
  clause: { title: 'Clause front matter', description: 'Front matter of content/clauses/<platform>/<document>/<clause>.md', schema: clauseSchema, io: 'input' },
  'clause-type': { title: 'Clause type', description: 'content/clause-types/<type>.yaml', schema: clauseTypeSchema, io: 'input' },
  negative: { title: 'Negative finding', description: 'content/negatives/<platform>/<document>/<clause-type>.yaml', schema: negativeSchema, io: 'input' },
  regulation: { title: 'Regulation front matter', description: 'Front matter of content/regulations/<regulation>.md', schema: regulationSchema, io: 'input' },
  agency: { title: 'Agency', description: 'content/agencies/<agency>.yaml', schema: agencySchema, io: 'input' },
  ledger: { title: 'Ledger', description: 'content/ledger.yaml', schema: ledgerSchema, io: 'input' },
} satisfies Record<string, SchemaSource>;

/** Published records: the JSON API and the clause dataset. */
export const exportSchemas = {
  'api-index': { title: 'API index', description: 'What the atlas holds and where each record is.', schema: apiIndexSchema, io: 'output' },
  'api-platform': { title: 'API platform', description: 'A platform with its grade, documents and clauses.', schema: apiPlatformSchema, io: 'output' },
  'api-document': { title: 'API document', description: 'A document with its version history, computed facts and negative findings.', schema: apiDocumentSchema, io: 'output' },
  'api-clause': { title: 'API clause', description: 'A clause analysis with every computed fact.', schema: apiClauseSchema, io: 'output' },
  'api-clause-type': { title: 'API clause type', description: 'A clause type compared across platforms: its clauses, negative findings and has / has not / unknown counts.', schema: apiClauseTypeSchema, io: 'output' },
  'clause-row': { title: 'Clause row', description: 'One clause, flat: a line of atlas.jsonl and a row of clauses.csv.', schema: clauseRowSchema, io: 'output' },
} satisfies Record<string, SchemaSource>;

const schemaSources: Record<SchemaName, SchemaSource> = { ...contentSchemas, ...exportSchemas };

export type ExportSchemaName = keyof typeof exportSchemas;
export type SchemaName = keyof typeof contentSchemas | ExportSchemaName;
export const schemaNames = Object.keys(schemaSources) as SchemaName[];

/** The JSON Schema of one content file or export shape; self-contained (no $ref). */
export function jsonSchema(name: SchemaName): JsonSchema {
  const { title, description, schema, io } = schemaSources[name];
  // Reused parts are inlined (zod's default), so each field carries its own description.
  const { $schema, ...body } = z.toJSONSchema(schema, { target: 'draft-07', io, reused: 'inline' }) as JsonSchema;
  return { $schema, title, description, ...body };
}

/** Every schema by name, in publishing order. */
export function jsonSchemas(): Record<SchemaName, JsonSchema> {
  return Object.fromEntries(schemaNames.map((name) => [name, jsonSchema(name)])) as Record<SchemaName, JsonSchema>;
}
