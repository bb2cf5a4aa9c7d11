/** One document's change feeds beside its page: `feed.xml` (RSS 2.0), `atom.xml` (Atom 1.0) and `feed.json` (JSON Feed 1). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { FEED_FORMATS, feedFile, feedFileName, feedResponse } from '../../../../atlas/outputs/feeds.ts';
import type { FeedFormat } from '../../../../atlas/routes.ts';
import type { DocumentRecord } from '../../../../atlas/model/model.ts';
import { atlas } from '../../../../lib/atlas.ts';

export const getStaticPaths = (() =>
  atlas.documents.flatMap((document) =>
    FEED_FORMATS.map((format) => ({ params: { platform: document.platform.slug, document: document.slug, feed: feedFileName(format) }, props: { document, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: DocumentRecord; format: FeedFormat }> = ({ props: { document, format } }) => feedResponse(feedFile(atlas, format, document));
