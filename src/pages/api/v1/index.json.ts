/** `/api/v1/index.json`: what the atlas holds and where each record is. */
import type { APIRoute } from 'astro';
import { apiIndex } from '../../../atlas/outputs/exports.ts';
import { atlas } from '../../../lib/atlas.ts';
import { jsonResponse } from '../../../lib/data-response.ts';

export const GET: APIRoute = () => jsonResponse(apiIndex(atlas));
