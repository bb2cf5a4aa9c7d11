/**
 * Live capture (scripts/lib/capture.ts, CLI scripts/capture.ts) end to end
 * against a node:http server on 127.0.0.1 serving tests/fixtures/capture/.
 * Each test points a copy of the fixture atlas at that server; the clock is
 * injected so stamps are known. Nothing here reaches the internet.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { captureDocuments, describeOutcome, type CaptureOptions, type CaptureOutcome } from '../../scripts/lib/capture.ts';
import { formatProblem, loadAtlas } from '../../src/atlas/index.ts';
import { sha256, splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { snapshotSchema } from '../../src/schema/snapshot.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';
import { serveRoutes, type Route, type RouteServer } from '../support/route-server.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pages = join(repo, 'tests/fixtures/capture');
const version = (JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const page = (name: string) => readFile(join(pages, name), 'utf8');

// ---------------------------------------------------------------------------
// The local server. `/privacy` serves whichever fixture `privacyPage` names.

let server: RouteServer;
let base: string;
let closedPortUrl: string;
let privacyPage = 'privacy-v1.html';

const html = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
};

const routes: Record<string, Route> = {
  '/privacy': async (_req, res) => html(res, await page(privacyPage)),
  '/moved': (_req, res) => {
    res.writeHead(301, { Location: '/policies/../privacy' });
    res.end();
  },
  '/loop': (_req, res) => {
    res.writeHead(302, { Location: '/loop' });
    res.end();
  },
  '/missing': (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<main>Not found</main>');
  },
  '/broken': (_req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/html' });
    res.end('<main>Oops</main>');
  },
  '/json': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"main": "not a page"}');
  },
  // Never answers.
  '/hang': () => {},
  // Answers, sends part of the body, then stalls.
  '/stall': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.write('<main><p>The start of a policy');
  },
  // Declares its size up front.
  '/huge': (_req, res) => {
    const body = `<main>${'<p>Lorem ipsum dolor sit amet.</p>'.repeat(2000)}</main>`;
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  },
  // Streams without a Content-Length, so only counting the bytes read catches it.
  '/huge-stream': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.write('<main>');
    for (let i = 0; i < 200; i++) res.write('<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>');
    res.end('</main>');
  },
  '/birdy': (_req, res) => html(res, '<main><h1>Birdy Privacy Policy</h1><p>Last updated: 2024-05-01</p><p>We keep logs.</p></main>'),
  // The text of acme/old-privacy-policy's last snapshot.
  '/same-as-old': (_req, res) =>
    html(res, '<main><h1>Acme Chat Privacy Policy</h1><p>We keep your messages for thirty days.</p><p>We may use your posts to improve our services.</p></main>'),
  '/no-main': async (_req, res) => html(res, await page('no-main.html')),
  '/empty-main': async (_req, res) => html(res, await page('empty-main.html')),
};

beforeAll(async () => {
  server = await serveRoutes(routes);
  base = server.origin;
  // A port that was just free: connecting to it is refused.
  const closed = await serveRoutes({});
  closedPortUrl = `${closed.origin}/privacy`;
  await closed.close();
});

afterAll(() => server.close());

// ---------------------------------------------------------------------------
// Fixture atlas copies

let copy: FixtureCopy;
const DOC = 'documents/acme/privacy-policy.yaml';
const SNAPSHOTS = 'snapshots/acme/privacy-policy';

beforeEach(() => {
  copy = copyFixtureAtlas();
  privacyPage = 'privacy-v1.html';
  for (const [file, path] of [
    ['documents/acme/privacy-policy.yaml', '/privacy'],
    ['documents/acme/old-privacy-policy.yaml', '/old-privacy'],
    ['documents/acme/terms-of-service.yaml', '/no-main'],
    ['documents/birdy/privacy-policy.yaml', '/birdy'],
  ] as const) {
    pointAt(file, `${base}${path}`);
  }
});
afterEach(() => copy.dispose());

function pointAt(file: string, url: string): void {
  copy.edit(file, (text) => text.replace(/^source_url: .*$/m, `source_url: ${url}`));
}

const at = (instant: string) => () => new Date(instant);

function capture(documents: CaptureOptions['documents'] = ['acme/privacy-policy'], options: Partial<CaptureOptions> = {}): Promise<CaptureOutcome[]> {
  // The server is on 127.0.0.1, which capture refuses unless allowed (any port here, so a closed one can be tried too).
  return captureDocuments({ contentDir: copy.root, documents, now: at('2026-03-10T09:30:15.250Z'), timeoutMs: 5000, allowHosts: ['127.0.0.1'], ...options });
}

/** Every file under the copy, by relative path, with the SHA-256 of its bytes. */
async function tree(dir = copy.root): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[relative(copy.root, join(entry.parentPath, entry.name))] = sha256(await readFile(join(entry.parentPath, entry.name)));
  }
  return out;
}

async function readSnapshot(stamp: string) {
  const parts = splitSnapshotFile(await readFile(join(copy.root, SNAPSHOTS, `${stamp}.md`)));
  expect(parts).not.toBeNull();
  return { data: snapshotSchema.parse(parseYaml(parts!.frontMatter)), body: parts!.body };
}

const v1Markdown = (origin: string) => `# Acme Social Privacy Policy

**Effective: January 15, 2026**

This policy explains what Acme Social collects and why.

## How we use your data

We may use your posts to train our machine learning models, including generative ones.

-   Posts you make public
-   Messages you send to [our support team](${origin}/support)

## How long we keep it

| Data | Kept for |
| --- | --- |
| Messages | 2 years |
| Posts | Until you delete them |

Contact:
Acme Social Ltd.
1 Example Street
`;

// ---------------------------------------------------------------------------

describe('capture: writing snapshots', () => {
  it('writes a first capture with its front matter, hash, archive URL and effective date', async () => {
    const before = await tree();
    const [outcome] = await capture();
    const source = `${base}/privacy`;
    const file = join(copy.root, SNAPSHOTS, '2026-03-10T09-30-15Z.md');
    expect(outcome).toMatchObject({ document: 'acme/privacy-policy', status: 'written', file });
    expect(describeOutcome(outcome!)).toBe(`acme/privacy-policy: new snapshot ${file}, effective 2026-01-15`);

    const { data, body } = await readSnapshot('2026-03-10T09-30-15Z');
    expect(body.toString('utf8')).toBe(v1Markdown(base));
    expect(data).toEqual({
      captured_at: '2026-03-10T09:30:15Z',
      source_url: source,
      final_url: source,
      sha256: sha256(body),
      archive_url: `https://web.archive.org/web/20260310093015/${source}`,
      obtained: { method: 'capture', tool: `clause-atlas capture ${version}` },
      substantive: true,
      effective_date: '2026-01-15',
    });
    // Front matter keys in the schema's order, then the body straight after.
    const raw = await readFile(file, 'utf8');
    expect(raw.split('---\n')[1]!.split('\n').map((line) => line.split(':')[0])).toEqual([
      'captured_at', 'source_url', 'final_url', 'sha256', 'archive_url', 'obtained', '  method', '  tool', 'substantive', 'effective_date', '',
    ]);

    const after = await tree();
    expect(Object.keys(after).filter((path) => !(path in before))).toEqual([`${SNAPSHOTS}/2026-03-10T09-30-15Z.md`]);
    // The atlas still loads without errors, and the new version is the document's latest. (Its source
    // URLs point at the test server on 127.0.0.1, which validate refuses in a published atlas: those
    // problems, and only those, are expected.)
    const loaded = loadAtlas(copy.root, { now: new Date('2026-03-10T10:00:00Z'), displayBase: join(copy.root, '..') });
    expect(loaded.errors.filter((p) => !(/^(?:source|final)_url$/.test(p.field) && p.found.endsWith(', a loopback address'))).map(formatProblem)).toEqual([]);
    expect(loaded.errors.some((p) => p.file === `content/${SNAPSHOTS}/2026-03-10T09-30-15Z.md` && p.field === 'final_url')).toBe(true);
    expect(loaded.atlas.documentByKey.get('acme/privacy-policy')?.facts.lastChanged?.stamp).toBe('2026-03-10T09-30-15Z');
  });

  it('applies select and then remove, and keeps no script, header or footer text', async () => {
    await capture();
    const text = (await readSnapshot('2026-03-10T09-30-15Z')).body.toString('utf8');
    for (const gone of ['On this page', 'We use cookies', 'Acme home', 'Log in', 'track(', 'analytics', 'max-width', '© 2026']) {
      expect(text).not.toContain(gone);
    }
  });

  it('writes nothing when the same page, or the same text in new markup, is captured again', async () => {
    await capture();
    const afterFirst = await tree();
    const [again] = await capture(['acme/privacy-policy'], { now: at('2026-03-11T00:00:00Z') });
    expect(again).toEqual({ document: 'acme/privacy-policy', status: 'unchanged', latest: '2026-03-10T09-30-15Z' });
    expect(describeOutcome(again!)).toBe('acme/privacy-policy: unchanged');
    privacyPage = 'privacy-v1-restyled.html';
    const [restyled] = await capture(['acme/privacy-policy'], { now: at('2026-03-12T00:00:00Z') });
    expect(restyled?.status).toBe('unchanged');
    expect(await tree()).toEqual(afterFirst);
  });

  it('writes a new substantive snapshot when the text changes', async () => {
    await capture();
    privacyPage = 'privacy-v2.html';
    const [outcome] = await capture(['acme/privacy-policy'], { now: at('2026-04-02T08:00:00Z') });
    expect(outcome?.status).toBe('written');
    const { data, body } = await readSnapshot('2026-04-02T08-00-00Z');
    expect(data).toMatchObject({ captured_at: '2026-04-02T08:00:00Z', substantive: true, effective_date: '2026-03-01', sha256: sha256(body) });
    expect(body.toString('utf8')).toContain('We use your posts and your private messages to train');
    expect(await readdir(join(copy.root, SNAPSHOTS))).toEqual([
      '2023-02-01T00-00-00Z.md', '2023-08-01T00-00-00Z.md', '2024-03-01T00-00-00Z.md', '2026-03-10T09-30-15Z.md', '2026-04-02T08-00-00Z.md',
    ]);
  });

  it('follows a redirect within the site, records the declared source URL and the final one, and resolves links against the final page', async () => {
    pointAt(DOC, `${base}/moved`);
    const [outcome] = await capture();
    expect(outcome?.status).toBe('written');
    const { data, body } = await readSnapshot('2026-03-10T09-30-15Z');
    expect(data.source_url).toBe(`${base}/moved`);
    expect(data.final_url).toBe(`${base}/privacy`);
    expect(data.archive_url).toBe(`https://web.archive.org/web/20260310093015/${base}/moved`);
    expect(body.toString('utf8')).toContain(`(${base}/support)`);
  });

  it('records an effective date stated for after the capture too: that is how a text announces a coming version', async () => {
    const [outcome] = await capture(['acme/privacy-policy'], { now: at('2026-01-02T00:00:00Z') });
    expect(outcome?.status).toBe('written');
    expect((await readSnapshot('2026-01-02T00-00-00Z')).data.effective_date).toBe('2026-01-15');
  });

  it("gives a document without snapshots of its own a first one, not substantive when it repeats the predecessor's text", async () => {
    copy.remove(SNAPSHOTS);
    copy.remove('clauses/acme/privacy-policy');
    pointAt(DOC, `${base}/same-as-old`);
    const [outcome] = await capture();
    expect(outcome?.status).toBe('written');
    expect(describeOutcome(outcome!)).toMatch(/: first own snapshot \(same text as the predecessor\) /);
    expect((await readSnapshot('2026-03-10T09-30-15Z')).data.substantive).toBe(false);
  });
});

describe('capture: failures write nothing and say what happened in one line', () => {
  const cases: Array<{ name: string; path?: string; url?: () => string; options?: Partial<CaptureOptions>; prepare?: () => void; message: () => string | RegExp }> = [
    { name: 'a page that never answers', path: '/hang', options: { timeoutMs: 300 }, message: () => 'timed out after 300 ms' },
    { name: 'a body that stalls halfway', path: '/stall', options: { timeoutMs: 300 }, message: () => 'timed out after 300 ms' },
    { name: 'a redirect loop', path: '/loop', message: () => `too many redirects (more than 5), the last from ${base}/loop to ${base}/loop` },
    { name: 'HTTP 404', path: '/missing', message: () => `HTTP 404 Not Found from ${base}/missing` },
    { name: 'HTTP 500', path: '/broken', message: () => `HTTP 500 Internal Server Error from ${base}/broken` },
    { name: 'a JSON response', path: '/json', message: () => `expected an HTML page, found content type "application/json" from ${base}/json` },
    { name: 'a declared size over the limit', path: '/huge', options: { maxBytes: 4096 }, message: () => /^response over the size limit of 4096 bytes \(\d+ bytes declared\)$/ },
    { name: 'a streamed body over the limit', path: '/huge-stream', options: { maxBytes: 4096 }, message: () => 'response over the size limit of 4096 bytes' },
    { name: 'a selector that matches nothing', path: '/no-main', message: () => 'capture.select "main" matches nothing on the page' },
    { name: 'an empty result', path: '/empty-main', message: () => 'the selected part of the page has no text once converted to Markdown; the page has scripts, which may fill it in (capture runs none)' },
    { name: 'a refused connection', url: () => closedPortUrl, message: () => /^network error: connect ECONNREFUSED 127\.0\.0\.1:\d+$/ },
    {
      name: 'an invalid selector',
      path: '/privacy',
      prepare: () => copy.edit(DOC, (text) => text.replace('select: main', 'select: "main["')),
      message: () => /^capture\.select: expected a valid CSS selector, found "main\[" \(.+\)$/,
    },
    {
      name: 'a capture time not after the latest snapshot',
      path: '/privacy',
      options: { now: at('2024-03-01T00:00:00Z') },
      message: () => 'capture time 2024-03-01T00:00:00Z is not after the latest snapshot 2024-03-01T00-00-00Z; nothing written',
    },
  ];

  for (const { name, path, url, options, prepare, message } of cases) {
    it(name, async () => {
      pointAt(DOC, url ? url() : `${base}${path}`);
      prepare?.();
      const before = await tree();
      const outcomes = await capture(['acme/privacy-policy'], options);
      expect(outcomes).toHaveLength(1);
      const [outcome] = outcomes;
      expect(outcome?.status).toBe('failed');
      const expected = message();
      const text = outcome?.status === 'failed' ? outcome.message : '';
      if (typeof expected === 'string') expect(text).toBe(expected);
      else expect(text).toMatch(expected);
      expect(describeOutcome(outcome!)).toBe(`acme/privacy-policy: failed: ${text}`);
      expect(describeOutcome(outcome!)).not.toContain('\n');
      expect(await tree()).toEqual(before);
    });
  }

  it('names an unknown document and refuses one whose history continues elsewhere', async () => {
    const before = await tree();
    const outcomes = await capture(['acme/nope', 'acme/old-privacy-policy']);
    expect(outcomes.map(describeOutcome)).toEqual([
      `acme/nope: failed: no document entry ${join(copy.root, 'documents/acme/nope.yaml')}`,
      'acme/old-privacy-policy: failed: not captured: its history continues in acme/privacy-policy; capture that document instead',
    ]);
    expect(await tree()).toEqual(before);
  });

  it('refuses to capture over a broken snapshot of the document', async () => {
    copy.edit(`${SNAPSHOTS}/2024-03-01T00-00-00Z.md`, (text) => text.replace('substantive: true', 'substantive: maybe'));
    const before = await tree();
    const [outcome] = await capture();
    expect(outcome?.status).toBe('failed');
    expect(describeOutcome(outcome!)).toMatch(/^acme\/privacy-policy: failed: .*2024-03-01T00-00-00Z\.md:\d+ substantive: expected .* \(fix it first: npm run validate\)$/);
    expect(await tree()).toEqual(before);
  });
});

// Each case starts tsx in a child process, which is slow on a busy machine.
describe('capture CLI', { timeout: 90_000 }, () => {
  const tsx = join(repo, 'node_modules/.bin/tsx');
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(tsx, [join(repo, 'scripts/capture.ts'), ...args, ...(args.length > 0 ? ['--allow-host', '127.0.0.1'] : [])], { cwd: repo }, (error, stdout, stderr) => {
        done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      });
    });

  it('shows progress and a summary for --all, and exits 1 when a document failed', async () => {
    const before = await tree();
    const { code, stdout, stderr } = await cli(['--all', '--content', copy.root, '--timeout', '5000']);
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\[1\/4\] acme\/old-privacy-policy: skipped, its history continues in acme\/privacy-policy$/),
      expect.stringMatching(/^\[2\/4\] acme\/privacy-policy: new snapshot .*\.md, effective 2026-01-15$/),
      expect.stringMatching(/^\[4\/4\] birdy\/privacy-policy: new snapshot .*\.md, effective 2024-05-01$/),
      '4 documents: 2 new snapshots, 0 unchanged, 1 skipped, 1 failed',
    ]);
    expect(stderr).toBe('[3/4] acme/terms-of-service: failed: capture.select "article" matches nothing on the page\n');
    expect(code).toBe(1);
    expect(Object.keys(await tree()).length).toBe(Object.keys(before).length + 2);

    const second = await cli(['acme/privacy-policy', '--content', copy.root]);
    expect(second).toEqual({ code: 0, stdout: 'acme/privacy-policy: unchanged\n', stderr: '' });
  });

  it.each([
    [[], 'missing <platform>/<document> (or --all)'],
    [['--all', 'x/privacy-policy'], 'give either --all or document names, not both'],
    [['x/privacy-policy', '--timeout', 'soon'], '--timeout expects a positive whole number, found "soon"'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(`capture: ${message}`);
  });
});
