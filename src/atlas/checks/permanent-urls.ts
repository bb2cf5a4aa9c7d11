/**
 * Permanent record URLs and the paths the ledger promises to keep (DESIGN §5).
 * `/r/<ID>/` of a live record leads to its current page; every former path of
 * a live record leads there too; a withdrawn record's `/r/<ID>/` is its
 * tombstone, and its former paths lead to that tombstone.
 *
 * A ledger path names one record for good, like an ID: once published it is
 * never given to another record, even after its record is withdrawn, because
 * old links to it must keep reaching what they meant (the record, or the
 * tombstone saying why it went). `ledgerPathProblems` reports every way the
 * ledger's paths could stop resolving that `checkRecordIds` does not already
 * cover (a live record whose last path is not its page, a record missing from
 * content/).
 */
import { routePattern, routeRegExp, routes } from '../routes.ts';
import { recordKinds, type RecordKind } from '../../schema/record-id.ts';
import type { LoadedContent } from '../reading/load.ts';
import type { Atlas, DocumentRecord, PlatformRecord } from '../model/model.ts';
import { describeValue, type Problem } from '../reading/problems.ts';

/** One address that leads to another page. */
export interface Redirect {
  /** Site path that redirects, e.g. `/r/CA-P-000001/`. */
  from: string;
  /** Site path it leads to. */
  to: string;
  /** The record the address belongs to. */
  id: string;
  /** What the target is called, for the visible link. */
  label: string;
}

/** What is left of a withdrawn record. */
export interface Tombstone {
  id: string;
  kind: RecordKind;
  /** `YYYY-MM-DD`. */
  on: string;
  reason: string;
  /** The last path the record's page had. */
  lastPath: string;
  /** The platform and document of that path, when they still exist. */
  platform: PlatformRecord | undefined;
  document: DocumentRecord | undefined;
}

export interface PermanentUrls {
  /** `/r/<ID>/` of every live record → its current page, by ID. */
  records: Redirect[];
  /** Former paths, in ledger order: a live record's old paths → its page; a withdrawn record's paths → its tombstone. */
  formerPaths: Redirect[];
  /** Withdrawn records, in ledger order. */
  tombstones: Tombstone[];
}

interface LivePage {
  id: string;
  url: string;
  label: string;
}

function livePages(atlas: Atlas): LivePage[] {
  return [
    ...atlas.documents.map((d) => ({ id: d.data.id, url: d.url, label: `${d.data.title} (${d.platform.data.name})` })),
    ...atlas.clauses.map((c) => ({ id: c.data.id, url: c.url, label: `${c.data.title} (${c.platform.data.name}, ${c.document.data.title})` })),
  ];
}

/** The platform and document a record path lies under, when they still exist. */
function pathOwners(atlas: Atlas, kind: RecordKind, path: string): Pick<Tombstone, 'platform' | 'document'> {
  const [, platformSlug = '', documentSlug = ''] = /^\/platform\/([^/]+)\/([^/]+)\//.exec(path) ?? [];
  return {
    platform: atlas.platformBySlug.get(platformSlug),
    document: kind === 'clause' ? atlas.documentByKey.get(`${platformSlug}/${documentSlug}`) : undefined,
  };
}

/** Every redirect and tombstone the ledger and the model call for. */
export function permanentUrls(atlas: Atlas): PermanentUrls {
  const pages = livePages(atlas);
  const pageById = new Map(pages.map((p) => [p.id, p]));
  const records = pages
    .map((p) => ({ from: routes.permanent(p.id), to: p.url, id: p.id, label: p.label }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const formerPaths: Redirect[] = [];
  const tombstones: Tombstone[] = [];
  for (const record of atlas.ledger.records) {
    const lastPath = record.paths.at(-1) ?? '';
    if (record.withdrawn) {
      tombstones.push({ id: record.id, kind: record.kind, on: record.withdrawn.on, reason: record.withdrawn.reason, lastPath, ...pathOwners(atlas, record.kind, lastPath) });
    }
    const page = pageById.get(record.id);
    // A live record missing from content/ has nowhere to lead; validation reports it.
    if (!record.withdrawn && !page) continue;
    const to = page && !record.withdrawn ? page.url : routes.permanent(record.id);
    const label = page && !record.withdrawn ? page.label : `Withdrawn ${record.kind} ${record.id}`;
    for (const from of new Set(record.paths)) {
      if (from !== to) formerPaths.push({ from, to, id: record.id, label });
    }
  }
  return { records, formerPaths, tombstones };
}

/** `_redirects` for static hosts (Netlify, Cloudflare Pages): one permanent redirect a line, sorted by source path; `more` adds redirects that are not the ledger's. */
export function hostRedirects(urls: PermanentUrls, more: readonly Redirect[] = []): string {
  const lines = [...urls.records, ...urls.formerPaths, ...more].map((r) => `${r.from} ${r.to} 301`).sort();
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The shape of a record's page path: the former-path route serves only these, under /platform/. */
const shapeOf = (example: string) => ({ pattern: routeRegExp(example), example });
const pathShape: Record<RecordKind, { pattern: RegExp; example: string }> = {
  document: shapeOf(routePattern(routes.document, 'platform/document')),
  clause: shapeOf(routePattern(routes.clause, 'platform/document/clause')),
};

/**
 * Ledger paths that would not resolve, or would resolve to something else:
 * a path not shaped like its kind's pages, a path claimed by two records, and
 * a former path (of a live or withdrawn record) that is now another record's page.
 */
export function ledgerPathProblems(content: LoadedContent, atlas: Atlas): Problem[] {
  const ledger = content.ledger;
  if (!ledger) return [];
  const problems: Problem[] = [];
  const pageByUrl = new Map(livePages(atlas).map((p) => [p.url, p]));
  // Who had each path first, and every record that lists it.
  const claimants = new Map<string, Array<{ id: string; index: number }>>();
  ledger.data.records.forEach((record, index) => {
    for (const path of new Set(record.paths)) {
      const list = claimants.get(path);
      if (list) list.push({ id: record.id, index });
      else claimants.set(path, [{ id: record.id, index }]);
    }
  });
  ledger.data.records.forEach((record, i) => {
    // A kind that disagrees with the ID is reported by checkRecordIds; its paths cannot be judged.
    if (record.id.split('-')[1] !== recordKinds[record.kind]) return;
    const current = record.withdrawn ? undefined : record.paths.at(-1);
    const seen = new Set<string>();
    record.paths.forEach((path, j) => {
      if (seen.has(path)) return;
      seen.add(path);
      const at = { file: ledger.file, line: ledger.lineOf(['records', i, 'paths', j]), field: `records.${i}.paths.${j}`, level: 'error' as const };
      const shape = pathShape[record.kind];
      if (!shape.pattern.test(path)) {
        problems.push({ ...at, expected: `a ${record.kind} page path such as ${shape.example}`, found: describeValue(path) });
        return;
      }
      const claims = claimants.get(path) ?? [];
      const first = claims[0];
      if (first && first.id !== record.id) {
        problems.push({
          ...at,
          expected: 'a path no other record has had',
          found: `\`${path}\`, already a path of ${first.id} (records.${first.index})`,
          hint: 'a published path keeps leading to its record, or to its tombstone once withdrawn; choose another slug',
        });
        return;
      }
      const page = pageByUrl.get(path);
      // The record's own current page is checked by checkRecordIds; a page whose record lists the path is reported above.
      if (path === current || !page || page.id === record.id || claims.some((c) => c.id === page.id)) return;
      problems.push({
        ...at,
        expected: `a former path of ${record.id} that no other page uses`,
        found: `\`${path}\`, now the page of ${page.id}`,
        hint: `old links to it must keep reaching ${record.withdrawn ? 'the tombstone' : 'the page'} of ${record.id}; give the other record another slug`,
      });
    });
  });
  return problems;
}
