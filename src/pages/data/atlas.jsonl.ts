/** `/data/atlas.jsonl`: every clause with its computed facts, one JSON object per line. */
import type { APIRoute } from 'astro';
import { clausesJsonl } from '../../atlas/outputs/exports.ts';
import { atlas } from '../../lib/atlas.ts';
import { MEDIA_TYPES, textResponse } from '../../lib/data-response.ts';

export const GET: APIRoute = () => textResponse(clausesJsonl(atlas), MEDIA_TYPES.jsonl);
