/*
 * What the search page says about a result set, worked out from what
 * Pagefind's JS API returns (1.x: results with a URL, an excerpt and
 * metadata; no corrected query of its own). Pure functions, no DOM, so they
 * are tested in Node with the same inputs the page gets.
 */

/** Pagefind's result metadata (the `data-pagefind-meta` values of src/atlas/page-meta.ts). */
export type ResultMeta = Record<string, string | undefined>;

/**
 * The context line above a result's title, as separate parts the page joins
 * with " · ": what it is, its platform, its clause type, document type or
 * regulation, and its record ID. A part that repeats the one before (a
 * platform page's own name) is left out, so no two parts run together or repeat.
 */
export function resultContext(meta: ResultMeta): string[] {
  const parts = [meta['kind'], meta['platform'], meta['clause_type'] ?? meta['document_type'] ?? meta['regulation'], meta['record_id']];
  const shown: string[] = [];
  for (const part of parts) if (part && part !== shown.at(-1)) shown.push(part);
  return shown;
}

/** The words Pagefind marked in an excerpt: `<mark>word</mark>` (its excerpts escape every other `<`), lowercased. */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => (m[1] ?? '').toLowerCase().replace(/^\W+|\W+$/g, '')).filter(Boolean);
}

/** Query words as Pagefind splits them: runs of letters and digits, lowercased. */
function queryWords(term: string): string[] {
  return term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The query Pagefind actually answered, when it is not the one typed; else
 * undefined. Pagefind matches a word it does not hold by its stem or, for the
 * last word, as the start of a longer word ("arbitrat" finds "arbitration"),
 * and marks what it matched in each excerpt. A typed word none of the marked
 * words equals is replaced by the marked word most often seen that starts with
 * it, or failing one, that shares its first MIN_SHARED_PREFIX letters (a stem);
 * the others stay as typed.
 *
 * @param term the query as typed
 * @param excerpts Pagefind excerpts of the results shown (HTML with `<mark>`)
 */
export function answeredQuery(term: string, excerpts: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const excerpt of excerpts) for (const word of markedWords(excerpt)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const marked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  let changed = false;
  const words = queryWords(term).map((typed) => {
    if (counts.has(typed)) return typed;
    // A word the typed one begins is what Pagefind completed it to; only failing that, a word of the same stem.
    const match = marked.find((word) => word.startsWith(typed)) ?? marked.find((word) => sharedPrefix(word, typed) >= MIN_SHARED_PREFIX);
    if (!match || match === typed) return typed;
    changed = true;
    return match;
  });
  return changed ? words.join(' ') : undefined;
}

/** Letters a typed word and a marked word must share at the start to count as one stem ("policies" and "policy" share "polic"). */
export const MIN_SHARED_PREFIX = 5;

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The line above the results: how many there are for the query, and, when
 * Pagefind answered other words than those typed (answeredQuery), which.
 *
 * @param term the query as typed, trimmed ('' for a filters-only listing)
 * @param total number of results
 * @param excerpts excerpts of the results shown
 */
export function resultSummary(term: string, total: number, excerpts: readonly string[]): string {
  const noun = total === 1 ? 'result' : 'results';
  if (!term) return total ? `${total} ${noun}.` : 'No results.';
  if (!total) return `No results for “${term}”.`;
  const answered = answeredQuery(term, excerpts);
  return answered ? `Showing results for “${answered}” (matched for “${term}”): ${total} ${noun}.` : `${total} ${noun} for “${term}”.`;
}
