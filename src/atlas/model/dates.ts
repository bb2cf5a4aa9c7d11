/**
 * Date display for pages, citations and FAQs. A fixed locale and UTC keep the
 * output identical on every machine, so the same content builds the same bytes.
 */

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** Bluebook's month abbreviations (T12); short months stay whole. */
const bluebookMonths = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Reads the calendar date of `YYYY-MM-DD` or an ISO instant without going through local time. */
function parts(isoDate: string): DateParts {
  const [year = 0, month = 1, day = 1] = isoDate.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}

/** "16 July 2026". */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "2026, July 16", as APA puts a date after the author. */
export function formatApaDate(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${year}, ${monthNames[month - 1]} ${day}`;
}

/** "July 16, 2026" with Bluebook month abbreviations: "Sept. 3, 2024". */
export function formatBluebookDate(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${bluebookMonths[month - 1]} ${day}, ${year}`;
}
