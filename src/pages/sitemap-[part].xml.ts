/** `/sitemap-<n>.xml`: the parts of a sitemap too large for one file; none while it fits. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildSitemap } from '../atlas/outputs/sitemap.ts';
import { atlas } from '../lib/atlas.ts';
import { MEDIA_TYPES, textResponse } from '../lib/data-response.ts';

export const getStaticPaths = (() => buildSitemap(atlas).parts.map((body, i) => ({ params: { part: String(i + 1) }, props: { body } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) => textResponse(props.body, MEDIA_TYPES.xml);
