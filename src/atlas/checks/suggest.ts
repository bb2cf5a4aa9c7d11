/** "Did you mean" for mistyped keys, shared by validation and `npm run new` (fastest-levenshtein does the distance). */
import { closest, distance } from 'fastest-levenshtein';

/**
 * The known name closest to `value`, when it is near enough to be a typo
 * (case ignored, so `privacy policy` finds `Privacy Policy`); otherwise undefined.
 * Near enough: two edits, or a quarter of the length.
 */
export function closestName(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = value.toLowerCase();
  const byLower = new Map(known.map((name) => [name.toLowerCase(), name]));
  const best = closest(lower, [...byLower.keys()]);
  return distance(lower, best) <= Math.max(2, Math.floor(value.length / 4)) ? byLower.get(best) : undefined;
}
