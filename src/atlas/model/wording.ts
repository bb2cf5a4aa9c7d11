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

/**
 * ISO 3166-2:US subdivision names (the 50 states and the District of Columbia),
 * for jurisdictions such as `US-CA`, which ICU's region names do not cover.
 */
const US_SUBDIVISIONS: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

/**
 * The name a reader knows a jurisdiction by, from its code (src/schema/regulation.ts):
 * "European Union" for `EU`, "United Kingdom" for `GB`, "California (US)" for `US-CA`.
 * Used wherever jurisdictions are listed or filtered, so the search facet holds names,
 * never a record's descriptive `jurisdiction` text. A subdivision outside the United
 * States is shown as "<code> (<country>)" until a name is added here.
 */
export function jurisdictionName(code: string): string {
  const [country = code, subdivision] = code.split('-');
  if (subdivision === undefined) return countryName(country);
  const name = country === 'US' ? US_SUBDIVISIONS[subdivision] : undefined;
  return `${name ?? code} (${country})`;
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
