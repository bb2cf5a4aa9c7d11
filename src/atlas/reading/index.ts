/**
 * Reading content: the files under a content root, each checked against its
 * schema, with every problem named by file, line and field. Imports only
 * src/schema, src/support and libraries.
 *
 * - load.ts: every file of a content root in one pass (`loadContent`)
 * - entry-file.ts: one YAML or front-matter file and its schema problems
 * - ledger-file.ts: `content/ledger.yaml`, read and appended atomically
 * - snapshot-file.ts: the on-disk form of a snapshot and its hash
 * - problems.ts: the project's `Problem` and how it is printed
 * - schema-issue.ts: what a zod issue leaves unsaid (the value found)
 * - markdown-syntax.ts, markdown-sanitize.ts: the one parser of contributed Markdown and its HTML allow-list
 */
export * from './load.ts';
export * from './entry-file.ts';
export * from './ledger-file.ts';
export * from './snapshot-file.ts';
export * from './problems.ts';
export * from './schema-issue.ts';
export * from './markdown-syntax.ts';
export * from './markdown-sanitize.ts';
