/**
 * Law kept current (issue 15): every regulation and agency record says when a
 * person last checked it against official sources (src/schema/legal-review.ts).
 * A review date in the future is an error; one older than REVIEW_MAX_AGE_DAYS
 * before the content date is a warning, so a stale legal page is noticed
 * without blocking a build.
 */
import type { Entry, LoadedContent } from '../reading/load.ts';
import type { Atlas } from '../model/model.ts';
import type { Problem } from '../reading/problems.ts';

/** Days a legal review stays current, counted back from the content date. */
export const REVIEW_MAX_AGE_DAYS = 180;

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD date to a later one (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Problems with `reviewed_on` in `content/regulations/*.md` and `content/agencies/*.yaml`.
 * The content date is `atlas.dataAsOf`: the capture date (YYYY-MM-DD, UTC) of the newest
 * snapshot in the atlas, so the warning depends on the data, not on the day validation runs.
 * An atlas without snapshots has no content date and gets no age warning.
 */
export function legalReviewProblems(content: LoadedContent, atlas: Atlas, now: Date): Problem[] {
  const problems: Problem[] = [];
  const today = now.toISOString().slice(0, 10);
  const contentDate = atlas.dataAsOf;
  const records: Array<Entry<{ reviewed_on: string }>> = [...content.regulations, ...content.agencies];
  for (const entry of records) {
    const reviewed = entry.data.reviewed_on;
    const line = entry.lineOf(['reviewed_on']);
    if (reviewed > today) {
      problems.push({ file: entry.file, line, field: 'reviewed_on', expected: 'a date not in the future', found: reviewed, level: 'error' });
      continue;
    }
    if (contentDate === undefined) continue;
    const age = daysBetween(reviewed, contentDate);
    if (age > REVIEW_MAX_AGE_DAYS) {
      problems.push({
        file: entry.file,
        line,
        field: 'reviewed_on',
        expected: `a review at most ${REVIEW_MAX_AGE_DAYS} days before the content date ${contentDate} (the newest snapshot's capture date)`,
        found: `${reviewed}, ${age} days before it`,
        level: 'warning',
        hint: 're-check every date, threshold, fine, scope statement and complaint route against the official sources, then update reviewed_on and sources',
      });
    }
  }
  return problems;
}
