/**
 * Where each kind of content lives under a content root: its folder, the key
 * parts its path holds (one per folder level and the file name), the file
 * extensions it may have, and the schema its data is checked against. Every
 * reader and writer of content/ (loading, the Astro content collections,
 * `npm run new`, import, capture) asks here, so a kind moves in one place.
 */
import { agencySchema } from '../../schema/agency.ts';
import { clauseSchema } from '../../schema/clause.ts';
import { clauseTypeSchema } from '../../schema/clause-type.ts';
import { documentSchema } from '../../schema/document.ts';
import { ledgerSchema } from '../../schema/ledger.ts';
import { negativeSchema } from '../../schema/negative.ts';
import { platformSchema } from '../../schema/platform.ts';
import { regulationSchema } from '../../schema/regulation.ts';
import { siteSchema } from '../../schema/site.ts';
import { snapshotSchema } from '../../schema/snapshot.ts';
import { join, resolve } from 'node:path';

/** The content root: `ATLAS_CONTENT` when set (fixture atlases), else `content/`; the one place the variable is read. */
export function contentRoot(): string {
  return resolve(process.env.ATLAS_CONTENT ?? 'content');
}

/**
 * The kinds kept as one file per entry. `parts` names each path level, the last
 * being the file: a document's key `x/privacy-policy` is
 * `documents/x/privacy-policy.yaml`; its length is the depth below `folder`.
 * The first extension is the one new files get.
 */
export const CONTENT_LAYOUT = {
  platform: { folder: 'platforms', parts: ['platform'], extensions: ['.yaml'], schema: platformSchema },
  document: { folder: 'documents', parts: ['platform', 'document'], extensions: ['.yaml'], schema: documentSchema },
  snapshot: { folder: 'snapshots', parts: ['platform', 'document', 'snapshot'], extensions: ['.md'], schema: snapshotSchema },
  clause: { folder: 'clauses', parts: ['platform', 'document', 'clause'], extensions: ['.md', '.mdx'], schema: clauseSchema },
  negative: { folder: 'negatives', parts: ['platform', 'document', 'clause type'], extensions: ['.yaml'], schema: negativeSchema },
  clauseType: { folder: 'clause-types', parts: ['clause type'], extensions: ['.yaml'], schema: clauseTypeSchema },
  regulation: { folder: 'regulations', parts: ['regulation'], extensions: ['.md'], schema: regulationSchema },
  agency: { folder: 'agencies', parts: ['agency'], extensions: ['.yaml'], schema: agencySchema },
} as const;

export type ContentKind = keyof typeof CONTENT_LAYOUT;

/** The single files at the top of a content root. */
export const CONTENT_FILES = {
  site: { file: 'site.yaml', schema: siteSchema },
  ledger: { file: 'ledger.yaml', schema: ledgerSchema },
} as const;

/** The folder of a kind, or of the entries under a key prefix: `contentFolder(root, 'snapshot', 'x/privacy-policy')` → `<root>/snapshots/x/privacy-policy`. */
export function contentFolder(root: string, kind: ContentKind, prefix = ''): string {
  return join(root, CONTENT_LAYOUT[kind].folder, ...prefix.split('/').filter(Boolean));
}

/** The file of an entry: `contentFile(root, 'document', 'x/privacy-policy')` → `<root>/documents/x/privacy-policy.yaml`. */
export function contentFile(root: string, kind: ContentKind, key: string, extension: string = CONTENT_LAYOUT[kind].extensions[0]): string {
  return `${contentFolder(root, kind, key)}${extension}`;
}

/** A glob of a kind's files below its folder, for loaders that take one: `**\/*.{md,mdx}` for clauses, `*.md` for regulations. */
export function contentGlob(kind: ContentKind): string {
  const { parts, extensions } = CONTENT_LAYOUT[kind];
  const names = extensions.map((e) => e.slice(1));
  return `${parts.length > 1 ? '**/' : ''}*.${names.length > 1 ? `{${names.join(',')}}` : names[0]}`;
}
