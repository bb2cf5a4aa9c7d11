/**
 * Child process of the benchmark: times the stages of the Atlas core on one
 * content root — reading and schema-checking the files, building the model,
 * the cross-file checks, and computing the open-data exports (every API file,
 * the JSONL and CSV dataset, the feeds and the sitemap, serialised as the
 * routes serve them) — and prints them as one JSON line.
 */
import { resolve } from 'node:path';
import { loadContent } from '../../../src/atlas/reading/load.ts';
import { apiClause, apiClauseType, apiDocument, apiIndex, apiPlatform, clausesCsv, clausesJsonl } from '../../../src/atlas/outputs/exports.ts';
import { feedFiles } from '../../../src/atlas/outputs/feeds.ts';
import { buildAtlas } from '../../../src/atlas/model/model.ts';
import { buildSitemap } from '../../../src/atlas/outputs/sitemap.ts';
import { validateContent } from '../../../src/atlas/checks/validate.ts';

const root = resolve(process.argv[2] ?? 'content');
const t0 = performance.now();
const { content, problems } = loadContent(root);
const t1 = performance.now();
const atlas = buildAtlas(content);
const t2 = performance.now();
const validation = validateContent(content, atlas, new Date());
const t3 = performance.now();
let exportChars = 0;
for (const file of [
  apiIndex(atlas),
  ...atlas.platforms.map((p) => apiPlatform(atlas, p)),
  ...atlas.documents.map((d) => apiDocument(atlas, d)),
  ...atlas.clauses.map((c) => apiClause(atlas, c)),
  ...atlas.clauseTypes.map((t) => apiClauseType(atlas, t)),
]) {
  exportChars += JSON.stringify(file).length;
}
exportChars += clausesJsonl(atlas).length + clausesCsv(atlas).length + feedFiles(atlas).reduce((sum, f) => sum + f.body.length, 0) + JSON.stringify(buildSitemap(atlas)).length;
const t4 = performance.now();
const errors = [...problems, ...validation].filter((p) => p.level === 'error').length;
console.log(JSON.stringify({ load: Math.round(t1 - t0), model: Math.round(t2 - t1), validate: Math.round(t3 - t2), exports: Math.round(t4 - t3), exportChars, errors, clauses: atlas.clauses.length, snapshots: atlas.snapshots.length }));
