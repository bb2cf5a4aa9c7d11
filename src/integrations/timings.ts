/**
 * Build phase timings for `npm run bench`: when ATLAS_TIMINGS names a file,
 * each phase appends one JSON line `{ "phase": …, "ms": …, …counts }` to it. Without
 * the variable nothing is written, so ordinary builds are unaffected.
 */
import { appendFileSync } from 'node:fs';

export function recordTiming(phase: string, ms: number, counts: Record<string, number> = {}): void {
  const file = process.env.ATLAS_TIMINGS;
  if (file) appendFileSync(file, `${JSON.stringify({ phase, ms: Math.round(ms), ...counts })}\n`);
}
