/** One platform's change feed (JSON Feed 1). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFile, feedResponse } from '../../../atlas/outputs/feeds.ts';
import type { PlatformRecord } from '../../../atlas/model/model.ts';
import { atlas } from '../../../lib/atlas.ts';

export const getStaticPaths = (() => atlas.platforms.map((platform) => ({ params: { platform: platform.slug }, props: { platform } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ platform: PlatformRecord }> = ({ props: { platform } }) => feedResponse(feedFile(atlas, 'json', platform));
