/**
 * Contributed analyses are data, not code. Before anything is compiled, the
 * body is parsed with the site's own parser (markdown-syntax.ts: GFM, plus MDX
 * for .mdx files), so a table cell or a footnote is read here exactly as the
 * renderer reads it, and rejected if it holds, anywhere in the tree, ESM
 * (`import`/`export`), `{expressions}`, components outside the allow-list,
 * attributes or attribute values outside it, raw HTML, images, or links whose
 * URL scheme is not http(s) or mailto (`javascript:` survives Markdown
 * rendering untouched, so it is refused here).
 */
import { requiredSections, optionalSections } from '../../schema/clause.ts';
import { allowedComponents } from '../reading/markdown-sanitize.ts';
import { parseContributed } from '../reading/markdown-syntax.ts';
import { describeValue, type Problem } from '../reading/problems.ts';

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  depth?: number;
  children?: Node[];
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  url?: string;
  alt?: string | null;
  position?: { start: { line: number } };
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

function plainText(node: Node): string {
  return [...walk(node)].map((n) => (n.type === 'text' || n.type === 'inlineCode' ? (n.value ?? '') : '')).join('');
}

/** Schemes a link or image may name; a URL without a scheme is relative and stays on the site. */
const allowedSchemes = ['http', 'https', 'mailto'];

/** The scheme of a URL as a browser reads it: ASCII whitespace and control characters are ignored (`java\tscript:`). */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase();
}

type Report = (node: Node | undefined, field: string, expected: string, found: string) => void;

/** Parses a body, reporting a syntax error; undefined when it cannot be parsed. */
function parseBody(file: string, body: string, bodyLine: number, isMdx: boolean, problems: Problem[]): Node | undefined {
  try {
    return parseContributed(body, isMdx) as Node;
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    problems.push({ file, line: (e.line ?? 1) + bodyLine - 1, field: 'body', expected: 'valid MDX', found: e.reason ?? e.message, level: 'error' });
    return undefined;
  }
}

function reporter(file: string, bodyLine: number, problems: Problem[]): Report {
  return (node, field, expected, found) =>
    problems.push({ file, line: node?.position ? node.position.start.line + bodyLine - 1 : bodyLine, field, expected, found, level: 'error' });
}

/** Reports every node that is code, raw HTML, an unknown component or an unsafe link. */
function checkNodes(tree: Node, report: Report): void {
  for (const node of walk(tree)) {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, 'body', 'Markdown and allowed components only (no import or export)', describeValue(node.value?.split('\n')[0]));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(node, 'body', 'Markdown and allowed components only (no {expressions})', describeValue(`{${node.value ?? ''}}`));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const allowed = node.name && Object.hasOwn(allowedComponents, node.name) ? allowedComponents[node.name] : undefined;
        if (!allowed) {
          report(node, 'body', `one of the allowed components (${Object.keys(allowedComponents).join(', ')})`, `<${node.name ?? ''}>`);
          break;
        }
        for (const attribute of node.attributes ?? []) {
          const values = attribute.name && Object.hasOwn(allowed, attribute.name) ? allowed[attribute.name] : undefined;
          if (attribute.type !== 'mdxJsxAttribute' || !values || typeof attribute.value !== 'string') {
            report(node, `body <${node.name}>`, `only plain text attributes (${Object.keys(allowed).join(', ')})`, describeValue(attribute.name ?? '{…}'));
          } else if (!values.includes(attribute.value)) {
            report(node, `body <${node.name}> ${attribute.name}`, `one of ${values.map((v) => `"${v}"`).join(', ')}`, describeValue(attribute.value));
          }
        }
        break;
      }
      case 'html':
        report(node, 'body', 'Markdown without raw HTML', describeValue(node.value));
        break;
      case 'image':
      case 'imageReference':
        report(node, 'body', 'Markdown without images (analyses and regulation texts are text)', describeValue(node.url ?? `![${node.alt ?? ''}]`));
        break;
      case 'link':
      case 'definition': {
        const scheme = schemeOf(node.url ?? '');
        if (scheme && !allowedSchemes.includes(scheme)) {
          report(node, 'body', `links to ${allowedSchemes.map((s) => `${s}:`).join(', ')} or relative addresses`, describeValue(node.url));
        }
        break;
      }
    }
  }
}

/** Checks a Markdown body that has no required sections (a regulation's text): no raw HTML, only safe links. */
export function checkMarkdown(file: string, body: string, bodyLine: number, problems: Problem[]): void {
  const tree = parseBody(file, body, bodyLine, false, problems);
  if (tree) checkNodes(tree, reporter(file, bodyLine, problems));
}

/** Checks an analysis body; `bodyLine` is the file line where the body starts. */
export function checkAnalysis(file: string, body: string, bodyLine: number, isMdx: boolean, problems: Problem[]): void {
  const tree = parseBody(file, body, bodyLine, isMdx, problems);
  if (!tree) return;
  const report = reporter(file, bodyLine, problems);
  checkNodes(tree, report);
  const headings: Node[] = [];
  for (const node of walk(tree)) {
    if (node.type !== 'heading') continue;
    if (node.depth === 2) headings.push(node);
    else if (node.depth === 1) report(node, 'body', 'section headings written as `## Heading` (the page supplies the title)', describeValue(plainText(node)));
  }
  const names = headings.map(plainText);
  const allowedNames: readonly string[] = [...requiredSections, ...optionalSections];
  for (const [i, heading] of headings.entries()) {
    if (!allowedNames.includes(names[i] ?? '')) {
      report(heading, 'body', `section headings from ${allowedNames.map((n) => `"${n}"`).join(', ')}`, describeValue(names[i]));
    }
  }
  const order = requiredSections.map((section) => names.indexOf(section));
  const missing = requiredSections.filter((_, i) => order[i] === -1);
  if (missing.length) {
    problems.push({ file, line: bodyLine, field: 'body', expected: `the sections ${requiredSections.map((n) => `"## ${n}"`).join(', ')}`, found: `no ${missing.map((n) => `"## ${n}"`).join(', ')}`, level: 'error' });
  } else if (order.some((position, i) => i > 0 && position < (order[i - 1] ?? 0))) {
    problems.push({ file, line: bodyLine, field: 'body', expected: `the sections in the order ${requiredSections.join(', ')}`, found: names.join(', '), level: 'error' });
  }
  for (const [i, heading] of headings.entries()) {
    const next = headings[i + 1];
    const start = heading.position?.start.line ?? 0;
    const end = next?.position?.start.line ?? Number.POSITIVE_INFINITY;
    const hasText = tree.children?.some((n) => n.type !== 'heading' && (n.position?.start.line ?? 0) > start && (n.position?.start.line ?? 0) < end && plainText(n).trim());
    if (!hasText) report(heading, 'body', `some text under "## ${names[i]}"`, 'an empty section');
  }
}
