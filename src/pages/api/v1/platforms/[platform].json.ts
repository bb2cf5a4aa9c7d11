/** `/api/v1/platforms/<platform>.json`: a platform with its grade, documents and clauses. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiPlatform } from '../../../../atlas/outputs/exports.ts';
import type { PlatformRecord } from '../../../../atlas/model/model.ts';
import { atlas } from '../../../../lib/atlas.ts';
import { jsonResponse } from '../../../../lib/data-response.ts';

export const getStaticPaths = (() => atlas.platforms.map((platform) => ({ params: { platform: platform.slug }, props: { platform } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ platform: PlatformRecord }> = ({ props }) => jsonResponse(apiPlatform(atlas, props.platform));
