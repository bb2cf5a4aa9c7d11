/**
 * The site's security headers have one definition, `public/_headers` (the
 * format Netlify and Cloudflare Pages read). Hosts that ignore that file, such
 * as GitHub Pages, the deploy target, get the Content-Security-Policy from a
 * `<meta http-equiv>` element that the page layout derives from it here.
 */

/** Headers by path pattern, header names lowercase: `/*` → `content-security-policy` → value. */
export type HeaderRules = Map<string, Map<string, string>>;

/**
 * Parses the `_headers` format: a path line, then indented `Name: value`
 * lines; `#` starts a comment line. Throws on a header line outside a path or
 * not of the form `Name: value`.
 */
export function parseHeaders(text: string): HeaderRules {
  const rules: HeaderRules = new Map();
  let current: Map<string, string> | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (!match || !current) throw new Error(`_headers: expected "  Name: value" under a path, found ${JSON.stringify(line)}`);
    current.set(match[1]?.toLowerCase() ?? '', match[2]?.trim() ?? '');
  }
  return rules;
}

/**
 * Directives a policy delivered by `<meta>` may not carry; browsers ignore
 * them there and warn (CSP Level 3, §3.3 "The <meta> element").
 */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

/** A Content-Security-Policy header value, minus the directives `<meta>` cannot carry. */
export function metaPolicy(headerPolicy: string): string {
  return headerPolicy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !(HEADER_ONLY_DIRECTIVES as readonly string[]).includes(directive.split(/\s+/)[0]?.toLowerCase() ?? ''))
    .join('; ');
}

/** The policy for every page (`/*` in `_headers`), ready for `<meta http-equiv="Content-Security-Policy">`; throws when `_headers` sets none. */
export function pagePolicy(headersFile: string): string {
  const policy = parseHeaders(headersFile).get('/*')?.get('content-security-policy');
  if (!policy) throw new Error('public/_headers: expected a Content-Security-Policy for /*, found none');
  return metaPolicy(policy);
}
