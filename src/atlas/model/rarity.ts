/** How common a clause type is across the tracked platforms. */

/** Labels by the largest share of platforms they cover, rarest first. */
export const rarityBands: ReadonlyArray<readonly [label: string, maxShare: number]> = [
  ['Rare', 0.25],
  ['Uncommon', 0.5],
  ['Common', 0.75],
  ['Widespread', 1],
];

export interface Rarity {
  /** Platforms with at least one clause of the type. */
  platforms: number;
  /** Platforms tracked by the atlas. */
  total: number;
  share: number;
  label: string;
}

export function computeRarity(platforms: number, total: number): Rarity {
  const share = total ? platforms / total : 0;
  const label = rarityBands.find(([, max]) => share <= max)?.[0] ?? 'Widespread';
  return { platforms, total, share, label };
}
