/**
 * Splits Markdown into top-level blocks that parse the same on their own as
 * inside the whole text, so a block that recurs across versions of a policy is
 * parsed once. A blank line followed by a line at the left margin that is not
 * a list item or a block quote always ends every open block (CommonMark has no
 * lazy continuation after a blank line), except for the few constructs that
 * span blank lines or act at a distance, whose texts are not split at all.
 */

/**
 * Constructs that may cross a blank line or reach across the text: link,
 * footnote and reference definitions (`]:`), fenced code, HTML blocks that run
 * to an end marker (script, pre, style, textarea, comments, `<?`, `<!`), and
 * CR line endings, which the line scan below does not treat as line breaks.
 */
const SPANS_BLOCKS = /\]:|```|~~~|<(?:script|pre|style|textarea|!|\?)|\r/i;

/** A list item marker: such a line after a blank line may continue the list above it. */
const LIST_MARKER = /^(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;

const BLANK = /^[ \t]*$/;

/** A byte order mark is dropped only at the very start of a text, so no block may start with one. */
function startsTopLevelBlock(line: string): boolean {
  const first = line[0];
  return first !== ' ' && first !== '\t' && first !== '>' && first !== '\uFEFF' && !LIST_MARKER.test(line);
}

/**
 * The text's top-level blocks without the blank lines between them, in order;
 * undefined when the text holds a construct that must be parsed whole.
 */
export function splitTopLevelBlocks(markdown: string): string[] | undefined {
  if (SPANS_BLOCKS.test(markdown)) return undefined;
  const chunks: string[] = [];
  let start = 0;
  let content = false; // whether the current chunk has a non-blank line yet
  let end = 0; // end of the current chunk's last non-blank line
  let afterBlank = false;
  for (let pos = 0; pos <= markdown.length; ) {
    let eol = markdown.indexOf('\n', pos);
    if (eol < 0) eol = markdown.length;
    const line = markdown.slice(pos, eol);
    const blank = BLANK.test(line);
    if (!blank) {
      if (content && afterBlank && startsTopLevelBlock(line)) {
        chunks.push(markdown.slice(start, end));
        start = pos;
      }
      end = eol;
      content = true;
    }
    afterBlank = blank;
    pos = eol + 1;
  }
  if (content) chunks.push(markdown.slice(start, end));
  return chunks;
}
