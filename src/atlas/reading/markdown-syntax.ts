/**
 * The one definition of contributed Markdown — analysis bodies (`.md`, and
 * `.mdx` with MDX syntax on top) and regulation texts: its syntax and how it
 * is rendered. The validation guard parses with `parseContributed`;
 * the clauseAtlas() integration (src/integrations/clause-atlas.ts) hands `contributedMarkdown` to Astro, whose Markdown and MDX
 * renderers both read it. So the guard checks exactly the tree the site
 * renders, and the two cannot drift apart (tests/hostile/pipeline.test.ts
 * compares them on every body of the hostile corpus).
 */
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Schema } from 'hast-util-sanitize';
import { contributedSchema, rehypeContributed } from './markdown-sanitize.ts';

/** Syntax beyond CommonMark: GFM (tables, footnotes, strikethrough, autolinks, task lists). */
export const syntaxPlugins = [remarkGfm];

// Same order as @mdx-js/mdx builds its parser: remark-parse, remark-mdx, then the configured remark plugins.
const markdownParser = unified().use(remarkParse).use(syntaxPlugins).freeze();
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(syntaxPlugins).freeze();

/**
 * Parses a body (the text after the front matter) to mdast as the site's
 * renderer does; positions are relative to `body`. Throws on MDX syntax errors
 * (a VFileMessage with `line` and `reason`).
 *
 * Astro renders a `.md` body trimmed (its content loader, markdown entry type)
 * and an `.mdx` file whole, front matter blanked. Trimming matters: text
 * indented on the body's first line is code to an untrimmed parser but HTML to
 * the renderer, so it is removed here too (keeping the line breaks, which
 * leave the tree as it is and the lines as in the file).
 */
export function parseContributed(body: string, isMdx: boolean): MdastRoot {
  if (isMdx) return mdxParser.parse(body);
  return markdownParser.parse(body.replace(/^\s+/, (space) => space.replace(/[^\n]/g, '')).trimEnd());
}

/**
 * Images become their alt text before Astro collects image paths to import:
 * a contributed body never makes the build read a file (validation refuses
 * images; this holds where validation does not run, as in `npm run dev`).
 */
function remarkImagesAsText() {
  const replace = (node: { type: string; alt?: string | null; children?: unknown[] }): unknown =>
    node.type === 'image' || node.type === 'imageReference' ? { type: 'text', value: node.alt ?? '' } : node.children ? { ...node, children: node.children.map((c) => replace(c as typeof node)) } : node;
  return (tree: MdastRoot) => replace(tree) as MdastRoot;
}

/**
 * Options of Astro's remark processor (`unified()` from @astrojs/markdown-remark,
 * which also renders MDX). GFM comes from `syntaxPlugins` rather than Astro's
 * own switch, so the guard and the renderer load the same plugin; typography
 * is off, and so is syntax highlighting in the clauseAtlas() integration (highlighters add
 * inline styles the sanitiser would drop, and analyses hold no code); raw HTML is not carried into the HTML tree; ids get their prefix
 * from the sanitiser, as in snapshot text.
 */
export const contributedMarkdown = {
  gfm: false,
  smartypants: false,
  remarkPlugins: [...syntaxPlugins, remarkImagesAsText],
  remarkRehype: { allowDangerousHtml: false, clobberPrefix: '' },
  // The schema is passed, not only defaulted, so it is part of the configuration Astro hashes:
  // a changed allow-list clears Astro's cache of rendered Markdown (kept between deploys).
  rehypePlugins: [[rehypeContributed, contributedSchema] as [typeof rehypeContributed, Schema]],
};
