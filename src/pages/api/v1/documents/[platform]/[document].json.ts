/** `/api/v1/documents/<platform>/<document>.json`: a document with its version history and computed facts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiDocument } from '../../../../../atlas/outputs/exports.ts';
import type { DocumentRecord } from '../../../../../atlas/model/model.ts';
import { atlas } from '../../../../../lib/atlas.ts';
import { jsonResponse } from '../../../../../lib/data-response.ts';

export const getStaticPaths = (() =>
  atlas.documents.map((document) => ({ params: { platform: document.platform.slug, document: document.slug }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: DocumentRecord }> = ({ props }) => jsonResponse(apiDocument(atlas, props.document));
