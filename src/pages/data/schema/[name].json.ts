/** `/data/schema/<name>.json`: JSON Schemas generated from the zod schemas, for content files and exports alike. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonSchema, schemaNames, type SchemaName } from '../../../atlas/outputs/json-schema.ts';
import { jsonResponse, MEDIA_TYPES } from '../../../lib/data-response.ts';

export const getStaticPaths = (() => schemaNames.map((name) => ({ params: { name }, props: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: SchemaName }> = ({ props }) => jsonResponse(jsonSchema(props.name), MEDIA_TYPES.schema);
