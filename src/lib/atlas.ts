/**
 * The Atlas model for the site, loaded once per build at module scope and
 * shared by every route. Validation already ran in the build's integration.
 */
import { contentRoot, loadAtlas } from '../atlas/index.ts';

export const atlas = loadAtlas(contentRoot()).atlas;
