/**
 * Reads one content file (YAML, or Markdown/MDX with YAML front matter) and
 * checks it against its zod schema, turning every zod issue into a Problem on
 * the exact line of the field. YAML is parsed with the `yaml` package because it
 * keeps node positions; gray-matter cuts the front matter out of Markdown.
 */
import matter from 'gray-matter';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ZodType } from 'astro/zod';
import { NOT_PLAIN_TEXT } from '../../schema/common.ts';
import { describeValue, type Problem } from './problems.ts';
import { schemaProblem } from './schema-issue.ts';

/** A YAML text parsed with positions. */
interface PositionedYaml {
  value: unknown;
  /** Line of the node at a field path (falls back to the nearest existing parent). */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
  errors: Array<{ line: number; message: string }>;
}

function parsePositioned(source: string, lineOffset: number): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  // Warnings count too: an unresolved tag (`!!js/function`, `!custom`) would otherwise be read as plain text.
  const errors = [...doc.errors, ...doc.warnings].map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  let value: unknown;
  try {
    if (!errors.length) value = doc.toJS();
  } catch (error) {
    // toJS refuses alias bombs by throwing; that is a content error like any other.
    errors.push({ line: lineOffset + 1, message: (error as Error).message });
  }
  return {
    value,
    errors,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return lineAt(node.range[0]);
      }
      return undefined;
    },
  };
}

/** The parsed parts of a content file. */
export interface EntrySource {
  /** Front matter or the YAML document, as plain data (undefined when it could not be parsed). */
  data: unknown;
  /** Markdown body (empty for YAML files). */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/**
 * The text of a content file as the parsers read it: a leading byte order mark
 * dropped and CRLF line ends turned into LF, so a checkout with Windows line
 * ends (Git's `core.autocrlf`) reads exactly like the LF file, line for line.
 */
export function normalizeLineEnds(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/** Reports each line of a Markdown body holding characters that no text field may hold either (see PLAIN_TEXT). */
function checkBodyText(file: string, body: string, bodyLine: number, problems: Problem[]): void {
  body.split('\n').forEach((line, i) => {
    const bad = line.match(NOT_PLAIN_TEXT);
    if (bad) problems.push({ file, line: bodyLine + i, field: 'body', expected: 'text without control characters (U+0000–U+001F but tab and line feed, U+007F–U+009F), U+FFFE, U+FFFF or unpaired surrogates', found: `${bad.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ')} in ${describeValue(line)}`, level: 'error' });
  });
}

/** Parses a YAML file or a Markdown file's front matter (any line ends, with or without a BOM); syntax errors become problems. */
export function parseEntrySource(file: string, raw: string, problems: Problem[]): EntrySource {
  const text = normalizeLineEnds(raw);
  const isMarkdown = /\.mdx?$/.test(file);
  let yamlText = text;
  let body = '';
  let bodyLine = 1;
  if (isMarkdown) {
    if (!/^---\n/.test(text)) {
      problems.push({ file, line: 1, field: 'front matter', expected: 'a `---` line opening the YAML front matter', found: describeValue(text.split('\n')[0]), level: 'error' });
      return { data: undefined, body: text, bodyLine: 1, lineOf: () => undefined };
    }
    // gray-matter only splits here; parsing is done below with positions.
    const split = matter(text, { engines: { yaml: () => ({}) } });
    yamlText = split.matter.replace(/^\n/, '');
    body = split.content;
    bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  }
  checkBodyText(file, body, bodyLine, problems);
  const parsed = parsePositioned(yamlText, isMarkdown ? 1 : 0);
  for (const error of parsed.errors) {
    // The YAML library's words for an unquoted `: ` inside a value ("title: Reddit: stores …").
    const colonInValue = /compact mappings|implicit (?:map )?keys/i.test(error.message);
    problems.push({ file, line: error.line, field: 'YAML', expected: 'valid YAML', found: error.message, level: 'error', ...(colonInValue ? { hint: 'put a value that contains ": " in quotes, e.g. title: "Reddit: …"' } : {}) });
  }
  return { data: parsed.value, body, bodyLine, lineOf: parsed.lineOf };
}

/** Validates parsed data against a schema; each zod issue becomes a problem on its field's line. */
export function checkSchema<T>(
  file: string,
  source: EntrySource,
  schema: ZodType<T, unknown>,
  problems: Problem[],
): T | undefined {
  if (source.data === undefined) return undefined;
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return result.data;
  problems.push(...result.error.issues.map((issue) => schemaProblem(file, issue, source.data, { lineOf: source.lineOf })));
  return undefined;
}
