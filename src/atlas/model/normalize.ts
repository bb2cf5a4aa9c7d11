/**
 * Text normalisation for quote matching. A quote is written as a reader sees
 * the policy, while snapshots hold Markdown; both go through the same function
 * so markup, curly quotes, invisible characters and line wrapping never decide
 * whether a quote matches, nor whether a capture is a new version.
 */

/**
 * Characters a reader never sees: soft hyphen (U+00AD), zero-width space,
 * non-joiner and joiner (U+200B–U+200D), word joiner (U+2060) and the byte
 * order mark / zero-width no-break space (U+FEFF). They sit inside words, so
 * they are deleted, not turned into spaces ("Da\u200Bten" reads "Daten").
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

const replacements: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F]/g, ' '],
];

/** Removes Markdown markup, keeping the words a reader sees. */
export function stripMarkdown(markdown: string): string {
  return (
    markdown
      // images and links keep their visible text: ![alt](src) / [text](href "title") → text
      .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
      // A link split by a blank line leaves its target (`](href)`) and its opening `[` in different paragraphs: drop both
      .replace(/\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '')
      .replace(/\[(?![^\]]*\])/g, '')
      // reference-style links and autolinks
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:[^>\s]+)>/g, '$1')
      // HTML tags such as <br>
      .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
      // Setext underlines and thematic breaks
      .replace(/^\s*(?:[=]{3,}|[-*_](?:\s*[-*_]){2,})\s*$/gm, ' ')
      // ATX headings, block quotes, list markers and table pipes at line starts
      .replace(/^\s{0,3}#{1,6}\s+/gm, '')
      .replace(/^\s*>\s?/gm, '')
      .replace(/^\s*(?:[-+*]|\d+[.)])\s+/gm, '')
      .replace(/\|/g, ' ')
      // emphasis, strong and code markers
      .replace(/(\*{1,3}|_{2,3}|`+|~~)/g, '')
      .replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:!?]|$)/g, '$1$2')
      // backslash escapes
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~"'])/g, '$1')
  );
}

/**
 * Normalises text for comparison: Unicode form, invisible characters, quotes,
 * dashes, markup and whitespace. Whitespace is folded to single spaces, and
 * spaces inside brackets or before closing punctuation are dropped, so
 * "( for login ) ," and "(for login)," compare equal (a re-wrapped or
 * re-spaced paragraph is the same text).
 */
export function normalizeText(text: string): string {
  let out = stripMarkdown(text.replace(INVISIBLE, '').normalize('NFKC'));
  for (const [pattern, replacement] of replacements) out = out.replace(pattern, replacement);
  return out
    .replace(/\s+/g, ' ')
    .replace(/([([{]) /g, '$1')
    .replace(/ (?=[)\]},.;:!?])/g, '')
    .trim();
}

/**
 * How much of `quote` occurs in `normalizedText` (already normalised) from the
 * quote's start: the longest run of its leading words found there, and the
 * words after it. A binary search on the word count, so a few `includes` calls;
 * used to point a contributor at the word where a mistyped quote goes wrong.
 */
export function matchedPrefix(normalizedText: string, quote: string): { matched: string; rest: string } {
  const words = normalizeText(quote).split(' ');
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (normalizedText.includes(words.slice(0, mid).join(' '))) low = mid;
    else high = mid - 1;
  }
  return { matched: words.slice(0, low).join(' '), rest: words.slice(low).join(' ') };
}

/** Whether `quote` occurs in `normalizedText` (already normalised with normalizeText). */
export function containsQuote(normalizedText: string, quote: string): boolean {
  const needle = normalizeText(quote);
  return needle.length > 0 && normalizedText.includes(needle);
}
