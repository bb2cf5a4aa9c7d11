/** The whole atlas's change feed (JSON Feed 1). */
import type { APIRoute } from 'astro';
import { feedFile, feedResponse } from '../../atlas/outputs/feeds.ts';
import { atlas } from '../../lib/atlas.ts';

export const GET: APIRoute = () => feedResponse(feedFile(atlas, 'json'));
