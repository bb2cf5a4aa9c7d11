/**
 * The model: content linked into records, and every fact computed from the
 * snapshots. Imports reading/, the routes and libraries only; never checks/ or
 * outputs/.
 *
 * - model.ts: `buildAtlas` and the record types
 * - snapshots.ts, captures.ts, lineage.ts, effective-date.ts: snapshots, captures versus versions, stated dates
 * - normalize.ts, anchoring.ts, quote-section.ts, source-link.ts: finding a quote in a version
 * - stability.ts, version-diff.ts, version-summary.ts, changes.ts: what changed between versions, the change log
 * - grade.ts, rarity.ts, peer-summary.ts: the platform grade, clause-type rarity, peer lists
 * - faq.ts, wording.ts, dates.ts, language.ts: how computed facts are put in words
 */
export * from './model.ts';
export * from './snapshots.ts';
export * from './captures.ts';
export * from './lineage.ts';
export * from './effective-date.ts';
export * from './normalize.ts';
export * from './anchoring.ts';
export * from './quote-section.ts';
export * from './source-link.ts';
export * from './stability.ts';
export * from './version-diff.ts';
export * from './version-summary.ts';
export * from './changes.ts';
export * from './grade.ts';
export * from './rarity.ts';
export * from './peer-summary.ts';
export * from './faq.ts';
export * from './wording.ts';
export * from './dates.ts';
export * from './language.ts';
