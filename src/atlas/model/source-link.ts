/**
 * A link into the live policy that asks the browser to highlight the quote
 * (URL text fragments: `#:~:text=start,end`). Long quotes use their first and
 * last words so small edits in the middle do not break the highlight.
 */
import { normalizeText } from './normalize.ts';

const EDGE_WORDS = 6;

/** Percent-encodes a text-fragment term, including the characters the syntax reserves. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

export function textFragmentUrl(sourceUrl: string, quote: string): string {
  const words = normalizeText(quote).split(' ');
  const base = sourceUrl.split('#')[0];
  if (words.length <= EDGE_WORDS * 2) return `${base}#:~:text=${encodeTerm(words.join(' '))}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `${base}#:~:text=${encodeTerm(start)},${encodeTerm(end)}`;
}
