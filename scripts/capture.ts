/**
 * capture — capture documents from their live source pages.
 *
 *   npm run capture -- <platform>/<document>... | --all [--content <dir>] [--timeout <ms>] [--max-bytes <n>]
 *                      [--allow-host HOST[:PORT]]...
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
 * --allow-host HOST[:PORT]
 *                  fetch this host although its address is not public (a local
 *                  mirror, a test server); repeatable. Matched as URLs write the
 *                  host, so another spelling of it is still refused. Without it,
 *                  only public addresses are fetched, redirects included.
 *
 * A page that does not look like the document (a refresh stub, a script
 * placeholder, a consent or login wall, a redirect to another site or an
 * interstitial, nearly all of the previous text gone) fails with one line and
 * writes nothing.
 *
 * Exit codes: 0 every document captured or unchanged, 1 any failed, 2 usage error.
 */
import { parseCommandLine, usageErrorFor, type UsageError } from './lib/cli.ts';
import { existsSync, statSync } from 'node:fs';
import { captureDocuments, CaptureError, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, describeOutcome, parseAllowedHost, summarize } from './lib/capture.ts';

const USAGE = 'usage: npm run capture -- <platform>/<document>... | --all [--content <dir>] [--timeout <ms>] [--max-bytes <n>] [--allow-host HOST[:PORT]]...';

const usageError: UsageError = usageErrorFor('capture', USAGE);
const { values, positionals } = parseCommandLine(usageError, USAGE, {
      all: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_MS) },
      'max-bytes': { type: 'string', default: String(DEFAULT_MAX_BYTES) },
      'allow-host': { type: 'string', multiple: true },
    });

function positiveInteger(option: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) usageError(`--${option} expects a positive whole number, found ${JSON.stringify(value)}`);
  return Number(value);
}

const { all, content } = values;
const keys = positionals;
if (all && keys.length > 0) usageError('give either --all or document names, not both');
if (!all && keys.length === 0) usageError('missing <platform>/<document> (or --all)');
for (const key of keys) {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(key)) usageError(`expected a document written as <platform>/<document>, found ${JSON.stringify(key)}`);
}
if (!existsSync(content) || !statSync(content).isDirectory()) usageError(`--content: expected a content folder, found ${existsSync(content) ? 'a file' : 'nothing'} at ${content}`);
const timeoutMs = positiveInteger('timeout', values.timeout);
const maxBytes = positiveInteger('max-bytes', values['max-bytes']);
// parseArgs gives a list for a `multiple` option; the shared Values type does not know that.
const allowHosts = (values['allow-host'] as unknown as string[] | undefined) ?? [];
for (const host of allowHosts) {
  try {
    parseAllowedHost(host);
  } catch (error) {
    usageError((error as Error).message);
  }
}

try {
  const outcomes = await captureDocuments({ contentDir: content, documents: all ? 'all' : keys, timeoutMs, maxBytes, allowHosts }, (outcome, index, total) => {
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
