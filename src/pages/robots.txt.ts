/** `/robots.txt`: crawlers may read everything; the sitemap is named by its absolute URL. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../atlas/outputs/sitemap.ts';
import { atlas } from '../lib/atlas.ts';
import { MEDIA_TYPES, textResponse } from '../lib/data-response.ts';

export const GET: APIRoute = () => textResponse(robotsTxt(atlas), MEDIA_TYPES.text);
