/**
 * Outputs: what the atlas publishes besides its pages, and the page data that
 * is more than layout. Imports reading/, model/, checks/, the routes and
 * libraries.
 *
 * - exports.ts, json-schema.ts: the JSON API, the clause dataset and their schemas
 * - feeds.ts: RSS, Atom and JSON change feeds
 * - sitemap.ts: sitemap and robots.txt
 * - citation.ts, citation-export.ts: citations in words and as BibTeX, RIS, CSL-JSON
 * - snapshot-html.ts, markdown-chunks.ts: snapshot text as safe HTML
 * - version-pages.ts: each version in its document's history, with its diff
 * - security-headers.ts, share.ts: the Content-Security-Policy, share links
 */
export * from './exports.ts';
export * from './json-schema.ts';
export * from './feeds.ts';
export * from './sitemap.ts';
export * from './citation.ts';
export * from './citation-export.ts';
export * from './snapshot-html.ts';
export * from './markdown-chunks.ts';
export * from './version-pages.ts';
export * from './security-headers.ts';
export * from './share.ts';
