/**
 * The validation guard and the site's renderer read contributed Markdown the
 * same way, and what the renderer makes of it is safe even without the guard.
 *
 * For every analysis and regulation body in the hostile corpus, the fixture
 * atlas and the bundled content, the tree the guard checks
 * (markdown-syntax.ts `parseContributed`, on the body the content loader
 * splits off) is compared with the tree Astro's own renderers parse, reached
 * the way a build reaches them: Astro's front-matter split of the whole file,
 * then Astro's Markdown processor (`.md`) or the MDX compiler with the plugin
 * order of @astrojs/mdx (`.mdx`), both configured by the clauseAtlas() integration.
 *
 * Then each body is rendered by those renderers with validation skipped, and
 * the output must hold no script, event handler, javascript: URL or element
 * outside the allow-list, and compiled MDX none of the body's expressions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root as HastRoot } from 'hast';
import { parseHTML } from 'linkedom';
import type { Root as MdastRoot } from 'mdast';
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import clauseAtlas, { SITE_MARKDOWN } from '../../src/integrations/clause-atlas.ts';
import { parseEntrySource } from '../../src/atlas/reading/entry-file.ts';
import { allowedComponents, markdownSchema } from '../../src/atlas/reading/markdown-sanitize.ts';
import { contributedMarkdown, parseContributed } from '../../src/atlas/reading/markdown-syntax.ts';
import type { Problem } from '../../src/atlas/reading/problems.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

/** Imports a package as @astrojs/markdown-remark's own dependency: Astro's remark processor compiles MDX itself (its dist/mdx/create-processor.js). */
async function importFromRemark(name: string) {
  const remarkRequire = createRequire(import.meta.resolve('@astrojs/markdown-remark'));
  return import(pathToFileURL(remarkRequire.resolve(name)).href);
}
const { createProcessor, nodeTypes } = await importFromRemark('@mdx-js/mdx');
const { default: rehypeRaw } = await importFromRemark('rehype-raw');

/** Every analysis and regulation body: hostile cases, the fixture atlas, the bundled content. */
function bodies(): string[] {
  const roots = [
    ...readdirSync(join(PROJECT, 'tests/hostile/cases')).map((c) => `tests/hostile/cases/${c}/files`),
    'tests/fixtures/atlas',
    'content',
  ];
  return roots.flatMap((root) =>
    ['clauses', 'regulations'].flatMap((kind) => {
      const dir = join(PROJECT, root, kind);
      try {
        statSync(dir);
      } catch {
        return [];
      }
      return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((path) => /\.mdx?$/.test(path) && statSync(join(dir, path)).isFile())
        .map((path) => relative(PROJECT, join(dir, path)).split('\\').join('/'));
    }),
  );
}

/**
 * A tree without positions: the guard parses the body, the renderer the whole
 * file, so offsets differ by design. The JavaScript syntax trees MDX attaches
 * to expressions carry offsets too (`start`, `end`, `range`, `loc`).
 */
function shape(node: unknown, inEstree = false): unknown {
  if (Array.isArray(node)) return node.map((n) => shape(n, inEstree));
  // The loader reads CRLF files as LF, the renderer reads them raw: raw code (an ESM block's value) keeps its CRs there.
  if (typeof node === 'string') return node.replace(/\r\n/g, '\n');
  if (!node || typeof node !== 'object') return node;
  const skip = inEstree ? ['position', 'start', 'end', 'range', 'loc'] : ['position'];
  return Object.fromEntries(Object.entries(node).filter(([key]) => !skip.includes(key)).map(([key, value]) => [key, shape(value, inEstree || key === 'estree')]));
}

function capture(into: { tree?: unknown }) {
  return () => (tree: unknown) => {
    into.tree = structuredClone(tree);
  };
}

const processor = SITE_MARKDOWN.processor as unknown as { name: string; options: typeof contributedMarkdown };
const markdown = processor.options;

async function renderMarkdown(body: string) {
  const seen: { tree?: unknown } = {};
  const renderer = await createMarkdownProcessor({ ...markdown, syntaxHighlight: false, remarkPlugins: [capture(seen), ...markdown.remarkPlugins] });
  const html: string = (await renderer.render(body)).code;
  return { mdast: seen.tree as MdastRoot, html };
}

/**
 * The MDX compiler as Astro's remark processor sets it up (dist/mdx/create-processor.js): its parser's
 * tree (before @mdx-js/mdx's own transforms), the HTML tree after the
 * configured rehype plugins, and the compiled module.
 */
async function compileMdx(text: string) {
  const rendered: { tree?: unknown } = {};
  const compiler = createProcessor({
    format: 'mdx',
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
    remarkPlugins: markdown.remarkPlugins,
    remarkRehypeOptions: markdown.remarkRehype,
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], ...markdown.rehypePlugins, capture(rendered)],
  });
  const mdast = compiler.parse(text) as MdastRoot;
  const js = String(await compiler.process(text));
  return { mdast, hast: rendered.tree as HastRoot, js };
}

interface Body {
  file: string;
  isMdx: boolean;
  /** What the content loader (and so the guard) takes as the body. */
  body: string;
  /** What Astro hands its renderer: a `.md` body trimmed, an `.mdx` file whole with front matter blanked. */
  rendererInput: string;
}

function readBody(file: string, variant: (text: string) => string = (text) => text): Body | undefined {
  const text = variant(readFileSync(join(PROJECT, file), 'utf8'));
  const problems: Problem[] = [];
  const { body } = parseEntrySource(file, text, problems);
  let astroContent: string;
  try {
    astroContent = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content;
  } catch {
    return undefined; // Astro refuses the front matter as well: nothing is rendered
  }
  if (problems.length) return undefined;
  const isMdx = file.endsWith('.mdx');
  return { file, isMdx, body, rendererInput: isMdx ? astroContent : astroContent.trim() };
}

const all = bodies();
const readable = all.map((file) => readBody(file)).filter((b): b is Body => b !== undefined);
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
/**
 * The same files as Windows editors save them: CRLF line ends, and also a
 * byte-order mark. Those whose front matter the loader refuses are left out,
 * as nothing of them is rendered.
 */
const windows = [
  ['CRLF', crlf],
  ['CRLF, BOM', (text: string) => `\uFEFF${crlf(text)}`],
].flatMap(([name, variant]) =>
  all.flatMap((file) => {
    const body = readBody(file, variant as (text: string) => string);
    return body ? [{ ...body, file: `${file} (${name as string})` }] : [];
  }),
);

describe('one Markdown pipeline', () => {
  it('the site renders with the shared definition', () => {
    expect(processor.name).toBe('unified');
    expect(markdown).toMatchObject(contributedMarkdown);
    expect(SITE_MARKDOWN.syntaxHighlight).toBe(false);
    expect(clauseAtlas().some((integration) => integration.name === '@astrojs/mdx')).toBe(true);
    // The MDX integration adds GFM and SmartyPants only on these switches; GFM comes from the shared plugins instead.
    expect([markdown.gfm, markdown.smartypants]).toEqual([false, false]);
  });

  it('found the corpus', () => {
    expect(readable.length).toBeGreaterThanOrEqual(25);
    expect(readable.some((b) => b.isMdx)).toBe(true);
  });

  it.each([...readable, ...windows].map((b) => [b.file, b] as const))('guard and renderer see the same tree: %s', async (_, body) => {
    let guard: unknown;
    let guardError: unknown;
    try {
      guard = shape(parseContributed(body.body, body.isMdx));
    } catch (error) {
      guardError = error;
    }
    const rendered = body.isMdx ? compileMdx(body.rendererInput) : renderMarkdown(body.rendererInput);
    if (guardError) {
      // A body the guard cannot parse (an MDX syntax error) is one the compiler cannot compile either.
      await expect(rendered).rejects.toThrow();
      return;
    }
    expect(shape((await rendered).mdast)).toEqual(guard);
  });
});

const allowedTags = new Set(markdownSchema.tagNames);
const isScriptUrl = (value: string) => /^[\s\u0000-\u001f]*(?:java|vb)script:|^[\s\u0000-\u001f]*data:/i.test(value.replace(/[\t\n\r]/g, ''));

/** Problems with one rendered element: tag outside the allow-list, event handler, script URL. */
function unsafeParts(tag: string, attributes: Array<[string, string]>): string[] {
  const found: string[] = [];
  if (!allowedTags.has(tag)) found.push(`<${tag}>`);
  for (const [name, value] of attributes) {
    if (/^on/i.test(name)) found.push(`${tag} ${name}`);
    if (isScriptUrl(value)) found.push(`${tag} ${name}=${value}`);
  }
  return found;
}

describe('the renderer alone keeps contributed content inert', () => {
  it.each(readable.filter((b) => !b.isMdx).map((b) => [b.file, b] as const))('Markdown: %s', async (_, body) => {
    const { html } = await renderMarkdown(body.rendererInput);
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const found = [...document.body.querySelectorAll('*')].flatMap((el) => unsafeParts(el.localName, [...el.attributes].map((a) => [a.name, a.value])));
    expect(found).toEqual([]);
  });

  it.each(readable.filter((b) => b.isMdx).map((b) => [b.file, b] as const))('MDX: %s', async (_, body) => {
    let compiled: Awaited<ReturnType<typeof compileMdx>>;
    try {
      compiled = await compileMdx(body.rendererInput);
    } catch {
      return; // not compiled at all, so nothing in it can run
    }
    const found: string[] = [];
    const code: string[] = [];
    const visit = (node: { type: string; tagName?: string; name?: string | null; value?: unknown; properties?: Record<string, unknown>; attributes?: Array<{ type: string; name?: string; value?: unknown }>; children?: unknown[] }) => {
      if (node.type === 'element') found.push(...unsafeParts(node.tagName ?? '', Object.entries(node.properties ?? {}).map(([k, v]) => [k, String(v)])));
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const allowed = node.name && Object.hasOwn(allowedComponents, node.name) ? allowedComponents[node.name] : undefined;
        if (!allowed) found.push(`<${node.name}>`);
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute' || typeof a.value !== 'string' || !allowed?.[a.name ?? '']?.includes(a.value)) found.push(`<${node.name} ${a.name ?? '{…}'}>`);
        }
      }
      if (/^mdx(?:Flow|Text)Expression$|^mdxjsEsm$/.test(node.type)) found.push(`${node.type} ${String(node.value)}`);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(compiled.hast as Parameters<typeof visit>[0]);
    expect(found).toEqual([]);
    // No expression, ESM or attribute expression of the body reaches the compiled module.
    const collect = (node: { type: string; value?: unknown; attributes?: Array<{ value?: unknown }>; children?: unknown[] }) => {
      if (/^mdx(?:Flow|Text)Expression$|^mdxjsEsm$/.test(node.type) && typeof node.value === 'string') code.push(node.value);
      for (const a of node.attributes ?? []) if (a.value && typeof a.value === 'object' && 'value' in a.value) code.push(String(a.value.value));
      for (const child of node.children ?? []) collect(child as typeof node);
    };
    collect(compiled.mdast as Parameters<typeof collect>[0]);
    for (const source of code.map((c) => c.trim()).filter((c) => c.length >= 8)) expect(compiled.js, source).not.toContain(source);
  });

  it('keeps what analyses may use: the Aside component, tables, footnotes that link, strikethrough, links', async () => {
    const body = [
      '## What it is',
      '',
      'Acme requires arbitration[^1], ~~not court~~, see https://acme.example/terms.',
      '',
      '<Aside type="caution">Arbitration is *private*.</Aside>',
      '',
      '| a | b |',
      '| --- | --- |',
      '| 1 | [two](https://two.example/) |',
      '',
      'Inline <Aside type="note">aside</Aside> too.',
      '',
      '[^1]: The arbitrator decides.',
      '',
      '### Stability',
      '',
      'A heading named like a section of the page; [back to the top](#what-it-is).',
    ].join('\n');
    const { hast, js } = await compileMdx(body);
    const html = JSON.stringify(hast);
    expect(js).toMatch(/_components\.Aside|Aside/);
    const asides: Array<{ type: string; attributes: unknown }> = [];
    const visit = (node: { type: string; name?: string; attributes?: unknown; children?: unknown[] }) => {
      if (node.name === 'Aside') asides.push({ type: node.type, attributes: node.attributes });
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(hast as Parameters<typeof visit>[0]);
    expect(asides).toEqual([
      { type: 'mdxJsxFlowElement', attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: 'caution' }] },
      { type: 'mdxJsxTextElement', attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: 'note' }] },
    ]);
    for (const part of ['"tagName":"table"', '"tagName":"del"', '"href":"https://acme.example/terms"', '"href":"https://two.example/"', '"tagName":"em"']) expect(html).toContain(part);
    // The footnote reference points at the footnote's (prefixed) id, and back.
    const { html: mdHtml } = await renderMarkdown(body.replace(/<\/?Aside[^>]*>/g, ''));
    const ids = new Set([...mdHtml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const fragments = [...mdHtml.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]);
    expect(fragments.length).toBeGreaterThanOrEqual(2);
    for (const fragment of fragments) expect(ids, fragment).toContain(fragment);
    expect([...ids].filter((id) => !id?.startsWith('user-content-'))).toEqual([]); // no contributed id can take one of the page's
    expect(ids).toContain('user-content-stability');
    expect(fragments).toContain('user-content-what-it-is');
  });
});
