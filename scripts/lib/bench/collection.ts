/**
 * A collection of Open Terms Archive's dataset-release shape made from the
 * atlas's own snapshots, for measuring an import and build of a whole
 * collection at a chosen size.
 *
 * Every version is a real text the atlas holds; what is synthetic is the
 * arrangement: each real document's history is reused under numbered service
 * names (`Bluesky2`, `Bluesky3`…) until the collection has the documents
 * asked for, and each history is thinned evenly (first and last version kept)
 * so the versions add up to about the number asked for.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';

/** One real document's history, oldest first. */
interface SourceDocument {
  /** Service name: the platform's name without spaces; a second document of the same terms type gets its slug appended. */
  service: string;
  /** Terms type as Open Terms Archive names it (the document's `type`). */
  termsType: string;
  /** Snapshot file names (`<stamp>.md`), oldest first. */
  stamps: string[];
  /** Folder holding the snapshots. */
  dir: string;
}

export interface CollectionSummary {
  /** Documents written (service × terms type). */
  documents: number;
  /** Version files written. */
  versions: number;
  /** Distinct services. */
  services: number;
  /** Bytes of version text written. */
  bytes: number;
  /** Versions over 600 KB of text (600 × 1024 bytes), and the largest, in bytes. */
  over600KB: number;
  largestBytes: number;
  /** Real documents the collection was made from. */
  sourceDocuments: number;
}

const OVER_BYTES = 600 * 1024;

/** Adds one version of `bytes` bytes to the summary's counts. */
function countVersion(summary: CollectionSummary, bytes: number): void {
  summary.versions++;
  summary.bytes += bytes;
  summary.largestBytes = Math.max(summary.largestBytes, bytes);
  if (bytes > OVER_BYTES) summary.over600KB++;
}

function readYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Every document of `content` that has snapshots, in a stable order. */
function sourceDocuments(content: string): SourceDocument[] {
  const sources: SourceDocument[] = [];
  for (const platform of readdirSync(join(content, 'snapshots')).sort()) {
    const name = String(readYaml(join(content, 'platforms', `${platform}.yaml`)).name).replace(/[^A-Za-z0-9]/g, '');
    const typesSeen = new Set<string>();
    for (const document of readdirSync(join(content, 'snapshots', platform)).sort()) {
      const dir = join(content, 'snapshots', platform, document);
      const stamps = readdirSync(dir).filter((file) => file.endsWith('.md')).sort();
      if (stamps.length === 0) continue;
      const termsType = String(readYaml(join(content, 'documents', platform, `${document}.yaml`)).type);
      // A platform's predecessor document (Twitter's policies under X) shares its terms type: keep it a service of its own.
      const service = typesSeen.has(termsType) ? `${name}${document.replace(/[^A-Za-z0-9]/g, '')}` : name;
      typesSeen.add(termsType);
      sources.push({ service, termsType, stamps, dir });
    }
  }
  return sources;
}

/** `count` indices spread evenly over `0…length-1`, first and last included. */
function evenly(length: number, count: number): number[] {
  if (count >= length) return [...Array(length).keys()];
  if (count === 1) return [length - 1];
  return [...new Set([...Array(count).keys()].map((i) => Math.round((i * (length - 1)) / (count - 1))))];
}

/**
 * Writes a dataset release (`<Service>/<Terms type>/<stamp>.md`) into `out`
 * with `documents` documents and about `versions` versions, from the
 * snapshots of the content folder `content`.
 * @throws when `content` has no snapshots or `versions` < `documents`.
 */
export function writeCollection(content: string, out: string, documents: number, versions: number): CollectionSummary {
  const sources = sourceDocuments(content);
  if (sources.length === 0) throw new Error(`bench-collection: ${content} has no snapshots`);
  if (versions < documents) throw new Error(`bench-collection: ${versions} versions cannot cover ${documents} documents`);
  const picked = [...Array(documents).keys()].map((i) => ({ source: sources[i % sources.length]!, copy: Math.floor(i / sources.length) + 1 }));
  const available = picked.reduce((sum, { source }) => sum + source.stamps.length, 0);
  const scale = Math.min(1, versions / available);
  const summary: CollectionSummary = { documents, versions: 0, services: 0, bytes: 0, over600KB: 0, largestBytes: 0, sourceDocuments: Math.min(documents, sources.length) };
  const services = new Set<string>();
  for (const { source, copy } of picked) {
    const service = copy === 1 ? source.service : `${source.service}${copy}`;
    services.add(service);
    const dir = join(out, service, source.termsType);
    mkdirSync(dir, { recursive: true });
    const keep = Math.max(1, Math.round(source.stamps.length * scale));
    for (const index of evenly(source.stamps.length, keep)) {
      const stamp = source.stamps[index]!;
      const text = matter(readFileSync(join(source.dir, stamp), 'utf8')).content.replace(/^\n/, '');
      writeFileSync(join(dir, stamp), text);
      countVersion(summary, Buffer.byteLength(text));
    }
  }
  summary.services = services.size;
  return summary;
}

/**
 * The same figures for a dataset release someone published (`<Service>/<Terms
 * type>/<stamp>.md`), read as it is: documents are the terms-type folders,
 * versions their `.md` files. `sourceDocuments` is the document count.
 */
export function describeCollection(dataset: string): CollectionSummary {
  const summary: CollectionSummary = { documents: 0, versions: 0, services: 0, bytes: 0, over600KB: 0, largestBytes: 0, sourceDocuments: 0 };
  for (const service of readdirSync(dataset, { withFileTypes: true })) {
    if (!service.isDirectory() || service.name.startsWith('.')) continue;
    summary.services++;
    for (const type of readdirSync(join(dataset, service.name), { withFileTypes: true })) {
      if (!type.isDirectory()) continue;
      summary.documents++;
      for (const file of readdirSync(join(dataset, service.name, type.name))) {
        if (!file.endsWith('.md')) continue;
        countVersion(summary, statSync(join(dataset, service.name, type.name, file)).size);
      }
    }
  }
  summary.sourceDocuments = summary.documents;
  return summary;
}
