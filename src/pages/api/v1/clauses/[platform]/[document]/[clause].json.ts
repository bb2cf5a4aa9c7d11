/** `/api/v1/clauses/<platform>/<document>/<clause>.json`: a clause analysis with every computed fact. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiClause } from '../../../../../../atlas/outputs/exports.ts';
import type { ClauseRecord } from '../../../../../../atlas/model/model.ts';
import { atlas } from '../../../../../../lib/atlas.ts';
import { jsonResponse } from '../../../../../../lib/data-response.ts';

export const getStaticPaths = (() =>
  atlas.clauses.map((clause) => ({ params: { platform: clause.platform.slug, document: clause.document.slug, clause: clause.slug }, props: { clause } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ clause: ClauseRecord }> = ({ props }) => jsonResponse(apiClause(atlas, props.clause));
