/** `/data/clauses.csv`: the clause dataset as RFC 4180 CSV, one row per clause. */
import type { APIRoute } from 'astro';
import { clausesCsv } from '../../atlas/outputs/exports.ts';
import { atlas } from '../../lib/atlas.ts';
import { MEDIA_TYPES, textResponse } from '../../lib/data-response.ts';

export const GET: APIRoute = () => textResponse(clausesCsv(atlas), MEDIA_TYPES.csv);
