/**
 * A whole page that sends readers and crawlers on to another address without
 * JavaScript: the Content-Security-Policy meta element first in <head> (a meta
 * policy covers only what follows it), an immediate meta refresh (to the site
 * path, so previews and mirrors stay on their own host), the canonical URL of
 * the target, noindex so search engines list the target instead, and a
 * visible link for anyone whose browser does not follow the refresh. Kept
 * tiny on purpose: no layout, no styles.
 *
 * Written here as a string rather than an Astro component so the thousands of
 * `/r/<ID>/` pages can be written outside the route pipeline
 * (record-files.ts); src/components/RedirectPage.astro renders the same
 * function for the former paths, so both kinds of redirect share one markup.
 */
import type { Redirect } from '../checks/permanent-urls.ts';

/** Text escaped as Astro escapes an expression: `& < > ' "` become entities. */
function escapeText(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' })[c] ?? c);
}

/** An attribute value escaped as Astro escapes one: `&` and `"` become entities. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * The redirect page of `redirect` as HTML: `site` is the site's absolute URL
 * (site.yaml `url`), which makes the canonical link absolute; `policy` is the
 * meta form of the Content-Security-Policy (security-headers.ts `pagePolicy`).
 */
export function redirectPage(redirect: Pick<Redirect, 'to' | 'label'>, site: string | URL, policy: string): string {
  const to = escapeAttribute(redirect.to);
  const label = escapeText(redirect.label);
  return (
    '<!DOCTYPE html><html lang="en"> <head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">` +
    `<title>Moved: ${label}</title>` +
    `<meta http-equiv="refresh" content="0; url=${to}">` +
    `<link rel="canonical" href="${escapeAttribute(new URL(redirect.to, site).href)}">` +
    '<meta name="robots" content="noindex"></head> ' +
    `<body> <p>This address leads to <a href="${to}">${label}</a>.</p> </body> </html>`
  );
}
