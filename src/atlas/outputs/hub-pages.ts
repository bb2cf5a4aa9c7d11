/**
 * Hub pages that do not grow with the atlas. A regulation or agency page lists
 * the clauses it bears on, and a clause type compares every platform; at
 * 10,000 clauses such a list alone weighed close to a megabyte (issue 17: a
 * regulation page of 961 KB at 4,000 clauses). Each list is split into pages
 * of a fixed length: the hub's own page shows the first, and further pages
 * live under it (`/regulations/gdpr/clauses/2/`, `/clause-types/x/platforms/2/`).
 * With at most HUB_CLAUSES_PER_PAGE clauses (about 0.5 KB of HTML each) or
 * HUB_PLATFORMS_PER_PAGE platform rows, a page stays far under the 200 KB
 * the issue sets for any page at 10,000 clauses.
 */
import type { AgencyRecord, Atlas, ClauseRecord, ClauseTypeRecord, PlatformRecord, RegulationRecord } from '../model/model.ts';
import { routes } from '../routes.ts';

/** Clauses on one page of a regulation's or agency's list. */
export const HUB_CLAUSES_PER_PAGE = 100;
/** Platform rows on one page of a clause type's comparison. */
export const HUB_PLATFORMS_PER_PAGE = 50;

/** One page of a list: its items, its number (from 1), how many pages and items there are, and the index of its first item. */
export interface ListPage<T> {
  items: T[];
  number: number;
  pages: number;
  total: number;
  start: number;
}

/** How many pages `total` items fill, `size` to a page; never fewer than one. */
function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Page `number` (from 1) of `items`, `size` to a page; a list of nothing has one empty page. Throws on a page that does not exist. */
export function listPage<T>(items: readonly T[], number: number, size: number): ListPage<T> {
  const pages = pageCount(items.length, size);
  if (!Number.isInteger(number) || number < 1 || number > pages) throw new RangeError(`list page ${number}: expected 1 to ${pages}`);
  const start = (number - 1) * size;
  return { items: items.slice(start, start + size), number, pages, total: items.length, start };
}

/** A hub whose list is paged: the hub record's URL, the folder its further pages go in, and the list. */
export type PagedHub =
  | { kind: 'regulation'; record: RegulationRecord; list: 'clauses'; items: ClauseRecord[]; size: number }
  | { kind: 'agency'; record: AgencyRecord; list: 'clauses'; items: ClauseRecord[]; size: number }
  | { kind: 'clause-type'; record: ClauseTypeRecord; list: 'platforms'; items: PlatformRecord[]; size: number };

export function regulationHub(record: RegulationRecord): PagedHub {
  return { kind: 'regulation', record, list: 'clauses', items: record.clauses, size: HUB_CLAUSES_PER_PAGE };
}
export function agencyHub(record: AgencyRecord): PagedHub {
  return { kind: 'agency', record, list: 'clauses', items: record.clauses, size: HUB_CLAUSES_PER_PAGE };
}
/** A clause type's comparison lists every tracked platform, with the type's clauses or none. */
export function clauseTypeHub(record: ClauseTypeRecord, platforms: PlatformRecord[]): PagedHub {
  return { kind: 'clause-type', record, list: 'platforms', items: platforms, size: HUB_PLATFORMS_PER_PAGE };
}

/** The path of page `number` of a hub's list: the hub's own page for the first. */
export function hubPagePath(hub: PagedHub, number: number): string {
  return routes.listPage(hub.record.url, hub.list, number);
}

/** Every paged hub of the atlas. */
export function pagedHubs(atlas: Atlas): PagedHub[] {
  return [...atlas.regulations.map(regulationHub), ...atlas.agencies.map(agencyHub), ...atlas.clauseTypes.map((t) => clauseTypeHub(t, atlas.platforms))];
}

/** The further pages (2 and on) of every hub, or of every hub of one kind (for a route's getStaticPaths). */
export function furtherHubPages(atlas: Atlas, kind?: PagedHub['kind']): Array<{ hub: PagedHub; number: number }> {
  const pages: Array<{ hub: PagedHub; number: number }> = [];
  for (const hub of pagedHubs(atlas)) {
    if (kind && hub.kind !== kind) continue;
    for (let number = 2; number <= pageCount(hub.items.length, hub.size); number++) pages.push({ hub, number });
  }
  return pages;
}

/**
 * The static paths of the route for further pages of one kind of hub:
 * `param` is the route's segment holding the hub's key (`[agency]`,
 * `[regulation]`, `[type]`), and each page's props are its hub and number.
 */
export function furtherHubPaths(atlas: Atlas, kind: PagedHub['kind'], param: string) {
  return furtherHubPages(atlas, kind).map(({ hub, number }) => ({ params: { [param]: hub.record.key, page: String(number) }, props: { hub, number } }));
}
