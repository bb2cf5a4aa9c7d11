/**
 * What each reusable page is made from, as one key per page: a SHA-256 of the
 * page's path, the code that renders it and the digests of the content it can
 * show (src/atlas/reading/content-digest.ts). Two builds that give a page the
 * same key write it byte for byte alike, so an incremental build may copy it
 * from the last build instead of rendering it (src/integrations/page-cache.ts).
 *
 * Only the two families that are most of the pages and of the rendering time
 * are reused; every other page is rendered each build. Their inputs:
 *
 * - every page: the code (`code`) and every content file that is not a clause
 *   (`rest`): a new snapshot, a renamed platform or an edited regulation
 *   changes every key;
 * - a clause page: its own clause file, whole, and the front matter of every
 *   clause it can show or count: the clauses of its platform (siblings, the
 *   platform's grade), of its main and secondary types and those naming them
 *   as secondary (peers, peer summary, rarity), and its related clauses;
 * - a version page: the front matter of every clause of its document's
 *   platform and of the platform of the document it was continued as (the
 *   analysed clauses listed and highlighted in its text).
 *
 * Adding or removing a clause changes the sets above, hence the keys of the
 * pages that list it. Whether this list is complete is tested, not trusted:
 * tests/build/incremental-build.test.ts builds edited content incrementally
 * and clean and requires identical bytes, and ATLAS_PAGE_CACHE_VERIFY renders
 * every page and fails on a reusable page whose bytes changed.
 */
import { createHash } from 'node:crypto';
import type { Atlas, ClauseRecord } from '../model/model.ts';
import { versionPath } from '../model/changes.ts';
import type { ContentDigests } from '../reading/content-digest.ts';
import { versionContext, versionedSnapshots } from './version-pages.ts';

/** A page an incremental build may reuse: its site path (`/platform/x/privacy-policy/ai-training/`) and its input key (SHA-256, hex). */
export interface ReusablePage {
  path: string;
  key: string;
}

/** Bump when the rule for a family's inputs changes, so keys made under the old rule are never matched. */
const INPUT_RULE = 1;

/**
 * Every clause page and version page of the atlas with its key. `code` is a
 * digest of the rendering code (the caller's); `digests` must be of the same
 * content root as `atlas`. Throws when a clause has no digest (the two were
 * read from different roots).
 */
export function reusablePages(atlas: Atlas, digests: ContentDigests, code: string): ReusablePage[] {
  const card = (clause: ClauseRecord) => `${clause.key}:${digestOf(digests, clause).card}`;
  // A group's cards are digested once, not once per page that shows the group: pages × group size grows with the square of the atlas.
  const groupDigest = (clauses: readonly ClauseRecord[]) => sha(clauses.map(card).sort().join('\0'));
  const byPlatform = new Map(atlas.platforms.map((p) => [p, `platform:${p.slug}:${groupDigest(p.clauses)}`]));
  const byType = new Map(atlas.clauseTypes.map((t) => [t, `type:${t.key}:${groupDigest([...t.clauses, ...t.secondaryClauses])}`]));
  const group = <K extends { file: string }>(groups: Map<K, string>, record: K) => {
    const digest = groups.get(record);
    if (!digest) throw new Error(`page inputs: ${record.file} is not a platform or clause type of this atlas`);
    return digest;
  };
  const key = (path: string, parts: Iterable<string>) => sha([INPUT_RULE, code, digests.rest, path, ...[...new Set(parts)].sort()].join('\0'));

  const clausePages = atlas.clauses.map((clause): ReusablePage => {
    const types = [clause.clauseType, ...clause.secondaryTypes].filter((t) => t !== undefined);
    const parts = [`self:${clause.key}:${digestOf(digests, clause).full}`, group(byPlatform, clause.platform), ...types.map((t) => group(byType, t)), ...clause.related.map(card)];
    return { path: clause.url, key: key(clause.url, parts) };
  });

  const versionPages = versionedSnapshots(atlas).map((snapshot): ReusablePage => {
    const { document, current } = versionContext(atlas, snapshot);
    const path = versionPath(snapshot);
    return { path, key: key(path, [group(byPlatform, document.platform), group(byPlatform, current.platform)]) };
  });

  return [...clausePages, ...versionPages];
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function digestOf(digests: ContentDigests, clause: ClauseRecord) {
  const digest = digests.clauses.get(clause.key);
  if (!digest) throw new Error(`page inputs: no digest of the clause file of ${clause.key}; were the atlas and the digests read from the same content root?`);
  return digest;
}
