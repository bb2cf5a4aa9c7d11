/**
 * capture — capture documents from their live source pages.
 *
 *   npm run capture -- <platform>/<document>... | --all [--content <dir>] [--timeout <ms>] [--max-bytes <n>]
 *
 * For each document: fetch its source_url, cut out `capture.select` minus
 * `capture.remove`, convert to Markdown and write
 * content/snapshots/<platform>/<document>/<stamp>.md when the normalised text
 * differs from the latest snapshot (otherwise report "unchanged"). Logic and
 * rules: scripts/lib/capture.ts.
 *
 * --all            every document, with progress and a summary (documents whose
 *                  history continues in a successor are skipped)
 * --content <dir>  content folder (default: content)
 * --timeout <ms>   per document, whole exchange (default 30000)
 * --max-bytes <n>  largest page read (default 10485760)
 *
 * Exit codes: 0 every document captured or unchanged, 1 any failed, 2 usage error.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { captureDocuments, CaptureError, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, describeOutcome, summarize } from './lib/capture.ts';

const USAGE = 'usage: npm run capture -- <platform>/<document>... | --all [--content <dir>] [--timeout <ms>] [--max-bytes <n>]';

function usageError(message: string): never {
  console.error(`capture: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: {
      all: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_MS) },
      'max-bytes': { type: 'string', default: String(DEFAULT_MAX_BYTES) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError((error as Error).message);
}

if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}

function positiveInteger(option: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) usageError(`--${option} expects a positive whole number, found ${JSON.stringify(value)}`);
  return Number(value);
}

const { all, content } = parsed.values;
const keys = parsed.positionals;
if (all && keys.length > 0) usageError('give either --all or document names, not both');
if (!all && keys.length === 0) usageError('missing <platform>/<document> (or --all)');
for (const key of keys) {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(key)) usageError(`expected a document written as <platform>/<document>, found ${JSON.stringify(key)}`);
}
if (!existsSync(content) || !statSync(content).isDirectory()) usageError(`--content: expected a content folder, found ${existsSync(content) ? 'a file' : 'nothing'} at ${content}`);
const timeoutMs = positiveInteger('timeout', parsed.values.timeout);
const maxBytes = positiveInteger('max-bytes', parsed.values['max-bytes']);

try {
  const outcomes = await captureDocuments({ contentDir: content, documents: all ? 'all' : keys, timeoutMs, maxBytes }, (outcome, index, total) => {
    const line = `${total > 1 ? `[${index}/${total}] ` : ''}${describeOutcome(outcome)}`;
    if (outcome.status === 'failed') console.error(line);
    else console.log(line);
  });
  if (outcomes.length > 1) console.log(summarize(outcomes));
  process.exit(outcomes.some((o) => o.status === 'failed') ? 1 : 0);
} catch (error) {
  if (!(error instanceof CaptureError)) throw error;
  console.error(`capture: ${error.message}`);
  process.exit(1);
}
