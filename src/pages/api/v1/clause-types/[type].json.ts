/** `/api/v1/clause-types/<type>.json`: a clause type compared across platforms. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiClauseType } from '../../../../atlas/outputs/exports.ts';
import type { ClauseTypeRecord } from '../../../../atlas/model/model.ts';
import { atlas } from '../../../../lib/atlas.ts';
import { jsonResponse } from '../../../../lib/data-response.ts';

export const getStaticPaths = (() => atlas.clauseTypes.map((clauseType) => ({ params: { type: clauseType.key }, props: { clauseType } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ clauseType: ClauseTypeRecord }> = ({ props }) => jsonResponse(apiClauseType(atlas, props.clauseType));
