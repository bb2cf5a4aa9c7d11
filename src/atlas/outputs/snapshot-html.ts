/**
 * A snapshot's Markdown as safe HTML. Snapshot text is third-party content, so
 * it is rendered without raw HTML and then sanitised with a strict allow-list
 * before anything of ours (heading ids, clause highlights) is added. Clause
 * quotes are found on the rendered text with the same normalisation as quote
 * matching, so a passage is highlighted exactly when the clause counts as present.
 *
 * Versions of a policy share most of their blocks, so the text is rendered
 * block by block (see markdown-chunks.ts) and each block's HTML is kept in a
 * cache bounded by bytes. Only what depends on the whole text is worked out per
 * render: heading ids (unique across the text) and clause highlights (a quote
 * may span blocks). A block's HTML is kept per variant of those (most versions
 * repeat a block with the same ids and highlights); a new variant is rendered
 * from the block's tree. The output is byte for byte that of rendering the
 * whole text as one tree, which is still done when the text holds a construct
 * that reaches across blocks or when the cache is off.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { ByteLru, type ByteLruStats } from '../../support/byte-lru.ts';
import { detached } from '../../support/detached.ts';
import { markdownSchema } from '../reading/markdown-sanitize.ts';
import { syntaxPlugins } from '../reading/markdown-syntax.ts';
import { splitTopLevelBlocks } from './markdown-chunks.ts';
import { normalizeText } from '../model/normalize.ts';

/** A clause to highlight in the snapshot text. */
export interface ClauseHighlight {
  /** `<platform>/<document>/<clause>`; its last segment names the in-page anchor. */
  key: string;
  title: string;
  /** The clause page. */
  url: string;
  quote: string;
}

export interface SnapshotHeading {
  id: string;
  /** Heading level after the shift (3 for a Markdown `#` with the default shift). */
  level: number;
  text: string;
}

export interface SnapshotHtml {
  html: string;
  headings: SnapshotHeading[];
  /** Keys of the clauses whose quote was found and highlighted, in input order. */
  found: string[];
  /** Keys of the clauses whose quote does not occur in this text. */
  missing: string[];
}

export interface SnapshotHtmlOptions {
  clauses?: readonly ClauseHighlight[];
  /** The document's source URL: relative links in the text are resolved against it; without it they become plain text. */
  sourceUrl?: string | undefined;
  /** Added to every heading level so the text nests under the page's own headings (default 2: `#` becomes h3). */
  headingShift?: number;
}

/** Prefix of every id that comes from the text, so it cannot clobber the page's own ids. */
export const SNAPSHOT_ID_PREFIX = 'snapshot-';

/** The in-page anchor of a clause highlight: `clause-<clause slug>`. */
export function clauseAnchorId(key: string): string {
  return `clause-${key.slice(key.lastIndexOf('/') + 1)}`;
}

const EXTERNAL_REL = ['nofollow', 'noopener', 'noreferrer', 'ugc'];
const HEADING = /^h([1-6])$/;

/** The allow-list of all Markdown that is not ours; ids get the snapshot prefix. */
const schema: SanitizeSchema = { ...markdownSchema, clobberPrefix: SNAPSHOT_ID_PREFIX };

/**
 * Raw HTML is never passed through; only `<br>` (common in captured table
 * cells) is kept as a line break. Images become their alt text.
 */
const handlers: NonNullable<ToHastOptions['handlers']> = {
  html: (_state, node: { value: string }) =>
    /^<br\s*\/?>$/i.test(node.value.trim()) ? { type: 'element', tagName: 'br', properties: {}, children: [] } : undefined,
  image: (_state, node: { alt?: string | null }) => (node.alt ? { type: 'text', value: node.alt } : undefined),
  imageReference: (_state, node: { alt?: string | null }) => (node.alt ? { type: 'text', value: node.alt } : undefined),
};

const toHast = unified().use(remarkParse).use(syntaxPlugins).use(remarkRehype, { handlers, clobberPrefix: '' }).freeze();
const sanitizer = unified().use(rehypeSanitize, schema).freeze();
const serializer = unified().use(rehypeStringify).freeze();

/** The text's sanitised tree, and whether Markdown produced any node at all (sanitising may remove some). */
function sanitisedTree(markdown: string): { tree: Root; produced: boolean } {
  const raw = toHast.runSync(toHast.parse(markdown));
  return { tree: sanitizer.runSync(raw), produced: raw.children.length > 0 };
}

/** Renders snapshot Markdown to sanitised HTML with heading ids and clause highlights. */
export function renderSnapshotHtml(markdown: string, options: SnapshotHtmlOptions = {}): SnapshotHtml {
  // Blocks are cached by their text: copies, not slices of the whole text, which a cached slice would keep alive (detached.ts).
  const chunks = blockCache.maxBytes > 0 ? splitTopLevelBlocks(markdown)?.map((chunk) => detached(chunk)) : undefined;
  const blocks = chunks?.map(cachedBlock);
  if (chunks && blocks?.every((b) => b.block.standalone)) return renderBlocks(chunks, blocks, options);
  wholeTexts++;
  return renderWhole(markdown, options);
}

/** The reference rendering: the whole text as one tree. */
function renderWhole(markdown: string, options: SnapshotHtmlOptions): SnapshotHtml {
  const { tree } = sanitisedTree(markdown);
  const { ids } = tidy(tree);
  fixLinks(tree, ids, options.sourceUrl);
  const headings = addHeadingIds(textHeadings(tree), ids, options.headingShift ?? 2);
  const clauses = options.clauses ?? [];
  const segments = clauses.length ? segmentText(tree) : [];
  const { found, missing, marks } = matchClauses(segments.map((s) => s.text), clauses);
  markSegments(segments, marks);
  return { html: serializer.stringify(tree), headings, found, missing };
}

/** What a block contributes to the text's rendering, independent of where it occurs. */
interface PreparedBlock {
  /** No ids from the text and no text outside blocks at the top level: it renders the same alone as in place. */
  standalone: boolean;
  /** Markdown produced at least one node, so the block is set off from its neighbours by a line break. */
  produced: boolean;
  /** Its last top-level node was an empty paragraph, which takes the following line break with it. */
  dropsSeparator: boolean;
  /** Normalised text of each highlightable run, in reading order. */
  segments: string[];
  /** Headings with text, as Markdown levels with their id before de-duplication. */
  headings: Array<{ depth: number; text: string; base: string }>;
  hasHeadings: boolean;
  hasLinks: boolean;
  /** Rendered HTML by variantKey: usually one plain rendering, and one with the highlights its versions share. */
  html: Map<string, string>;
  bytes: number;
}

/** Rough heap bytes: strings at two bytes a character, plus a fixed cost per object. */
const stringBytes = (strings: Iterable<string>) => {
  let bytes = 0;
  for (const s of strings) bytes += 2 * s.length + 32;
  return bytes;
};
const OBJECT_BYTES = 400;
/** Renderings kept per block; beyond this the oldest goes, so one block cannot fill the cache. */
const MAX_VARIANTS = 4;

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
let blockCache = new ByteLru<PreparedBlock>(DEFAULT_CACHE_BYTES);
let wholeTexts = 0;

/** Sets the block cache's bound in bytes (default 64 MiB); 0 turns it off, so every text is rendered whole. Empties the cache. */
export function configureSnapshotHtmlCache(options: { maxBytes: number }): void {
  blockCache = new ByteLru(options.maxBytes);
  wholeTexts = 0;
}

export function snapshotHtmlCacheStats(): ByteLruStats & { wholeTexts: number } {
  return { ...blockCache.stats(), wholeTexts };
}

/** Everything a block's HTML depends on besides its text, where it matters: heading shift and ids, source URL, highlights. */
function variantKey(
  block: PreparedBlock,
  options: SnapshotHtmlOptions,
  headingIds: readonly string[],
  marks: ReadonlyMap<number, readonly ClauseHighlight[]>,
): string {
  const headings = block.hasHeadings ? `${options.headingShift ?? 2} ${headingIds.join(' ')}` : '';
  const links = block.hasLinks ? (options.sourceUrl ?? '') : '';
  const highlights = [...marks].map(([index, starting]) => [index, ...starting.map((c) => [c.key, c.title, c.url])]);
  return JSON.stringify([headings, links, highlights]);
}

/** A block from the cache, or prepared now, with the tree it was prepared from (tidied, nothing of ours added yet). */
function cachedBlock(chunk: string): { block: PreparedBlock; tree?: Root } {
  const cached = blockCache.get(chunk);
  if (cached) return { block: cached };
  const prepared = prepareBlock(chunk);
  blockCache.set(chunk, prepared.block, prepared.block.bytes + 2 * chunk.length);
  return prepared;
}

/** Parses a block alone and notes what the text-wide steps need from it. */
function prepareBlock(chunk: string): { block: PreparedBlock; tree: Root } {
  const { tree, produced } = sanitisedTree(chunk);
  const { ids, dropsLast } = tidy(tree);
  let hasLinks = false;
  visitElements(tree, (el) => {
    hasLinks ||= el.tagName === 'a';
  });
  // Texts only: fixing links and adding ids changes none of them.
  const found = textHeadings(tree);
  const headings = found.filter((h) => h.text).map(({ depth, text }) => ({ depth, text, base: headingBase(text) }));
  const segments = segmentText(tree).map((s) => s.text);
  const topLevelText = tree.children.some((child) => !isBlock(child) && /\S/.test(textOf(child)));
  const block: PreparedBlock = {
    standalone: ids.size === 0 && !topLevelText,
    produced,
    dropsSeparator: dropsLast,
    segments,
    headings,
    hasHeadings: found.length > 0,
    hasLinks,
    html: new Map(),
    bytes: OBJECT_BYTES + stringBytes([...segments, ...headings.flatMap((h) => [h.text, h.base])]),
  };
  return { block, tree };
}

/** Joins the blocks' HTML, working out heading ids and highlights across the whole text. */
function renderBlocks(
  chunks: readonly string[],
  prepared: ReadonlyArray<{ block: PreparedBlock; tree?: Root }>,
  options: SnapshotHtmlOptions,
): SnapshotHtml {
  const blocks = prepared.map((p) => p.block);
  const shift = options.headingShift ?? 2;
  const ids = new Set<string>();
  const headings: SnapshotHeading[] = [];
  const firstHeading = blocks.map((block) => {
    const first = headings.length;
    for (const h of block.headings) headings.push({ id: uniqueId(h.base, ids), level: Math.min(6, h.depth + shift), text: h.text });
    return first;
  });
  const firstSegment: number[] = [];
  let segmentCount = 0;
  for (const block of blocks) {
    firstSegment.push(segmentCount);
    segmentCount += block.segments.length;
  }
  const { found, missing, marks } = matchClauses(blocks.flatMap((b) => b.segments), options.clauses ?? []);

  let html = '';
  let separated = false;
  blocks.forEach((block, i) => {
    if (!block.produced) return;
    if (separated) html += '\n';
    separated = !block.dropsSeparator;
    const headingsBefore = firstHeading[i] ?? 0;
    const segmentsBefore = firstSegment[i] ?? 0;
    const blockMarks = new Map<number, ClauseHighlight[]>();
    for (const [index, starting] of marks) {
      if (index >= segmentsBefore && index < segmentsBefore + block.segments.length) blockMarks.set(index - segmentsBefore, starting);
    }
    const headingIds = headings.slice(headingsBefore, headingsBefore + block.headings.length).map((h) => h.id);
    const key = variantKey(block, options, headingIds, blockMarks);
    const cached = block.html.get(key);
    if (cached !== undefined) {
      html += cached;
      return;
    }
    const chunk = chunks[i] ?? '';
    let tree = prepared[i]?.tree;
    if (!tree) {
      tree = sanitisedTree(chunk).tree;
      tidy(tree);
    }
    fixLinks(tree, new Set(), options.sourceUrl);
    addHeadingIds(textHeadings(tree), new Set(headings.slice(0, headingsBefore).map((h) => h.id)), shift);
    markSegments(segmentText(tree), blockMarks);
    const rendered = serializer.stringify(tree);
    html += rendered;
    // Consecutive versions mostly repeat a block with the same highlights, so this rendering is kept too.
    if (block.html.size >= MAX_VARIANTS) {
      const [oldKey, oldHtml] = block.html.entries().next().value ?? ['', ''];
      block.html.delete(oldKey);
      block.bytes -= stringBytes([oldKey, oldHtml]);
    }
    block.html.set(key, rendered);
    block.bytes += stringBytes([key, rendered]);
    blockCache.set(chunk, block, block.bytes + 2 * chunk.length);
  });
  return { html, headings, found, missing };
}

type Parent = Root | Element;

function visitElements(node: Parent, visit: (el: Element, parent: Parent) => void): void {
  for (const child of [...node.children]) {
    if (child.type !== 'element') continue;
    visit(child, node);
    visitElements(child, visit);
  }
}

/** The text a reader sees; a line break counts as whitespace. */
function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return '\n';
  return node.children.map(textOf).join('');
}

/**
 * Drops paragraphs left empty by dropped inline HTML (with the line break after
 * them) and collects the ids the sanitised text carries. `dropsLast`: the
 * root's last node was such a paragraph, so in a longer text the line break
 * after it would have gone too.
 */
function tidy(tree: Root): { ids: Set<string>; dropsLast: boolean } {
  const ids = new Set<string>();
  let dropsLast = false;
  visitElements(tree, (el, parent) => {
    if (typeof el.properties['id'] === 'string') ids.add(el.properties['id']);
    if (el.tagName === 'p' && !textOf(el).trim()) {
      const index = parent.children.indexOf(el);
      const next = parent.children[index + 1];
      if (parent === tree && !next) dropsLast = true;
      parent.children.splice(index, next?.type === 'text' && !next.value.trim() ? 2 : 1);
    }
  });
  return { ids, dropsLast };
}

function replaceWithChildren(el: Element, parent: Parent): void {
  const index = parent.children.indexOf(el);
  parent.children.splice(index, 1, ...el.children);
}

/**
 * In-text fragment links point at the prefixed ids; other relative links are
 * resolved against the source (or unwrapped without one); every link that
 * leaves the site is marked as user content.
 */
function fixLinks(tree: Root, ids: ReadonlySet<string>, sourceUrl: string | undefined): void {
  visitElements(tree, (el, parent) => {
    if (el.tagName !== 'a') return;
    const href = el.properties['href'];
    if (typeof href !== 'string') return replaceWithChildren(el, parent);
    if (href.startsWith('#') && ids.has(SNAPSHOT_ID_PREFIX + href.slice(1))) {
      el.properties['href'] = `#${SNAPSHOT_ID_PREFIX}${href.slice(1)}`;
      return;
    }
    const absolute = resolveUrl(href, sourceUrl);
    if (!absolute) return replaceWithChildren(el, parent);
    el.properties['href'] = absolute;
    el.properties['rel'] = EXTERNAL_REL;
  });
}

function resolveUrl(href: string, base: string | undefined): string | undefined {
  let url: URL;
  try {
    url = base ? new URL(href, base) : new URL(href);
  } catch {
    return undefined;
  }
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
}

interface TextHeading {
  el: Element;
  /** The Markdown level, before the shift. */
  depth: number;
  text: string;
}

function textHeadings(tree: Root): TextHeading[] {
  const headings: TextHeading[] = [];
  visitElements(tree, (el) => {
    const depth = HEADING.exec(el.tagName)?.[1];
    if (depth) headings.push({ el, depth: Number(depth), text: textOf(el).replace(/\s+/g, ' ').trim() });
  });
  return headings;
}

function headingBase(text: string): string {
  return SNAPSHOT_ID_PREFIX + (headingSlug(text) || 'section');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet; takes it. */
function uniqueId(base: string, ids: Set<string>): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

function addHeadingIds(found: readonly TextHeading[], ids: Set<string>, shift: number): SnapshotHeading[] {
  const headings: SnapshotHeading[] = [];
  for (const { el, depth, text } of found) {
    const level = Math.min(6, depth + shift);
    el.tagName = `h${level}`;
    if (!text) continue;
    // A heading that already has an id (the footnotes label) is referenced by it; keep it.
    let id = el.properties['id'];
    if (typeof id !== 'string') el.properties['id'] = id = uniqueId(headingBase(text), ids);
    headings.push({ id, level, text });
  }
  return headings;
}

/** `1. Who We Are & What We Do` → `1-who-we-are-what-we-do`; letters of any script are kept. */
function headingSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

const BLOCKS = new Set([
  'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th',
  'thead', 'tr', 'ul',
]);

/** A run of inline content directly inside one block: the unit that gets highlighted. */
interface Segment {
  parent: Parent;
  nodes: ElementContent[];
  /** Its normalised text, never empty. */
  text: string;
}

function isBlock(node: RootContent): boolean {
  return node.type === 'element' && BLOCKS.has(node.tagName);
}

/** Splits the tree into inline runs with text, in reading order. */
function segmentText(tree: Root): Segment[] {
  const segments: Segment[] = [];
  const addRun = (parent: Parent, nodes: ElementContent[]) => {
    const text = normalizeText(nodes.map(textOf).join(''));
    if (text) segments.push({ parent, nodes, text });
  };
  const walk = (parent: Parent) => {
    let run: ElementContent[] = [];
    for (const child of parent.children) {
      if (isBlock(child)) {
        addRun(parent, run);
        run = [];
        walk(child as Element);
      } else if (child.type === 'text' || child.type === 'element') {
        run.push(child);
      }
    }
    addRun(parent, run);
  };
  walk(tree);
  return segments;
}

/**
 * Finds each clause's quote (first occurrence) in the segments' texts joined
 * by spaces; a quote may span several segments. `marks`: for each covered
 * segment (by index), the clauses whose quote starts in it.
 */
function matchClauses(
  texts: readonly string[],
  clauses: readonly ClauseHighlight[],
): { found: string[]; missing: string[]; marks: Map<number, ClauseHighlight[]> } {
  const found: string[] = [];
  const missing: string[] = [];
  const marks = new Map<number, ClauseHighlight[]>();
  if (!clauses.length) return { found, missing, marks };
  const text = texts.join(' ');
  for (const clause of clauses) {
    const needle = normalizeText(clause.quote);
    const at = needle ? text.indexOf(needle) : -1;
    if (at < 0) {
      missing.push(clause.key);
      continue;
    }
    found.push(clause.key);
    let start = 0;
    let first = true;
    texts.forEach((segment, i) => {
      const end = start + segment.length;
      if (end > at && start < at + needle.length) {
        const starting = marks.get(i) ?? [];
        if (first) starting.push(clause);
        first = false;
        marks.set(i, starting);
      }
      start = end + 1;
    });
  }
  return { found, missing, marks };
}

/** Marks each covered segment and puts links to the clauses starting there just before it. */
function markSegments(segments: readonly Segment[], marks: ReadonlyMap<number, ClauseHighlight[]>): void {
  for (const [index, starting] of marks) {
    const segment = segments[index];
    if (!segment) continue;
    const at = segment.parent.children.indexOf(segment.nodes[0] as RootContent & ElementContent);
    const mark: Element = { type: 'element', tagName: 'mark', properties: { className: ['clause-highlight'] }, children: segment.nodes };
    segment.parent.children.splice(at, segment.nodes.length, ...starting.map(clauseLink), mark);
  }
}

function clauseLink(clause: ClauseHighlight): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { id: clauseAnchorId(clause.key), className: ['clause-highlight__link'], href: clause.url },
    children: [{ type: 'text', value: `Clause: ${clause.title}` }],
  };
}
