/**
 * Text normalisation for quote matching. A quote is written as a reader sees
 * the policy, while snapshots hold Markdown; both go through the same function
 * so markup, curly quotes and line wrapping never decide whether a quote matches.
 */

const replacements: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F\u200B\uFEFF]/g, ' '],
];

/** Removes Markdown markup, keeping the words a reader sees. */
export function stripMarkdown(markdown: string): string {
  return (
    markdown
      // images and links keep their visible text: ![alt](src) / [text](href "title") → text
      .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
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

/** Normalises text for comparison: Unicode form, quotes, dashes, markup and whitespace. */
export function normalizeText(text: string): string {
  let out = stripMarkdown(text.normalize('NFKC'));
  for (const [pattern, replacement] of replacements) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ').trim();
}

/** Whether `quote` occurs in `normalizedText` (already normalised with normalizeText). */
export function containsQuote(normalizedText: string, quote: string): boolean {
  const needle = normalizeText(quote);
  return needle.length > 0 && normalizedText.includes(needle);
}
