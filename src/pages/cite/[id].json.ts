/** `/cite/<ID>.json`: the CSL-JSON citation of every clause and document record. */
import { citationRoute } from '../../lib/citation-download.ts';

export const { getStaticPaths, GET } = citationRoute('json');
