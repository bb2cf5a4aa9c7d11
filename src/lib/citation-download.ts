/**
 * The routes of the citation downloads (`/cite/<ID>.bib|.ris|.json`): one
 * file per citable record and format, served with the format's media type.
 */
import type { APIRoute } from 'astro';
import { citationFormats, citedRecords, type CitationFormat, type CslItem } from '../atlas/outputs/citation-export.ts';
import { atlas } from './atlas.ts';

export function citationRoute(format: CitationFormat) {
  const { write, mediaType } = citationFormats[format];
  return {
    getStaticPaths: () => citedRecords(atlas).map((item) => ({ params: { id: item.id }, props: { item } })),
    GET: (({ props }) => new Response(write(props.item), { headers: { 'Content-Type': mediaType } })) satisfies APIRoute<{ item: CslItem }>,
  };
}
