/**
 * Live capture: fetch a document's source page, cut out the declared part
 * (`capture.select`, minus `capture.remove`), convert it to Markdown and write
 * a new snapshot when its normalised text differs from the latest one. The CLI
 * is scripts/capture.ts; here everything is a function with the network and
 * the clock passed in, so tests run against a local server at a fixed time.
 *
 * Rules:
 * - Only public addresses are fetched, the source and every redirect hop
 *   alike, checked on the resolved address at connect time; `allowHosts`
 *   (`--allow-host`) is the one exception (capture-guard.ts). Redirects are
 *   followed by hand, within the document's site only, never to an
 *   interstitial (consent or login) page, and the snapshot records the final
 *   URL (`final_url`).
 * - Pages decode as a browser decodes them (capture-decode.ts).
 * - The page must look like the document before anything is written: no
 *   `<meta http-equiv="refresh">` stub, no script placeholder, no consent or
 *   login wall, not nearly all of the previous version's text gone
 *   (capture-plausibility.ts, with its thresholds).
 * - A snapshot is written only when the normalised text (normalizeText)
 *   differs from the document's latest snapshot, and then it is substantive.
 *   A document with no snapshot of its own always gets one; it is substantive
 *   unless its text equals the predecessor's last version.
 * - A page that answers 429 or 503 is tried again, boundedly, honouring
 *   Retry-After (MAX_ATTEMPTS, RETRY_BACKOFF_MS, MAX_RETRY_AFTER_MS).
 * - Any failure (network, address, timeout, redirects, HTTP status, content
 *   type, size, selectors, empty or implausible text) is one line naming the
 *   document and writes nothing.
 * - A snapshot file is never overwritten (writeFileExclusive), and a capture
 *   is refused when its time is not after the latest snapshot's.
 * - A document whose history continues in a successor (Twitter's policies,
 *   continued by X's) is a closed history and is not captured.
 */
import { contentFile, contentFolder } from '../../src/atlas/reading/content-layout.ts';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';
import { findEffectiveDate } from '../../src/atlas/model/effective-date.ts';
import { loadContent, type LoadedContent, type SnapshotEntry } from '../../src/atlas/reading/load.ts';
import { normalizeText } from '../../src/atlas/model/normalize.ts';
import { formatProblem, type Problem } from '../../src/atlas/reading/problems.ts';
import { instantToStamp, serializeSnapshot, sha256 } from '../../src/atlas/reading/snapshot-file.ts';
import type { DocumentData } from '../../src/schema/document.ts';
import type { SnapshotData } from '../../src/schema/snapshot.ts';
import { writeFileExclusive } from '../../src/support/atomic-write.ts';
import { fetch as undiciFetch, type Agent } from 'undici';
import { CaptureError } from './capture-error.ts';
import { decodePage } from './capture-decode.ts';
import { AddressPolicy, NonPublicAddressError, parseAllowedHost, writtenHost } from './capture-guard.ts';
import { checkFinalUrl, checkNotRefreshStub, checkPlausibleText, type PageSigns } from './capture-plausibility.ts';

export { CaptureError, parseAllowedHost };

// @joplin/turndown-plugin-gfm (the maintained fork) ships no type declarations; only `gfm` is used.
const { gfm } = createRequire(import.meta.url)('@joplin/turndown-plugin-gfm') as { gfm: TurndownService.Plugin };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
/** Tries of a page that answers 429 or 503: a passing overload or rate limit clears within three, and a run over many documents must not stall on one. */
export const MAX_ATTEMPTS = 3;
/** Wait before the second try when the server names none (Retry-After); doubled before each further try. */
export const RETRY_BACKOFF_MS = 1_000;
/** Longest Retry-After honoured: a server asking for more means "come back later", so capture fails and says when. */
export const MAX_RETRY_AFTER_MS = 60_000;
const RETRY_STATUSES = new Set([429, 503]);

/** An answer that asks to be tried again (429, 503), with the wait the server asked for, if it named one. */
class RetryLaterError extends CaptureError {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
  }
}

/** A Retry-After header in milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

// ---------------------------------------------------------------------------
// Fetching

export interface FetchOptions {
  /** The clock, for Retry-After dates. */
  now: () => Date;
  /** Where the capture may connect (public addresses and the allowed hosts). */
  policy: AddressPolicy;
  /** The connection pool that enforces `policy` at connect time (`policy.agent()`). */
  dispatcher: Agent;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Sent as Accept-Language so the page comes in the tracked language. */
  language: string;
}

export interface FetchedPage {
  /** The URL the page finally came from, after redirects. */
  url: string;
  html: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Reads a body, stopping as soon as it passes `maxBytes`. */
async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new CaptureError(`response over the size limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
}

/** The most useful words of a fetch failure (undici hides the system error in `cause`). */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error instanceof Error ? error : undefined;
  return inner?.message ?? String(error);
}

/** The address refusal inside a fetch failure, when that is what it was. */
function addressRefusal(error: unknown): NonPublicAddressError | undefined {
  for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause) if (e instanceof NonPublicAddressError) return e;
  return undefined;
}

/**
 * Fetches an HTML page, following up to `maxRedirects` redirects by hand (so
 * the limit and the message are ours, and every hop's address is checked:
 * `options.policy` before the request, its dispatcher at connect time). The
 * timeout covers the whole exchange, body included. Throws CaptureError.
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const headers = {
    'User-Agent': options.userAgent,
    Accept: 'text/html,application/xhtml+xml;q=0.9',
    'Accept-Language': `${options.language},*;q=0.1`,
  };
  let current = new URL(url);
  let host = writtenHost(url, current);
  try {
    for (let redirects = 0; ; redirects++) {
      options.policy.check(current, host);
      const response = await undiciFetch(current, { redirect: 'manual', signal: controller.signal, headers, dispatcher: options.dispatcher });
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) throw new CaptureError(`HTTP ${response.status} redirect without a Location header from ${current}`);
        const next = new URL(location, current);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new CaptureError(`redirect from ${current} to a non-web URL ${next.href}`);
        if (redirects >= options.maxRedirects) throw new CaptureError(`too many redirects (more than ${options.maxRedirects}), the last from ${current} to ${next.href}`);
        host = writtenHost(location, next, { url: current, host: host ?? '' });
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        const message = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${current}`;
        if (RETRY_STATUSES.has(response.status)) throw new RetryLaterError(message, retryAfterMs(response.headers.get('retry-after'), options.now()));
        throw new CaptureError(message);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!HTML_TYPES.has(mediaType)) {
        await response.body?.cancel().catch(() => {});
        throw new CaptureError(`expected an HTML page, found content type ${contentType ? JSON.stringify(contentType) : 'none'} from ${current}`);
      }
      const declaredLength = Number(response.headers.get('content-length'));
      if (declaredLength > options.maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new CaptureError(`response over the size limit of ${options.maxBytes} bytes (${declaredLength} bytes declared)`);
      }
      const bytes = await readLimited(response.body as ReadableStream<Uint8Array> | null, options.maxBytes);
      return { url: current.href, html: decodePage(bytes, contentType).text };
    }
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    const refusal = addressRefusal(error);
    if (refusal) throw new CaptureError(`${refusal.message}${current.href === new URL(url).href ? '' : ` (redirected from ${url} to ${current.href})`}`);
    if (controller.signal.aborted) throw new CaptureError(`timed out after ${options.timeoutMs} ms`);
    throw new CaptureError(`network error: ${describeNetworkError(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * fetchPage, tried again after a 429 or 503: up to MAX_ATTEMPTS tries, waiting
 * what Retry-After asks (at most MAX_RETRY_AFTER_MS) or else RETRY_BACKOFF_MS,
 * doubled each time. `wait` is the sleep (tests pass one that records). Throws
 * CaptureError saying how many tries were made.
 */
export async function fetchPageWithRetry(url: string, options: FetchOptions, wait: (ms: number) => Promise<void>): Promise<FetchedPage> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchPage(url, options);
    } catch (error) {
      if (!(error instanceof RetryLaterError)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new CaptureError(`${error.message} (tried ${attempt} times)`);
      const delay = error.retryAfterMs ?? RETRY_BACKOFF_MS * 2 ** (attempt - 1);
      if (delay > MAX_RETRY_AFTER_MS) {
        throw new CaptureError(`${error.message}, which asks to retry after ${Math.ceil(delay / 1000)} s: expected at most ${MAX_RETRY_AFTER_MS / 1000} s, so try again later`);
      }
      await wait(delay);
    }
  }
}

// ---------------------------------------------------------------------------
// Extracting the text

type Capture = NonNullable<DocumentData['capture']>;
/** linkedom's element type, as returned by its querySelectorAll. */
type PageElement = ReturnType<ReturnType<typeof parseHTML>['document']['querySelectorAll']>[number];

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '_', strongDelimiter: '**' });
turndown.use(gfm);
// What these hold is never text a reader sees.
turndown.remove(['script', 'style', 'noscript', 'template']);

const asList = (selectors: string | string[] | undefined): string[] => (selectors === undefined ? [] : typeof selectors === 'string' ? [selectors] : selectors);

function queryAll(root: { querySelectorAll(selector: string): ArrayLike<PageElement> }, selector: string, field: string): PageElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch (error) {
    throw new CaptureError(`capture.${field}: expected a valid CSS selector, found ${JSON.stringify(selector)} (${(error as Error).message.trim()})`);
  }
}

/** Line endings, trailing whitespace and runs of blank lines made uniform; one final newline. */
function tidyMarkdown(markdown: string): string {
  return `${markdown
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '')}\n`;
}

/** The target of a `<meta http-equiv="refresh" content="N; url=…">` that leads away from `pageUrl` (HTML standard's refresh syntax, loosely). */
function refreshTarget(document: ReturnType<typeof parseHTML>['document'], pageUrl: string): string | undefined {
  for (const meta of Array.from(document.querySelectorAll('meta[http-equiv]'))) {
    if (meta.getAttribute('http-equiv')?.trim().toLowerCase() !== 'refresh') continue;
    const target = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i.exec(meta.getAttribute('content') ?? '')?.[2];
    if (!target || /^[\d.]+$/.test(target)) continue;
    try {
      const url = new URL(target, pageUrl);
      if (url.href !== new URL(pageUrl).href) return url.href;
    } catch {
      return target;
    }
  }
  return undefined;
}

/**
 * The declared part of a page as Markdown: every match of each `select`
 * selector in order (an element inside one already taken is not taken twice),
 * without what `remove` matches inside it; links and images made absolute
 * against `pageUrl`. Also returns the signs the plausibility checks read (a
 * refresh target, `<noscript>` text). Throws CaptureError when a selector
 * matches nothing or the result has no text.
 */
export function extractPage(html: string, capture: Capture, pageUrl: string): { markdown: string; signs: PageSigns } {
  const { document } = parseHTML(html);
  const signs: PageSigns = {
    refreshTo: refreshTarget(document, pageUrl),
    noscript: Array.from(document.querySelectorAll('noscript'), (element) => element.textContent ?? '').join(' '),
  };
  let selected: PageElement[] = [];
  for (const selector of asList(capture.select)) {
    const matches = queryAll(document, selector, 'select');
    if (matches.length === 0) throw new CaptureError(`capture.select ${JSON.stringify(selector)} matches nothing on the page`);
    for (const element of matches) {
      if (selected.some((taken) => taken.contains(element))) continue;
      selected = selected.filter((taken) => !element.contains(taken));
      selected.push(element);
    }
  }
  for (const element of selected) {
    for (const selector of asList(capture.remove)) for (const unwanted of queryAll(element, selector, 'remove')) unwanted.remove();
    for (const [tag, attribute] of [['a', 'href'], ['img', 'src']] as const) {
      for (const node of Array.from(element.querySelectorAll(`${tag}[${attribute}]`))) {
        try {
          node.setAttribute(attribute, new URL(node.getAttribute(attribute) ?? '', pageUrl).href);
        } catch {
          // An unparseable link stays as the page wrote it.
        }
      }
    }
  }
  const markdown = tidyMarkdown(turndown.turndown(selected.map((element) => element.outerHTML).join('\n')));
  if (normalizeText(markdown) === '') {
    // An empty container beside a script is how pages built in the browser arrive (the /jsbuilt kind of rel-11).
    const scripted = document.querySelector('script') !== null;
    throw new CaptureError(`the selected part of the page has no text once converted to Markdown${scripted ? '; the page has scripts, which may fill it in (capture runs none)' : ''}`);
  }
  return { markdown, signs };
}

// ---------------------------------------------------------------------------
// Deciding and writing

export interface CaptureOptions {
  /** Content folder (e.g. `content`). */
  contentDir: string;
  /** `<platform>/<document>` keys, or every document. */
  documents: string[] | 'all';
  /**
   * Hosts that may be fetched although their address is not public (a local
   * mirror, a test server), each `HOST` or `HOST:PORT` as URLs write it
   * (`--allow-host`); see capture-guard.ts.
   */
  allowHosts?: string[];
  /** The capture clock; tests fix it so stamps are known. */
  now?: () => Date;
  /** Waits between tries of a page that answered 429 or 503 (default: a timer); tests pass one that records. */
  wait?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** `obtained.tool` (default `clause-atlas capture <package.json version>`). */
  tool?: string;
}

export type CaptureOutcome =
  | { document: string; status: 'written'; file: string; snapshot: SnapshotData }
  | { document: string; status: 'unchanged'; latest: string }
  | { document: string; status: 'skipped'; reason: string }
  | { document: string; status: 'failed'; message: string };

/** One line for an outcome: `x/privacy-policy: unchanged`. */
export function describeOutcome(outcome: CaptureOutcome): string {
  switch (outcome.status) {
    case 'written': {
      const kind = outcome.snapshot.substantive ? 'new snapshot' : 'first own snapshot (same text as the predecessor)';
      const effective = outcome.snapshot.effective_date ? `, effective ${outcome.snapshot.effective_date}` : '';
      return `${outcome.document}: ${kind} ${outcome.file}${effective}`;
    }
    case 'unchanged':
      return `${outcome.document}: unchanged`;
    case 'skipped':
      return `${outcome.document}: skipped, ${outcome.reason}`;
    case 'failed':
      return `${outcome.document}: failed: ${outcome.message}`;
  }
}

/** Counts of outcomes as one line. */
export function summarize(outcomes: CaptureOutcome[]): string {
  const count = (status: CaptureOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(outcomes.length, 'document')}: ${plural(count('written'), 'new snapshot')}, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${count('failed')} failed`;
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** The Wayback Machine's address for `url` as near as it has to `instant`. */
export function waybackUrl(url: string, instant: string): string {
  return `https://web.archive.org/web/${instant.replace(/\.\d+Z$/, 'Z').replace(/[-:TZ]/g, '')}/${url}`;
}

/**
 * What a capture needs to know of one document: its entry, its own latest
 * snapshot, and the latest version in its whole history (its own, else its
 * predecessors'), which the new text is compared with.
 */
interface CaptureTarget {
  /** `<platform>/<document>`. */
  key: string;
  data: DocumentData;
  ownLatest: SnapshotEntry | undefined;
  historyLatest: SnapshotEntry | undefined;
  /** Snapshot folders the comparison relies on (content-relative), for load problems. */
  folders: string[];
  successor: string | undefined;
}

/** Finds documents and their latest snapshots from loaded content, without building the whole model. */
function captureTargets(content: LoadedContent): Map<string, CaptureTarget> {
  const latest = new Map<string, SnapshotEntry>();
  for (const snapshot of content.snapshots) {
    const key = `${snapshot.platform}/${snapshot.document}`;
    const current = latest.get(key);
    if (!current || snapshot.stamp > current.stamp) latest.set(key, snapshot);
  }
  const entries = new Map(content.documents.map((entry) => [entry.key, entry]));
  const successors = new Map<string, string>();
  for (const entry of content.documents) {
    if (entry.data.predecessor && entry.data.predecessor !== entry.key) successors.set(entry.data.predecessor, entry.key);
  }
  const targets = new Map<string, CaptureTarget>();
  for (const entry of content.documents) {
    const chain: string[] = [];
    for (let key: string | undefined = entry.key; key !== undefined && !chain.includes(key); key = entries.get(key)?.data.predecessor) chain.push(key);
    const found = chain.find((key) => latest.has(key));
    targets.set(entry.key, {
      key: entry.key,
      data: entry.data,
      ownLatest: latest.get(entry.key),
      historyLatest: found === undefined ? undefined : latest.get(found),
      folders: chain.map((key) => `${contentFolder('', 'snapshot', key)}/`),
      successor: successors.get(entry.key),
    });
  }
  return targets;
}

interface Context {
  contentDir: string;
  fetch: Omit<FetchOptions, 'language'>;
  wait: (ms: number) => Promise<void>;
  now: () => Date;
  tool: string;
  /** Load problems, with content-relative files. */
  problems: Problem[];
}

async function captureDocument(target: CaptureTarget, context: Context): Promise<CaptureOutcome> {
  const { key, data: document, ownLatest, historyLatest } = target;
  const failed = (message: string): CaptureOutcome => ({ document: key, status: 'failed', message });
  // A snapshot that failed to load would be missing from the comparison.
  const problem = context.problems.find((p) => p.level === 'error' && target.folders.some((folder) => p.file.startsWith(folder)));
  if (problem) return failed(`${formatProblem({ ...problem, file: join(context.contentDir, problem.file) })} (fix it first: npm run validate)`);

  const { source_url: sourceUrl, capture } = document;
  const unrecorded = [sourceUrl === undefined && 'source_url', capture === undefined && 'capture'].filter(Boolean);
  if (sourceUrl === undefined || capture === undefined) return failed(`${unrecorded.join(' and ')} not recorded in the document entry; write ${unrecorded.length > 1 ? 'them' : 'it'} before capturing`);

  let markdown: string;
  let finalUrl: string;
  // The latest text is read from its file (the loaded content holds no bodies).
  const latestText = historyLatest?.readText();
  try {
    const page = await fetchPageWithRetry(sourceUrl, { ...context.fetch, language: document.language }, context.wait);
    checkFinalUrl(new URL(sourceUrl), new URL(page.url));
    const extracted = extractPage(page.html, capture, page.url);
    checkNotRefreshStub(extracted.signs);
    checkPlausibleText(extracted.markdown, extracted.signs, latestText);
    markdown = extracted.markdown;
    finalUrl = page.url;
  } catch (error) {
    if (error instanceof CaptureError) return failed(error.message);
    throw error;
  }

  const instant = new Date(Math.floor(context.now().getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const stamp = instantToStamp(instant);
  const substantive = latestText === undefined || normalizeText(markdown) !== normalizeText(latestText);
  if (!substantive && ownLatest) return { document: key, status: 'unchanged', latest: ownLatest.stamp };
  if (ownLatest && stamp <= ownLatest.stamp) return failed(`capture time ${instant} is not after the latest snapshot ${ownLatest.stamp}; nothing written`);

  const body = Buffer.from(markdown, 'utf8');
  const snapshot: SnapshotData = {
    captured_at: instant,
    source_url: sourceUrl,
    final_url: finalUrl,
    sha256: sha256(body),
    archive_url: waybackUrl(sourceUrl, instant),
    obtained: { method: 'capture', tool: context.tool },
    substantive,
  };
  const effectiveDate = findEffectiveDate(markdown);
  if (effectiveDate !== undefined) snapshot.effective_date = effectiveDate;
  const file = contentFile(context.contentDir, 'snapshot', `${key}/${stamp}`);
  try {
    await writeFileExclusive(file, serializeSnapshot(snapshot, body));
  } catch (error) {
    return failed((error as Error).message);
  }
  return { document: key, status: 'written', file, snapshot };
}

/**
 * Captures the chosen documents one after another (politely, and so progress
 * reads in order), calling `report` after each. Unknown or invalid document
 * entries are failures, not exceptions.
 */
export async function captureDocuments(
  options: CaptureOptions,
  report: (outcome: CaptureOutcome, index: number, total: number) => void = () => {},
): Promise<CaptureOutcome[]> {
  const root = resolve(options.contentDir);
  const { content, problems } = loadContent(root, root);
  const rootProblem = problems.find((p) => p.field === 'content root');
  if (rootProblem) throw new CaptureError(`${options.contentDir}: expected ${rootProblem.expected}, found ${rootProblem.found}`);
  const targets = captureTargets(content);
  const version = await packageVersion();
  const siteUrl = content.site?.data.url;
  const policy = new AddressPolicy((options.allowHosts ?? []).map(parseAllowedHost));
  const dispatcher = policy.agent();
  const context: Context = {
    contentDir: options.contentDir,
    fetch: {
      policy,
      dispatcher,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      now: options.now ?? (() => new Date()),
      userAgent: `Mozilla/5.0 (compatible; ClauseAtlas/${version}${siteUrl ? `; +${siteUrl}` : ''})`,
    },
    now: options.now ?? (() => new Date()),
    wait: options.wait ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
    tool: options.tool ?? `clause-atlas capture ${version}`,
    problems,
  };

  const keys = options.documents === 'all' ? [...targets.keys()].sort() : options.documents;
  const outcomes: CaptureOutcome[] = [];
  try {
    for (const [index, key] of keys.entries()) {
      const target = targets.get(key);
      const entry = contentFile(options.contentDir, 'document', key);
      let outcome: CaptureOutcome;
      if (target === undefined) {
        const invalid = content.rejected.keys.has(key) || problems.some((p) => p.file === contentFile('', 'document', key));
        outcome = { document: key, status: 'failed', message: invalid ? `its entry ${entry} is invalid (see npm run validate)` : `no document entry ${entry}` };
      } else if (target.successor) {
        const reason = `its history continues in ${target.successor}`;
        outcome = options.documents === 'all' ? { document: key, status: 'skipped', reason } : { document: key, status: 'failed', message: `not captured: ${reason}; capture that document instead` };
      } else {
        outcome = await captureDocument(target, context);
      }
      outcomes.push(outcome);
      report(outcome, index + 1, keys.length);
    }
  } finally {
    await dispatcher.destroy();
  }
  return outcomes;
}
