/**
 * How much of a clause's peer list a page shows: the list is capped (see
 * ClauseRecord.peers), so the page and the FAQ say how many platforms and
 * clauses it stands for.
 */
import type { ClauseRecord } from './model.ts';
import { plural } from './wording.ts';

export interface PeerSummary {
  /** Other platforms with a clause of the same type. */
  platforms: number;
  /** Their clauses of that type, in all. */
  clauses: number;
  /** Said under the list when it leaves some out; undefined when it shows them all. */
  sentence: string | undefined;
}

export function peerSummary(clause: ClauseRecord): PeerSummary {
  const platforms = Math.max(0, (clause.clauseType?.platforms.length ?? 0) - 1);
  const shown = clause.peers.length;
  const sentence =
    clause.peerCount > shown
      ? `Shown: ${shown} of the ${plural(platforms, 'other platform')} with this clause type, each by its most severe clause (${plural(clause.peerCount, 'clause')} in all).`
      : undefined;
  return { platforms, clauses: clause.peerCount, sentence };
}
