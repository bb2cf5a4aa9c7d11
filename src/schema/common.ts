import { z } from 'astro/zod';

/**
 * Text that every output format can carry: no C0 or C1 control characters
 * except tab and line feed, no U+FFFE/U+FFFF and no unpaired surrogate. XML 1.0
 * forbids most of these even as character references (one in a title makes
 * every feed ill-formed), spreadsheets and terminals act on the rest, and a
 * carriage return is only ever a Windows line end gone astray (files are read
 * with LF line ends). Every string field of every content schema builds on this.
 */
export const PLAIN_TEXT = /^(?:[^\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/** The characters PLAIN_TEXT refuses, one at a time (global: for stripping). */
export const NOT_PLAIN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What a field that breaks PLAIN_TEXT was expected to hold. */
const PLAIN_TEXT_EXPECTED = 'text without control characters (U+0000–U+001F but tab and line feed, U+007F–U+009F), U+FFFE, U+FFFF or unpaired surrogates';

/** Any string of a content file: plain text as defined above. */
export const plainString = z.string().regex(PLAIN_TEXT, PLAIN_TEXT_EXPECTED);

/** Longest slug: keeps every output path (`/api/v1/clauses/<p>/<d>/<c>.json`) far below file-name and path limits. */
export const MAX_SLUG_LENGTH = 64;

/** Names Windows reserves for devices, with or without an extension; a file or folder so named cannot be checked out there. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** A lowercase slug used in file names and URLs: letters, digits and single hyphens, at most 64 characters, no Windows device name. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug (letters, digits, single hyphens)')
  .max(MAX_SLUG_LENGTH, `a slug of at most ${MAX_SLUG_LENGTH} characters`)
  .refine((value) => !WINDOWS_DEVICE.test(value), 'a slug that is not a Windows device name (con, prn, aux, nul, com0–9, lpt0–9)');

/** An absolute http(s) URL. */
export const httpUrl = z
  .url('an absolute URL')
  .regex(PLAIN_TEXT, PLAIN_TEXT_EXPECTED)
  .refine((value) => /^https?:\/\//.test(value), 'an http(s) URL');

/**
 * Earliest date the atlas accepts. It records policies published on the Web,
 * which went public in 1991, so an earlier date is a typo (or year 0001 from a
 * broken clock), not history.
 */
export const EARLIEST_DATE = '1990-01-01';

/**
 * True when the parts name a date and time that exists on the UTC calendar:
 * JavaScript dates roll 30 February over to March and 24:00 to the next day, so the
 * result must give back the same parts. Hours 0–23 and no leap seconds (ISO 8601 as JavaScript reads it).
 */
export function isRealDateTime(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): boolean {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 literally.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds);
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hours &&
    date.getUTCMinutes() === minutes &&
    date.getUTCSeconds() === seconds
  );
}

/**
 * A date or instant in a fixed format whose parts must exist on the calendar
 * and fall on or after EARLIEST_DATE; the calendar is checked only once the
 * format matches, so one mistake gives one problem.
 */
function calendarString(format: RegExp, formatMessage: string, realMessage: string, floorMessage: string) {
  return z
    .string()
    .regex(format, formatMessage)
    .refine((value) => {
      if (!format.test(value)) return true;
      const [year = 0, month = 0, day = 0, hours, minutes, seconds] = (value.slice(0, 19).match(/\d+/g) ?? []).map(Number);
      return isRealDateTime(year, month, day, hours, minutes, seconds);
    }, realMessage)
    .refine((value) => !format.test(value) || value.slice(0, 10) >= EARLIEST_DATE, floorMessage);
}

/** A calendar date written as YYYY-MM-DD, on or after 1990-01-01. YAML dates are kept as text so no time zone creeps in. */
export const isoDate = calendarString(/^\d{4}-\d{2}-\d{2}$/, 'a date written as YYYY-MM-DD', 'a date that exists on the calendar', `a date on or after ${EARLIEST_DATE}`);

/** An instant written as an ISO 8601 UTC timestamp, e.g. 2024-02-21T12:36:13Z, on or after 1990-01-01. */
export const isoInstant = calendarString(
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/,
  'a UTC timestamp such as 2024-02-21T12:36:13Z',
  'a date and time that exist (hours 00–23)',
  `a time on or after ${EARLIEST_DATE}`,
);

/** How serious a clause is for the people bound by it. */
export const severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof severity>;

/** A key naming another entry (clause type, regulation, agency): a slug. */
export const entryKey = slug;

/** Non-empty text with surrounding whitespace removed; empty text is reported once, without the checks chained after it. */
export const text = plainString.trim().min(1, { error: 'non-empty text', abort: true });
