/**
 * The Atlas model for the site, loaded once per build at module scope and
 * shared by every route. Validation already ran in the build's integration.
 */
import { contentRoot, loadAtlasOnce } from '../atlas/index.ts';

export const atlas = loadAtlasOnce(contentRoot()).atlas;
