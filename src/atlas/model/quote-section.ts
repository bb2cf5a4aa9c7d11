/**
 * The section a quote sits in: the path of Markdown headings (ATX `#` or
 * setext underlines) above the quote's first occurrence in a snapshot, for a
 * pin-cite such as "2. How We Use Information". Headings are found by the
 * renderer's own parser (remark with markdown-syntax.ts's plugins), and the
 * quote with the same normalisation as quote matching (normalize.ts), so a
 * quote has a section exactly where it counts as present.
 *
 * A heading over a table of contents (a list of in-page links) ends with
 * the table. Only real headings count: text that merely looks like one (a bold line such
 * as "**2.1 Operate our services.**") is not a heading in the Markdown and is
 * not guessed at.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { syntaxPlugins } from '../reading/markdown-syntax.ts';
import { normalizeText } from './normalize.ts';

interface Heading {
  depth: number;
  text: string;
}

/** A top-level block of a text: its normalised words and the headings it sits under, outermost first. */
interface Block {
  text: string;
  path: readonly Heading[];
  /** The block is itself a heading (the last of its path). */
  heading: boolean;
}

const parser = unified().use(remarkParse).use(syntaxPlugins).freeze();

/** Blocks by text: a text is parsed once however many clauses quote it. Bounded so memory stays bounded on any archive. */
const blocksByText = new Map<string, Block[]>();
const CACHE_LIMIT = 256;

function sourceOf(markdown: string, node: RootContent | Nodes): string {
  const { start, end } = node.position ?? {};
  return start?.offset === undefined || end?.offset === undefined ? '' : markdown.slice(start.offset, end.offset);
}

/** The words of a heading as written: its text nodes joined, whitespace folded ("1\\. Data" reads "1. Data"). */
function headingText(node: Nodes): string {
  const words = (n: Nodes): string => ('value' in n ? n.value : 'children' in n ? n.children.map((c) => words(c as Nodes)).join('') : '');
  return words(node).replace(/\s+/g, ' ').trim();
}

/** Whether a node holds a link within the page (`#…`), as the items of a table of contents do in any language. */
function linksInPage(node: Nodes | undefined): boolean {
  return node !== undefined && ((node.type === 'link' && node.url.startsWith('#')) || ('children' in node && node.children.some((c) => linksInPage(c as Nodes))));
}

function blocksOf(markdown: string): Block[] {
  const cached = blocksByText.get(markdown);
  if (cached) return cached;
  const tree = parser.parse(markdown) as Root;
  const blocks: Block[] = [];
  let path: Heading[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      // A heading closes every open section of its level or deeper.
      path = [...path.filter((h) => h.depth < node.depth), { depth: node.depth, text: headingText(node) }];
    }
    // A heading over a table of contents ("Table of Contents:" then items that
    // link within the page) ends with its last such item: what follows, even
    // further items of the same list, is not in that section.
    const contentsOf = node.type === 'list' && blocks.at(-1)?.heading && linksInPage(node.children[0]) ? path.at(-1) : undefined;
    for (const part of contentsOf && node.type === 'list' ? node.children : [node]) {
      if (contentsOf && !linksInPage(part)) path = path.filter((h) => h !== contentsOf);
      const text = normalizeText(sourceOf(markdown, part));
      if (text) blocks.push({ text, path, heading: part.type === 'heading' });
    }
  }
  if (blocksByText.size >= CACHE_LIMIT) blocksByText.clear();
  blocksByText.set(markdown, blocks);
  return blocks;
}

/**
 * The headings above the first occurrence of `quote` in `markdown`, outermost
 * first, e.g. `["2. How We Use Information"]`. The text's title is left out:
 * a level-1 heading that opens the text names the document, not a section
 * (captured pages may hold later level-1 headings, such as a help centre's own). A quote that starts in a heading sits under that heading's parents.
 * Returns [] for a quote under no heading, and undefined for a quote not in the text.
 */
export function quoteSection(markdown: string, quote: string): string[] | undefined {
  const needle = normalizeText(quote);
  if (!needle) return undefined;
  const blocks = blocksOf(markdown);
  const at = blocks.map((b) => b.text).join(' ').indexOf(needle);
  if (at < 0) return undefined;
  let end = 0;
  const block = blocks.find((b) => (end += b.text.length + 1) > at);
  if (!block) return undefined;
  const path = block.heading ? block.path.slice(0, -1) : block.path;
  const opening = blocks[0];
  const title = opening?.heading && opening.path[0]?.depth === 1 ? opening.path[0] : undefined;
  return path.filter((h) => h !== title).map((h) => h.text);
}
