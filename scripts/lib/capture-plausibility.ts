/**
 * Does a fetched page look like the document? A capture that answers 200 can
 * still be something else: a redirect stub, a script-built page whose text is
 * a "Loading…" placeholder, a cookie-consent or login wall, or a page that
 * lost nearly all of the text (cases rel-11, field-13, field-14). Each check
 * throws CaptureError with one line saying what was expected and what was
 * found; the caller adds the document's name and writes nothing.
 *
 * The thresholds are deliberately loose: they must never refuse a real policy
 * (which runs to hundreds or thousands of words), only pages that carry
 * almost none of it.
 */
import { normalizeText } from '../../src/atlas/model/normalize.ts';
import { CaptureError } from './capture-error.ts';

/** Fewest words a captured text may have: a title and one short sentence of policy. "Loading…" or "Please wait" have fewer. */
export const MIN_WORDS = 5;
/** A new text shorter than this share of the previous version's... */
export const MAX_SHRINK_RATIO = 0.2;
/** ...that shares no sentence of at least this many characters with it, is not the same document (rel-11: "more than 80 % shorter with no shared sentence"). */
export const MIN_SHARED_SENTENCE_CHARS = 30;
/** Consent and login walls run to tens of words; a policy that talks about cookies and partners runs to hundreds. Longer texts are never taken for a wall. */
export const WALL_MAX_WORDS = 250;
/** Distinct wall phrases a short text must hold to be taken for a wall: one could be a policy's own sentence, two are a banner. */
export const WALL_MIN_PHRASES = 2;

/**
 * Phrases of consent banners and login walls, as normalised text (lowercase):
 * their buttons and calls to act, not words a cookie policy itself uses to
 * describe cookies ("we use cookies", "our partners").
 */
const WALL_PHRASES = [
  'we value your privacy',
  'accept all',
  'reject all',
  'accept cookies',
  'allow all cookies',
  'manage options',
  'manage preferences',
  'continue to the site',
  'sign in to continue',
  'log in to continue',
  'you must be logged in',
  'create an account to continue',
];

/** Whole texts that are only a placeholder shown until scripts run. */
const PLACEHOLDER = /^(?:loading|please wait|one moment|just a moment|redirecting|chargement|wird geladen|cargando|caricamento|carregando)(?:\.\.\.|\.)?$/;

/** A `<noscript>` or page notice asking the reader to turn scripts on. */
const NEEDS_SCRIPT = /\b(?:enable|turn on|activate)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:required|disabled|must be enabled)\b|\brequires\s+javascript\b/i;

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** The part of a page the checks need, taken from the parsed page. */
export interface PageSigns {
  /** The target of a `<meta http-equiv="refresh">` that sends the reader elsewhere, made absolute. */
  refreshTo?: string | undefined;
  /** The text of `<noscript>` elements anywhere on the page. */
  noscript: string;
}

/** Refuses a page that is a `<meta http-equiv="refresh">` stub for another address. */
export function checkNotRefreshStub(signs: PageSigns): void {
  if (signs.refreshTo === undefined) return;
  throw new CaptureError(`expected the document's page, found a redirect stub (<meta http-equiv="refresh"> to ${signs.refreshTo}); set source_url to the page it leads to`);
}

/**
 * Refuses converted text that is not the document: a script placeholder, too
 * few words, a consent or login wall, or (given the previous version's text)
 * a text that kept almost nothing of it.
 */
export function checkPlausibleText(markdown: string, signs: PageSigns, previous?: string): void {
  const text = normalizeText(markdown);
  const lower = text.toLowerCase();
  const words = wordCount(text);
  const needsScript = NEEDS_SCRIPT.test(signs.noscript);
  if (PLACEHOLDER.test(lower) || (needsScript && words < MIN_WORDS)) {
    throw new CaptureError(
      `expected the document's text, found only ${quote(text)}${needsScript ? ' and a <noscript> notice asking for JavaScript' : ''}: the page fills in its text with scripts, which capture does not run`,
    );
  }
  if (words < MIN_WORDS) throw new CaptureError(`expected the document's text (at least ${MIN_WORDS} words), found ${words} word${words === 1 ? '' : 's'}: ${quote(text)}`);
  const phrases = WALL_PHRASES.filter((phrase) => lower.includes(phrase));
  if (words <= WALL_MAX_WORDS && phrases.length >= WALL_MIN_PHRASES) {
    throw new CaptureError(`expected the document's text, found what looks like a consent or login wall (${words} words with ${phrases.map((p) => `"${p}"`).join(', ')})`);
  }
  if (previous === undefined) return;
  const before = normalizeText(previous);
  if (text.length >= before.length * MAX_SHRINK_RATIO) return;
  const sentences = before.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length >= MIN_SHARED_SENTENCE_CHARS);
  if (sentences.some((sentence) => text.includes(sentence))) return;
  const percent = Math.round((1 - text.length / before.length) * 100);
  throw new CaptureError(
    `expected text that keeps some of the previous version, found ${text.length} characters (${percent} % shorter than its ${before.length}) sharing no sentence with it: ${quote(text)}`,
  );
}

/** Path segments of interstitials a site sends readers to before (or instead of) the page they asked for. */
const INTERSTITIAL_SEGMENT = /^(?:consent|cookie-?consent|cookie-?wall|privacy-?gate|login|log-?in|signin|sign-?in|auth|authenticate|sso|captcha|challenge|age-?gate)$/i;
/** Query parameters that carry the address to come back to after an interstitial. */
const RETURN_PARAMETERS = ['continue', 'next', 'return', 'returnto', 'return_to', 'returnurl', 'redirect', 'redirect_uri', 'redirect_url', 'dest', 'destination', 'goto', 'url', 'target', 'from'];

/** The host without a leading `www.`: a site moving between the two is the same site. */
const siteOf = (url: URL) => url.hostname.replace(/^www\./, '');

/**
 * Refuses a final URL (after redirects) that is not the document's: another
 * site, or an interstitial on the same site — a path such as `/consent` or
 * `/login`, or a query that names the page to come back to
 * (`/consent?continue=%2Fterms`, field-14). Moves within the site (http to
 * https, a trailing slash, `/privacy` to `/legal/privacy`) are followed; the
 * snapshot records the final URL either way.
 */
export function checkFinalUrl(source: URL, final: URL): void {
  if (final.href === source.href) return;
  if (siteOf(final) !== siteOf(source)) {
    throw new CaptureError(`expected the page at ${source.href}, found a redirect to another site, ${final.href}; if the document moved, set source_url to its new address`);
  }
  const segments = final.pathname.split('/').filter(Boolean);
  const interstitial = segments.find((segment) => INTERSTITIAL_SEGMENT.test(segment) && !source.pathname.split('/').includes(segment));
  const comesBack = [...final.searchParams].find(([name, value]) => RETURN_PARAMETERS.includes(name.toLowerCase()) && (value === source.pathname || value === source.href || value.startsWith(`${source.pathname}?`)));
  if (interstitial !== undefined || comesBack !== undefined) {
    const why = comesBack ? `it sends the reader back with ${comesBack[0]}=${comesBack[1]}` : `its path has /${interstitial}`;
    throw new CaptureError(`expected the page at ${source.href}, found a redirect to an interstitial (consent, login or check) page ${final.href}: ${why}`);
  }
}
