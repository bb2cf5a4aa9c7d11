/** Small wording helpers shared by pages, FAQs and citations, so counts and lists read the same everywhere. */

/** "1 version", "3 versions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "United States" for `US`; jurisdiction codes such as `EU` or `US-CA` are returned as they are when ICU has no name. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "High" for `high`. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "42%" with no decimals. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * A version count that says what it counts: "17 versions" for a document of
 * its own, "17 versions (26 with Twitter Privacy Policy)" when its history
 * includes a predecessor's (titles of every predecessor in the chain, oldest last).
 */
export function versionCount(own: number, all: number, predecessorTitles: readonly string[]): string {
  return all === own || predecessorTitles.length === 0 ? plural(own, 'version') : `${plural(own, 'version')} (${all} with ${listOf(predecessorTitles)})`;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The first sentence of `text` and the rest (trimmed; the rest is empty for a
 * single sentence). Sentence breaks are Unicode's (UAX #29, via Intl.Segmenter),
 * so "e.g." or a decimal point does not end a sentence.
 */
export function splitFirstSentence(text: string): { first: string; rest: string } {
  const first = sentences.segment(text)[Symbol.iterator]().next().value?.segment ?? '';
  return { first: first.trim(), rest: text.slice(first.length).trim() };
}

const wholeNumber = new Intl.NumberFormat('en-GB');

/** "128 words added, 4 removed", "1 word added", "4 words removed" (words moved only: "no word added or removed"): a version's change in words, each count once. */
export function wordChange(added: number, removed: number): string {
  const words = (n: number) => `${wholeNumber.format(n)} ${n === 1 ? 'word' : 'words'}`;
  if (added && removed) return `${words(added)} added, ${wholeNumber.format(removed)} removed`;
  if (removed) return `${words(removed)} removed`;
  if (added) return `${words(added)} added`;
  return 'no word added or removed';
}
