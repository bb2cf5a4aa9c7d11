/**
 * The HTML allow-list for Markdown that is not ours — contributed analyses and
 * regulation texts, and captured snapshot text (snapshot-html.ts) — and the
 * rehype step that applies it to contributed bodies, MDX included. Validation
 * already refuses anything outside the allow-list (analysis-guard.ts); this
 * step runs inside the renderer as well, so a body that never went through
 * validation (`npm run dev`, a missed check) still cannot put code on a page
 * or, in MDX, have an expression compiled.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import GithubSlugger from 'github-slugger';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';

/** Prefix of every id that comes from contributed text, so it cannot clobber the page's own ids (`main`, section ids). */
export const CONTRIBUTED_ID_PREFIX = 'user-content-';

/**
 * Only what Markdown and GFM produce, minus images, raw HTML and form
 * controls; links only to http(s) and mailto. Property names are hast's
 * (`ariaDescribedBy` for `aria-describedby`).
 */
export const markdownSchema: Schema = {
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
  clobberPrefix: CONTRIBUTED_ID_PREFIX,
  strip: ['script', 'style'],
  required: {},
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
};

/**
 * Components an analysis may use (`.mdx` only), each with the attributes it
 * accepts and their allowed values: `<Aside type="note|caution">…</Aside>`
 * (src/components/Aside.astro).
 */
export const allowedComponents: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Aside: { type: ['note', 'caution'] },
};

/** The Markdown allow-list plus the allowed components, their attributes limited to the allowed values. */
export const contributedSchema: Schema = {
  ...markdownSchema,
  tagNames: [...(markdownSchema.tagNames ?? []), ...Object.keys(allowedComponents)],
  attributes: {
    ...markdownSchema.attributes,
    ...Object.fromEntries(Object.entries(allowedComponents).map(([name, attributes]) => [name, Object.entries(attributes).map(([attribute, values]) => [attribute, ...values])])),
  },
};

/** The MDX nodes this step reads; the types come from mdast-util-mdx-jsx, kept structural so hast stays the only tree type. */
interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
  children: Array<RootContent | ElementContent>;
  data?: Record<string, unknown>;
  position?: Element['position'];
}

type AnyNode = Root | RootContent | ElementContent | MdxJsxElement;

const isJsx = (node: AnyNode): node is MdxJsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/**
 * MDX elements become hast elements so the sanitiser judges them like any
 * other tag: `<em>` is kept, `<img onerror>` is not. Only literal string
 * attributes carry over; expression attributes and spreads are dropped here,
 * and expression and ESM nodes are node types the sanitiser drops.
 */
function jsxAsElements(node: AnyNode): AnyNode {
  if (!('children' in node)) return node;
  const children = node.children.map((child) => jsxAsElements(child as AnyNode)) as ElementContent[];
  if (!isJsx(node)) return { ...node, children } as AnyNode;
  const properties: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    if (typeof attribute.value === 'string') properties[find(html, attribute.name).property] = attribute.value;
    else if (attribute.value === null || attribute.value === undefined) properties[find(html, attribute.name).property] = true;
  }
  const element: Element = { type: 'element', tagName: node.name ?? '', properties, children, data: { ...node.data, mdxJsx: node.type } as Element['data'] };
  if (node.position) element.position = node.position;
  return element;
}

/** Allowed components that survived sanitising go back to MDX elements, so MDX renders them as components. */
function restoreComponents(parent: { children: unknown[] }): void {
  parent.children = (parent.children as AnyNode[]).flatMap((child): unknown[] => {
    if (child.type !== 'element') return [child];
    restoreComponents(child);
    const { mdxJsx, ...data } = (child.data ?? {}) as Record<string, unknown>;
    if (!Object.hasOwn(allowedComponents, child.tagName)) return [child];
    if (mdxJsx !== 'mdxJsxFlowElement' && mdxJsx !== 'mdxJsxTextElement') return child.children;
    const attributes = Object.entries(child.properties).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value: String(value) }));
    const component: MdxJsxElement = { type: mdxJsx, name: child.tagName, attributes, children: child.children, data };
    if (child.position) component.position = child.position;
    return [component];
  });
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as AnyNode)).join('') : '';
}

/**
 * Headings get their ids here, prefixed, before Astro would give them bare
 * slugs (it keeps an id that is set): a contributed `### Stability` must not
 * take the id of the page's own Stability section. Slugs as GitHub makes them,
 * like Astro's.
 */
function addHeadingIds(tree: Root): void {
  const slugger = new GithubSlugger();
  const visit = (node: AnyNode) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && typeof node.properties['id'] !== 'string') {
      node.properties['id'] = CONTRIBUTED_ID_PREFIX + slugger.slug(textOf(node));
    }
    if ('children' in node) for (const child of node.children) visit(child as AnyNode);
  };
  visit(tree);
}

/** In-text fragment links (to footnotes, to headings) follow their targets' prefixed ids. */
function relinkFragments(tree: Root): void {
  const ids = new Set<string>();
  const anchors: Element[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === 'element') {
      if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
      if (node.tagName === 'a') anchors.push(node);
    }
    if ('children' in node) for (const child of node.children) visit(child as AnyNode);
  };
  visit(tree);
  for (const a of anchors) {
    const href = a.properties['href'];
    if (typeof href === 'string' && href.startsWith('#') && ids.has(CONTRIBUTED_ID_PREFIX + href.slice(1))) a.properties['href'] = `#${CONTRIBUTED_ID_PREFIX}${href.slice(1)}`;
  }
}

/**
 * A rehype plugin: the rendered tree of a contributed body, cut down to
 * `schema` (`contributedSchema`: `markdownSchema` plus `allowedComponents`),
 * every id prefixed with `CONTRIBUTED_ID_PREFIX`. Works on Markdown and MDX
 * trees (raw HTML nodes, MDX expressions and ESM are removed).
 */
export function rehypeContributed(schema: Schema = contributedSchema) {
  return (tree: Root): Root => {
    const clean = sanitize(jsxAsElements(tree) as Root, schema) as Root;
    restoreComponents(clean);
    addHeadingIds(clean);
    relinkFragments(clean);
    return clean;
  };
}
