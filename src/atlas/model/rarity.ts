/** How common a clause type is across the tracked platforms, with what is known and what is not. */
import { plural } from './wording.ts';

/** Labels by the largest share of platforms they cover, rarest first. */
export const rarityBands: ReadonlyArray<readonly [label: string, maxShare: number]> = [
  ['Rare', 0.25],
  ['Uncommon', 0.5],
  ['Common', 0.75],
  ['Widespread', 1],
];

export interface Rarity {
  /** Platforms with at least one clause of the type ("has"). */
  platforms: number;
  /** Platforms with no clause of the type and a checked negative finding for each answered document ("has not", coverage.ts platformState). */
  hasNot: number;
  /** Platforms neither analysed as having nor checked as lacking one: total − platforms − hasNot. */
  unknown: number;
  /** Platforms tracked by the atlas. */
  total: number;
  /** platforms / total (0 when no platform is tracked); the label's band is read from it. */
  share: number;
  label: string;
}

/** Rarity from platform counts: `has` + `hasNot` ≤ `total`; the rest are unknown. */
export function computeRarity(has: number, total: number, hasNot = 0): Rarity {
  const share = total ? has / total : 0;
  const label = rarityBands.find(([, max]) => share <= max)?.[0] ?? 'Widespread';
  return { platforms: has, hasNot, unknown: Math.max(0, total - has - hasNot), total, share, label };
}

/** The three counts in words: "found at 4 of 15 tracked platforms; checked and absent at 6; not yet analysed at 5". */
export function rarityCounts(rarity: Rarity): string {
  return `found at ${rarity.platforms} of ${plural(rarity.total, 'tracked platform')}; checked and absent at ${rarity.hasNot}; not yet analysed at ${rarity.unknown}`;
}
