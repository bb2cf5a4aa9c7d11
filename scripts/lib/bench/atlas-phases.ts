/**
 * Child process of the benchmark: times the three stages of the Atlas core on
 * one content root — reading and schema-checking the files, building the
 * model, and the cross-file checks — and prints them as one JSON line.
 */
import { resolve } from 'node:path';
import { loadContent } from '../../../src/atlas/load.ts';
import { buildAtlas } from '../../../src/atlas/model.ts';
import { validateContent } from '../../../src/atlas/validate.ts';

const root = resolve(process.argv[2] ?? 'content');
const t0 = performance.now();
const { content, problems } = loadContent(root);
const t1 = performance.now();
const atlas = buildAtlas(content);
const t2 = performance.now();
const validation = validateContent(content, atlas, new Date());
const t3 = performance.now();
const errors = [...problems, ...validation].filter((p) => p.level === 'error').length;
console.log(JSON.stringify({ load: Math.round(t1 - t0), model: Math.round(t2 - t1), validate: Math.round(t3 - t2), errors, clauses: atlas.clauses.length, snapshots: atlas.snapshots.length }));
