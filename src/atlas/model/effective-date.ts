/**
 * The dates a policy states about itself ("Effective: January 15, 2026",
 * "Last updated: 14 August, 2025", "Effective as of 1 July 2025",
 * "Last modified: 2024-05-01", "This version … will go into effect on
 * September 22, 2023"), past or future: a date after the capture is how a
 * text announces a version not yet in force. Only the top of the text is
 * read, where policies put that line, so dates quoted in the body are never
 * taken for it.
 */
import { normalizeText } from './normalize.ts';

/** How many lines from the top of the text are read. */
export const EFFECTIVE_DATE_LINES = 40;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const month = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const day = '(\\d{1,2})(?:st|nd|rd|th)?';
const year = '(\\d{4})';

// A label, an optional connecting word and separator, then the date straight after:
// prose such as "we updated this notice on November 3" does not count.
const LABEL = String.raw`\b(?:(effective|(?:go|goes|went|come|comes|came|take|takes|took)\s+(?:into\s+)?effect)(?:\s+date)?|date\s+of\s+last\s+(?:update|revision|modification)|last\s+(?:update|revision|modification)|(?:last\s+)?(?:updated|modified|revised))`;
const FILLER = String.raw`(?:\s+(?:as\s+of|as\s+from|on|from|since))?\s*[:-]?\s*[[(]?`;
const DATE = `(?:${month}\\s+${day},?\\s+${year}|${day}\\s+(?:of\\s+)?${month},?\\s+${year}|(\\d{4})-(\\d{2})-(\\d{2}))\\b`;
const STATED_DATE = new RegExp(`${LABEL}${FILLER}${DATE}`, 'gi');
/** STATED_DATE for a yes/no test (a global regex keeps state between `test` calls). */
const HAS_STATED_DATE = new RegExp(STATED_DATE.source, 'i');

/**
 * A notice on the page in force about a text published elsewhere: "An update to
 * our Terms of Service will be effective on July 26, 2022. You can preview the
 * updated version here", "The updates go into effect on 5 July 2023. Read new
 * terms here" (Facebook's terms, 2022–2024). Its date belongs to that other
 * text, so it is not a date this text states about itself. A text that is the
 * new one links to the *current* policy instead ("Click here to view our
 * current Privacy Policy", TikTok; "Until then, the current Privacy Policy
 * continues to apply", X), and keeps its date.
 */
const NOTICE_OF_ANOTHER_TEXT = /\b(?:preview|read (?:the )?new (?:terms|policy|privacy policy)|updated version|upcoming update)\b/i;

/**
 * True when a paragraph (normalised) is a notice of a text published
 * elsewhere: NOTICE_OF_ANOTHER_TEXT with a labelled effective date in it, so a
 * policy sentence that merely says "preview" is never taken for one.
 */
export function isNoticeOfAnotherText(paragraph: string): boolean {
  return NOTICE_OF_ANOTHER_TEXT.test(paragraph) && HAS_STATED_DATE.test(paragraph);
}

/** `YYYY-MM-DD` when the parts name a real calendar day, else undefined. */
function isoDay(y: string, m: number, d: string): string | undefined {
  const date = new Date(Date.UTC(Number(y), m - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1;
}

/** What a text states about its own dates, each `YYYY-MM-DD`. */
export interface StatedDates {
  /** The first "effective" / "goes into effect" date: when the text is (or will be) in force. */
  effective?: string;
  /** Every effective date stated, in text order: a page can state its own and announce the next one's. */
  effectiveDates?: string[];
  /** The first "last updated / revised / modified" date. */
  updated?: string;
}

/**
 * The dates the first EFFECTIVE_DATE_LINES lines of `text` (Markdown) state
 * about the text itself, past or future, with a full day, month and year;
 * among the same kind the first in the text wins. A date on a line that
 * announces a text published elsewhere (isNoticeOfAnotherText) is not one. A date with no label
 * straight before it ("we updated this notice on November 3") does not count.
 */
export function statedDates(text: string): StatedDates {
  const top = text
    .split('\n', EFFECTIVE_DATE_LINES)
    .map((line) => normalizeText(line))
    .join('\n');
  const found: StatedDates = {};
  for (const match of top.matchAll(STATED_DATE)) {
    const lineStart = top.lastIndexOf('\n', match.index) + 1;
    const lineEnd = top.indexOf('\n', match.index);
    if (isNoticeOfAnotherText(top.slice(lineStart, lineEnd === -1 ? undefined : lineEnd))) continue;
    const [, effective, mdyMonth, mdyDay, mdyYear, dmyDay, dmyMonth, dmyYear, isoYear, isoMonth, isoDate] = match;
    const date =
      mdyMonth !== undefined && mdyDay !== undefined && mdyYear !== undefined
        ? isoDay(mdyYear, monthNumber(mdyMonth), mdyDay)
        : dmyMonth !== undefined && dmyDay !== undefined && dmyYear !== undefined
          ? isoDay(dmyYear, monthNumber(dmyMonth), dmyDay)
          : isoYear !== undefined && isoMonth !== undefined && isoDate !== undefined
            ? isoDay(isoYear, Number(isoMonth), isoDate)
            : undefined;
    if (date === undefined) continue;
    if (effective !== undefined) {
      found.effective ??= date;
      (found.effectiveDates ??= []).push(date);
    } else found.updated ??= date;
  }
  return found;
}

/**
 * The policy's own effective (or, failing that, last-updated / modified /
 * revised) date as `YYYY-MM-DD`, past or future; undefined when it states
 * none with a full day, month and year. See statedDates.
 */
export function findEffectiveDate(text: string): string | undefined {
  const { effective, updated } = statedDates(text);
  return effective ?? updated;
}
