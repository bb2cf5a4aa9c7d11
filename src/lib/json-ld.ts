/**
 * schema.org descriptions of record pages, for search engines and citation
 * tools. Pure data built from the model; the layout writes it as JSON-LD.
 */
import { siteUrl } from '../atlas/site-url.ts';
import { permanentUrl, versionDate } from '../atlas/outputs/citation.ts';
import type { Atlas, ClauseRecord } from '../atlas/model/model.ts';

type Context = Pick<Atlas, 'site' | 'dataAsOf'>;

function pageUrl(atlas: Context, path: string): string {
  return siteUrl(atlas, path);
}

/** A clause analysis as an Article about the platform and clause type, based on the cited policy version. */
export function clauseJsonLd(atlas: Context, clause: ClauseRecord): Record<string, unknown> {
  const { site } = atlas;
  const snapshot = clause.citedSnapshot;
  const platform = { '@type': 'Organization', name: clause.platform.data.name, url: clause.platform.data.website };
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': permanentUrl(atlas, clause.data.id),
    identifier: clause.data.id,
    url: pageUrl(atlas, clause.url),
    headline: clause.data.title,
    description: clause.data.summary,
    inLanguage: 'en',
    isAccessibleForFree: true,
    publisher: { '@type': 'Organization', name: site.publisher },
    isPartOf: { '@type': 'WebSite', name: site.name, url: site.url },
    about: [platform, ...(clause.clauseType ? [{ '@type': 'DefinedTerm', name: clause.clauseType.data.name, url: pageUrl(atlas, clause.clauseType.url) }] : [])],
    isBasedOn: {
      '@type': 'DigitalDocument',
      name: clause.document.data.title,
      url: clause.document.data.source_url,
      author: platform,
      // The policy's own stated date, not the capture's: a crawler's visit is not when the platform changed the text.
      ...(snapshot ? { version: snapshot.data.sha256, ...(versionDate(snapshot) ? { dateModified: versionDate(snapshot) } : {}), ...(snapshot.data.archive_url ? { archivedAt: snapshot.data.archive_url } : {}) } : {}),
    },
    citation: clause.regulations.map((r) => ({ '@type': 'Legislation', name: r.data.name, legislationIdentifier: r.data.citation, url: r.data.official_url })),
    keywords: clause.data.categories,
    ...(atlas.dataAsOf ? { dateModified: atlas.dataAsOf } : {}),
  };
}
