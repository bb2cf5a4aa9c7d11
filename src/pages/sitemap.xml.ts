/** `/sitemap.xml`: every HTML page, or an index of the parts once there are more than 50,000. */
import type { APIRoute } from 'astro';
import { buildSitemap } from '../atlas/outputs/sitemap.ts';
import { atlas } from '../lib/atlas.ts';
import { MEDIA_TYPES, textResponse } from '../lib/data-response.ts';

export const GET: APIRoute = () => textResponse(buildSitemap(atlas).sitemap, MEDIA_TYPES.xml);
