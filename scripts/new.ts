/**
 * new — scaffold a platform, document, clause or negative finding entry with every field it needs.
 *
 *   npm run new -- platform <slug> --name "Name" [--website URL] [--headquarters CC]
 *   npm run new -- document <platform>/<slug> --title "…" --type "Privacy Policy" --source-url URL
 *                           [--language en] [--select main]
 *   npm run new -- clause <platform>/<document>/<slug> [--type <clause-type>]
 *                         [--severity low|medium|high] [--confidence low|medium|high]
 *   npm run new -- negative <platform>/<document>/<clause-type>
 *
 * Every command also takes --content <dir> (default: content/, or ATLAS_CONTENT).
 * Documents and clauses get the next free record ID, appended to the ledger.
 * Each field carries a hint; what is left to write stays empty so that
 * `npm run validate` names it. Nothing is ever overwritten.
 *
 * Exit codes: 0 created, 1 refused (nothing written), 2 usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { contentRoot } from '../src/atlas/index.ts';
import { newClause, newDocument, newNegative, newPlatform, type Created } from './lib/new/create.ts';
import { FileExistsError } from '../src/support/atomic-write.ts';
import { NewEntryError } from './lib/new/content-folder.ts';
import { LedgerBusyError } from './lib/ledger-lock.ts';

type Values = Record<string, string | undefined>;

interface Command {
  usage: string;
  options: Record<string, { type: 'string' }>;
  required: string[];
  run(target: string, values: Values, content: string): Promise<Created>;
}

const commands: Record<string, Command> = {
  platform: {
    usage: 'npm run new -- platform <slug> --name "Name" [--website URL] [--headquarters CC] [--content <dir>]',
    options: { name: { type: 'string' }, website: { type: 'string' }, headquarters: { type: 'string' } },
    required: ['name'],
    run: (slug, v, content) => newPlatform({ content, slug, name: v.name ?? '', website: v.website, headquarters: v.headquarters }),
  },
  document: {
    usage: 'npm run new -- document <platform>/<slug> --title "…" --type "Privacy Policy" --source-url URL [--language en] [--select main] [--content <dir>]',
    options: { title: { type: 'string' }, type: { type: 'string' }, 'source-url': { type: 'string' }, language: { type: 'string' }, select: { type: 'string' } },
    required: ['title', 'type', 'source-url'],
    run: (ref, v, content) =>
      newDocument({ content, ref, title: v.title ?? '', type: v.type ?? '', sourceUrl: v['source-url'] ?? '', language: v.language, select: v.select }),
  },
  clause: {
    usage: 'npm run new -- clause <platform>/<document>/<slug> [--type <clause-type>] [--severity low|medium|high] [--confidence low|medium|high] [--content <dir>]',
    options: { type: { type: 'string' }, severity: { type: 'string' }, confidence: { type: 'string' } },
    required: [],
    run: (ref, v, content) => newClause({ content, ref, clauseType: v.type, severity: v.severity, confidence: v.confidence }),
  },
  negative: {
    usage: 'npm run new -- negative <platform>/<document>/<clause-type> [--content <dir>]',
    options: {},
    required: [],
    run: (ref, _v, content) => newNegative({ content, ref }),
  },
};

const USAGE = `usage:\n${Object.values(commands)
  .map((c) => `  ${c.usage}`)
  .join('\n')}`;

function usageError(message: string, usage = USAGE): never {
  console.error(`new: ${message}\n${usage}`);
  process.exit(2);
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined) usageError('missing what to create (platform, document, clause or negative)');
if (name === '--help' || name === '-h') {
  console.log(USAGE);
  process.exit(0);
}
const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
if (!command) usageError(`expected platform, document, clause or negative, found ${JSON.stringify(name)}`);
const usage = `usage: ${command.usage}`;

const config = {
  args,
  allowPositionals: true,
  strict: true,
  options: { ...command.options, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
} satisfies ParseArgsConfig;
let parsed;
try {
  parsed = parseArgs(config);
} catch (error) {
  usageError((error as Error).message, usage);
}
const { help, content, ...values } = parsed.values as Values & { help?: boolean };
if (help) {
  console.log(usage);
  process.exit(0);
}
const [target, ...extra] = parsed.positionals;
if (target === undefined) usageError(`missing the ${name} to create`, usage);
if (extra.length > 0) usageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`, usage);
const missing = command.required.filter((option) => values[option] === undefined);
if (missing.length > 0) usageError(`missing ${missing.map((option) => `--${option}`).join(', ')}`, usage);
if (content === '') usageError('--content needs a folder', usage);

try {
  const created = await command.run(target, values, content ?? contentRoot());
  console.log(`created ${created.path}${created.id ? ` (${created.id})` : ''}`);
  if (created.ledger) console.log(`recorded ${created.id} in ${created.ledger}`);
  console.log('\nNext:');
  for (const step of created.next) console.log(`  - ${step}`);
} catch (error) {
  // A refusal is checked before anything is written; any other failure undoes the entry it wrote (see create.ts).
  const refused = error instanceof NewEntryError || error instanceof FileExistsError || error instanceof LedgerBusyError;
  console.error(`new: ${(error as Error).message}${refused ? ' (nothing was written)' : ''}`);
  process.exit(1);
}
