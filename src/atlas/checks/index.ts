/**
 * Checks: what a content root must satisfy beyond each file's schema. Imports
 * reading/, model/, the routes and libraries.
 *
 * - validate.ts: `validateContent`, every check across files in one run
 * - analysis-guard.ts: contributed analyses parsed as data before anything compiles them
 * - permanent-urls.ts: the ledger's paths, `/r/` redirects and tombstones
 * - public-address.ts: source URLs must name public hosts
 * - suggest.ts: "did you mean" for mistyped keys
 * - annotations.ts: problems as CI annotations
 */
export * from './validate.ts';
export * from './analysis-guard.ts';
export * from './permanent-urls.ts';
export * from './public-address.ts';
export * from './suggest.ts';
export * from './annotations.ts';
