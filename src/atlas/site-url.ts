/** Absolute URLs of site paths, built on site.url (a base path in it is kept). Every export, feed, citation and page head uses this one rule. */
import type { Site } from '../schema/site.ts';

export function siteUrl(atlas: { site: Pick<Site, 'url'> }, path: string): string {
  return `${atlas.site.url.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
