/**
 * The import map (e.g. import/pga-v2.yaml): how a collection's services and
 * terms types become the atlas's platforms and documents. Read with
 * `loadImportMap`; the map a run used (given entries plus derived ones) is
 * written with `writeImportMap` for a person to refine.
 */
import { z } from 'astro/zod';
import { httpUrl, slug, text } from '../../../src/schema/common.ts';
import { documentSchema, documentTypes } from '../../../src/schema/document.ts';
import { platformSchema } from '../../../src/schema/platform.ts';
import { writeFileExclusive } from '../../../src/support/atomic-write.ts';
import { kindOf } from './dataset.ts';
import { describeIssue } from './messages.ts';
import { readYamlFile, yamlText } from './yaml-file.ts';

/** A `<platform>/<document>` reference, or a document slug of the same platform. */
const documentRef = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a document slug, or <platform>/<document> for another platform');

/** How one OTA terms type of a service becomes an atlas document. */
export const importDocumentSchema = z
  .object({
    /** Slug of the document (`content/documents/<platform>/<slug>.yaml`). */
    slug,
    /** Title of the document entry when it is created. */
    title: text,
    /** Where the platform publishes this text; used for the entry, each snapshot's `source_url` and its archive URL. Left out when not known. */
    source_url: httpUrl.optional(),
    /** Language of the text (BCP 47), written to a created entry. */
    language: documentSchema.shape.language,
    /** Capture declaration written to a created entry (CSS `select`, optional `remove`). Left out when not known. */
    capture: documentSchema.shape.capture,
    /**
     * The document whose history this one precedes: a slug of the same platform
     * or `<platform>/<document>`. That document's entry gets `predecessor: <platform>/<slug>`.
     */
    successor: documentRef.optional(),
  })
  .strict();

/** How one OTA service (a top-level dataset folder) maps onto the atlas. */
export const importServiceSchema = z
  .object({
    /** Slug of the platform the service's documents belong to (several services may share one, e.g. Twitter and X). */
    platform: slug,
    /** The platform entry to create when `content/platforms/<platform>.yaml` is missing; ignored otherwise. */
    platform_entry: platformSchema.optional(),
    /** The service's terms types (dataset sub-folder names, e.g. "Privacy Policy") and the documents they become. */
    // Keys go through a pipe so zod checks each one against the terms types (and
    // says which type was meant) instead of requiring every terms type as a key.
    documents: z.record(z.string().pipe(z.enum(documentTypes)), importDocumentSchema).default({}),
  })
  .strict();

/** An import map file such as `import/pga-v2.yaml`. */
export const importMapSchema = z
  .object({
    /** The dataset as it must be credited; written to every snapshot's `obtained.dataset`. */
    dataset: text,
    /** Dataset service folder names and how each maps onto the atlas. */
    services: z.record(z.string().min(1), importServiceSchema),
  })
  .strict();

export type ImportMap = z.infer<typeof importMapSchema>;
export type ImportDocument = z.infer<typeof importDocumentSchema>;

/** Reads and validates an import map. */
export async function loadImportMap(path: string): Promise<{ map?: ImportMap; problems: string[] }> {
  const kind = await kindOf(path);
  if (kind !== 'file') return { problems: [`${path}: expected an import map file, found ${kind === null ? 'nothing at this path' : `a ${kind}`}`] };
  const read = await readYamlFile(path);
  if (read.problems.length > 0) return { problems: read.problems };
  const parsed = importMapSchema.safeParse(read.value ?? null);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => describeIssue(path, issue, read.value)) };
  return { map: parsed.data, problems: [] };
}

/** Writes an import map as YAML to a new file (never overwriting; FileExistsError when it exists). */
export async function writeImportMap(path: string, map: ImportMap): Promise<void> {
  const services = Object.fromEntries(
    Object.entries(map.services).map(([name, service]) => {
      const entry = service.platform_entry === undefined ? {} : { platform_entry: service.platform_entry.formerly.length > 0 ? service.platform_entry : { ...service.platform_entry, formerly: undefined } };
      return [name, { platform: service.platform, ...entry, documents: service.documents }];
    }),
  );
  const header = '# Import map written by `npm run import:ota -- --write-map`: refine it and pass it with --map.\n# Fields left out were not in the dataset: add website, headquarters, description, source_url, capture by hand.\n';
  await writeFileExclusive(path, header + yamlText({ dataset: map.dataset, services }));
}
