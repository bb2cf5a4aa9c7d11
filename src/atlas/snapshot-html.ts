/**
 * A snapshot's Markdown as safe HTML. Snapshot text is third-party content, so
 * it is rendered without raw HTML and then sanitised with a strict allow-list
 * before anything of ours (heading ids, clause highlights) is added. Clause
 * quotes are found on the rendered text with the same normalisation as quote
 * matching, so a passage is highlighted exactly when the clause counts as present.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { normalizeText } from './normalize.ts';

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
  sourceUrl?: string;
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

/** Only what Markdown and GFM produce, minus images, raw HTML and form controls. */
const schema: SanitizeSchema = {
  tagNames: [
    'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre',
    'section', 'strong', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  ],
  attributes: {
    a: ['href', 'title', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref'],
    code: [['className', /^language-[\w-]+$/]],
    ol: ['start'],
    section: ['dataFootnotes'],
    td: ['align'],
    th: ['align'],
    '*': ['id'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  clobber: ['ariaDescribedBy', 'id'],
  clobberPrefix: SNAPSHOT_ID_PREFIX,
  strip: ['script', 'style'],
  required: {},
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
};

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

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { handlers, clobberPrefix: '' })
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/** Renders snapshot Markdown to sanitised HTML with heading ids and clause highlights. */
export function renderSnapshotHtml(markdown: string, options: SnapshotHtmlOptions = {}): SnapshotHtml {
  const tree = processor.runSync(processor.parse(markdown));
  const ids = new Set<string>();
  visitElements(tree, (el, parent) => {
    if (typeof el.properties['id'] === 'string') ids.add(el.properties['id']);
    // Inline raw HTML is dropped, which can leave a paragraph with nothing in it.
    if (el.tagName === 'p' && !textOf(el).trim()) {
      const index = parent.children.indexOf(el);
      const next = parent.children[index + 1];
      parent.children.splice(index, next?.type === 'text' && !next.value.trim() ? 2 : 1);
    }
  });
  fixLinks(tree, ids, options.sourceUrl);
  const headings = addHeadingIds(tree, ids, options.headingShift ?? 2);
  const { found, missing } = highlightClauses(tree, options.clauses ?? []);
  return { html: processor.stringify(tree), headings, found, missing };
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

function addHeadingIds(tree: Root, ids: Set<string>, shift: number): SnapshotHeading[] {
  const headings: SnapshotHeading[] = [];
  visitElements(tree, (el) => {
    const level = HEADING.exec(el.tagName)?.[1];
    if (!level) return;
    const shifted = Math.min(6, Number(level) + shift);
    el.tagName = `h${shifted}`;
    const text = textOf(el).replace(/\s+/g, ' ').trim();
    if (!text) return;
    // A heading that already has an id (the footnotes label) is referenced by it; keep it.
    let id = el.properties['id'];
    if (typeof id !== 'string') {
      const base = SNAPSHOT_ID_PREFIX + (headingSlug(text) || 'section');
      id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      el.properties['id'] = id;
    }
    headings.push({ id, level: shifted, text });
  });
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
  /** Offset of this segment's normalised text in the joined text. */
  start: number;
  end: number;
}

function isBlock(node: RootContent): boolean {
  return node.type === 'element' && BLOCKS.has(node.tagName);
}

/** Splits the tree into inline runs, in reading order, and joins their normalised text. */
function segmentText(tree: Root): { segments: Segment[]; text: string } {
  const segments: Segment[] = [];
  const parts: string[] = [];
  let offset = 0;
  const addRun = (parent: Parent, run: ElementContent[]) => {
    const normalized = normalizeText(run.map(textOf).join(''));
    if (!normalized) return;
    if (parts.length) offset += 1;
    segments.push({ parent, nodes: run, start: offset, end: offset + normalized.length });
    parts.push(normalized);
    offset += normalized.length;
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
  return { segments, text: parts.join(' ') };
}

/**
 * Marks the passage holding each clause's quote (first occurrence; it may span
 * several blocks) and puts a link to the clause page, with the clause's anchor
 * id, just before it.
 */
function highlightClauses(tree: Root, clauses: readonly ClauseHighlight[]): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  if (!clauses.length) return { found, missing };
  const { segments, text } = segmentText(tree);
  const marked = new Map<Segment, ClauseHighlight[]>();
  for (const clause of clauses) {
    const needle = normalizeText(clause.quote);
    const at = needle ? text.indexOf(needle) : -1;
    if (at < 0) {
      missing.push(clause.key);
      continue;
    }
    found.push(clause.key);
    const covered = segments.filter((s) => s.end > at && s.start < at + needle.length);
    covered.forEach((segment, i) => {
      const starting = marked.get(segment) ?? [];
      if (i === 0) starting.push(clause);
      marked.set(segment, starting);
    });
  }
  for (const [segment, starting] of marked) {
    const index = segment.parent.children.indexOf(segment.nodes[0] as RootContent & ElementContent);
    const mark: Element = { type: 'element', tagName: 'mark', properties: { className: ['clause-highlight'] }, children: segment.nodes };
    const links = starting.map(clauseLink);
    segment.parent.children.splice(index, segment.nodes.length, ...links, mark);
  }
  return { found, missing };
}

function clauseLink(clause: ClauseHighlight): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { id: clauseAnchorId(clause.key), className: ['clause-highlight__link'], href: clause.url },
    children: [{ type: 'text', value: `Clause: ${clause.title}` }],
  };
}
