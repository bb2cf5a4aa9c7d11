/**
 * The date a policy states for itself ("Effective: January 15, 2026",
 * "Last updated: 14 August, 2025", "Effective as of 1 July 2025",
 * "Last modified: 2024-05-01"). Only the top of the text is read, where
 * policies put that line, so dates quoted in the body are never taken for it.
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
const LABEL = String.raw`\b(?:(effective)(?:\s+date)?|date\s+of\s+last\s+(?:update|revision|modification)|last\s+(?:update|revision|modification)|(?:last\s+)?(?:updated|modified|revised))`;
const FILLER = String.raw`(?:\s+(?:as\s+of|as\s+from|on|from|since))?\s*[:-]?\s*[[(]?`;
const DATE = `(?:${month}\\s+${day},?\\s+${year}|${day}\\s+(?:of\\s+)?${month},?\\s+${year}|(\\d{4})-(\\d{2})-(\\d{2}))\\b`;
const STATED_DATE = new RegExp(`${LABEL}${FILLER}${DATE}`, 'gi');

/** `YYYY-MM-DD` when the parts name a real calendar day, else undefined. */
function isoDay(y: string, m: number, d: string): string | undefined {
  const date = new Date(Date.UTC(Number(y), m - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1;
}

/**
 * The policy's own effective (or, failing that, last-updated / modified /
 * revised) date as `YYYY-MM-DD`, read from the first lines of `text`
 * (Markdown); undefined when it states none with a full day, month and year.
 * An "effective" date wins over an "updated" one; among the same kind the
 * first in the text wins. Dates after `notAfter` (YYYY-MM-DD) are passed over,
 * so a policy captured before its announced effective date yields its
 * last-updated date, or nothing.
 */
export function findEffectiveDate(text: string, options: { notAfter?: string } = {}): string | undefined {
  const top = text
    .split('\n', EFFECTIVE_DATE_LINES)
    .map((line) => normalizeText(line))
    .join('\n');
  let updated: string | undefined;
  for (const match of top.matchAll(STATED_DATE)) {
    const [, effective, mdyMonth, mdyDay, mdyYear, dmyDay, dmyMonth, dmyYear, isoYear, isoMonth, isoDate] = match;
    const date =
      mdyMonth !== undefined && mdyDay !== undefined && mdyYear !== undefined
        ? isoDay(mdyYear, monthNumber(mdyMonth), mdyDay)
        : dmyMonth !== undefined && dmyDay !== undefined && dmyYear !== undefined
          ? isoDay(dmyYear, monthNumber(dmyMonth), dmyDay)
          : isoYear !== undefined && isoMonth !== undefined && isoDate !== undefined
            ? isoDay(isoYear, Number(isoMonth), isoDate)
            : undefined;
    if (date === undefined || (options.notAfter !== undefined && date > options.notAfter)) continue;
    if (effective !== undefined) return date;
    updated ??= date;
  }
  return updated;
}
