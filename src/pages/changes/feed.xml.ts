/** The whole atlas's change feed (RSS 2.0). */
import type { APIRoute } from 'astro';
import { feedFile, feedResponse } from '../../atlas/outputs/feeds.ts';
import { atlas } from '../../lib/atlas.ts';

export const GET: APIRoute = () => feedResponse(feedFile(atlas, 'rss'));
