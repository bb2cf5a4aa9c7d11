/**
 * Capture against what the real web answers (cases rel-09, rel-10, rel-11,
 * field-13, field-14): redirects to internal addresses however written,
 * windows-1252 pages, refresh stubs, cookie walls, script-built pages, and a
 * redirect to a consent page. A node:http server on 127.0.0.1 serves each
 * page; capture is allowed that one host and port, exactly as written. Every
 * refusal must be one line, and leave the content folder unchanged.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { captureDocuments, describeOutcome, type CaptureOptions } from '../../scripts/lib/capture.ts';
import { sha256, splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { snapshotSchema } from '../../src/schema/snapshot.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';
import { serveRoutes, type RouteServer } from '../support/route-server.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const casePage = (name: string) => readFile(join(repo, 'tests/fixtures/capture/cases', name));

const page = (body: string, head = '') => `<!doctype html><html><head><meta charset="utf-8">${head}<title>t</title></head><body><nav>menu</nav>${body}</body></html>`;
const POLICY =
  '<main><h1>Acme Social Privacy Policy</h1><p>Last updated: March 1, 2024</p><p>We may use your posts to train our machine learning models, including generative ones.</p><p>We keep your messages for two years.</p></main>';

let server: RouteServer;
let port: number;
let origin: string;
/** Requests the server received, by path: a refused connection never arrives. */
let hits: Map<string, number>;

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(body);
}
const redirect = (res: ServerResponse, location: string) => send(res, 302, '', 'text/plain', { Location: location });

const routes: Record<string, (res: ServerResponse) => void | Promise<void>> = {
  '/ok': (res) => send(res, 200, page(POLICY)),
  '/internal': (res) => send(res, 200, page('<main><h1>INTERNAL ADMIN</h1><p>secret token: hunter2, only reachable from inside the network.</p></main>')),
  // rel-09: the same loopback address, written every way a URL can write it.
  '/to-decimal-loopback': (res) => redirect(res, `http://2130706433:${port}/internal`),
  '/to-hex-loopback': (res) => redirect(res, `http://0x7f.1:${port}/internal`),
  '/to-octal-loopback': (res) => redirect(res, `http://0177.0.0.1:${port}/internal`),
  '/to-v6mapped-loopback': (res) => redirect(res, `http://[::ffff:127.0.0.1]:${port}/internal`),
  '/to-v6-loopback': (res) => redirect(res, `http://[::1]:${port}/internal`),
  '/to-localhost': (res) => redirect(res, `http://localhost:${port}/internal`),
  '/to-localhost-dot': (res) => redirect(res, `http://localhost.:${port}/internal`),
  '/to-trailing-dot': (res) => redirect(res, `http://127.0.0.1.:${port}/internal`),
  '/to-metadata': (res) => redirect(res, 'http://169.254.169.254/latest/meta-data/'),
  '/to-private': (res) => redirect(res, 'http://10.0.0.1/'),
  '/to-unique-local': (res) => redirect(res, 'http://[fd00::1]/'),
  '/to-same-host': (res) => redirect(res, `http://127.0.0.1:${port}/ok`),
  // rel-10
  '/cp1252': async (res) => send(res, 200, await casePage('rel-10-cp1252.html'), 'text/html; charset=windows-1252'),
  '/latin1-header': async (res) => send(res, 200, await casePage('rel-10-cp1252.html'), 'text/html; charset=ISO-8859-1'),
  '/cp1252-meta': async (res) =>
    send(res, 200, Buffer.concat([Buffer.from('<meta charset="latin1">'), await casePage('rel-10-cp1252.html')]), 'text/html'),
  // rel-11
  '/refresh': (res) => send(res, 200, page('<main><p>Redirecting to the new privacy centre…</p></main>', '<meta http-equiv="refresh" content="0; url=/ok">')),
  '/cookiewall': (res) =>
    send(res, 200, page('<main><h2>We value your privacy</h2><p>We and our 842 partners use cookies. Click Accept all to continue to the site, or Manage options.</p><button>Accept all</button><button>Reject all</button></main>')),
  '/jsbuilt': (res) => send(res, 200, page('<main id="app"></main><script>document.getElementById("app").textContent = "We may use your posts to train our machine learning models";</script>')),
  '/jsbuilt-noscript': (res) => send(res, 200, page('<main id="app"><noscript>You need to enable JavaScript to run this app.</noscript><div class="spinner">Loading…</div></main>')),
  '/gutted': (res) => send(res, 200, page('<main><p>See the app for our terms.</p></main>')),
  // field-13
  '/spa': async (res) => send(res, 200, await casePage('field-13-spa.html')),
  // field-14
  '/terms': (res) => redirect(res, '/consent?continue=%2Fterms'),
  '/consent': async (res) => send(res, 200, await casePage('field-14-consent.html')),
  '/to-other-site': (res) => redirect(res, `http://localhost:${port}/ok`),
  // Rate limits and overloads (issue 13): busy twice, then the page.
  '/busy-twice': (res) => ((hits.get('/busy-twice') ?? 0) <= 2 ? send(res, 503, 'busy') : send(res, 200, page(POLICY))),
  '/rate-limited-briefly': (res) => ((hits.get('/rate-limited-briefly') ?? 0) <= 1 ? send(res, 429, 'slow down', 'text/html', { 'Retry-After': '2' }) : send(res, 200, page(POLICY))),
  '/rate-limited-for-an-hour': (res) => send(res, 429, 'slow down', 'text/html', { 'Retry-After': '3600' }),
  '/always-busy': (res) => send(res, 503, 'busy'),
};

beforeAll(async () => {
  server = await serveRoutes(Object.fromEntries(Object.entries(routes).map(([path, route]) => [path, (_req, res) => route(res)])));
  ({ port, origin, hits } = server);
});
afterAll(() => server.close());

let copy: FixtureCopy;
const DOC = 'documents/acme/privacy-policy.yaml';
const SNAPSHOTS = 'snapshots/acme/privacy-policy';
beforeEach(() => {
  copy = copyFixtureAtlas();
  hits.clear();
});
afterEach(() => copy.dispose());

const pointAt = (url: string) => copy.edit(DOC, (text) => text.replace(/^source_url: .*$/m, `source_url: ${url}`));

async function tree(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(copy.root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[relative(copy.root, join(entry.parentPath, entry.name))] = sha256(await readFile(join(entry.parentPath, entry.name)));
  }
  return out;
}

function capture(options: Partial<CaptureOptions> = {}) {
  return captureDocuments({ contentDir: copy.root, documents: ['acme/privacy-policy'], now: () => new Date('2026-03-10T09:30:15Z'), timeoutMs: 5000, allowHosts: [`127.0.0.1:${port}`], ...options });
}

/** Captures `path` and expects a one-line refusal matching `message`, with nothing written. */
async function expectRefused(path: string, message: RegExp, options: Partial<CaptureOptions> = {}): Promise<string> {
  pointAt(`${origin}${path}`);
  const before = await tree();
  const [outcome] = await capture(options);
  expect(outcome?.status).toBe('failed');
  const line = describeOutcome(outcome!);
  expect(line).toMatch(/^acme\/privacy-policy: failed: /);
  expect(line).toMatch(message);
  expect(line).not.toContain('\n');
  expect(await tree()).toEqual(before);
  return line;
}

async function writtenSnapshot() {
  const parts = splitSnapshotFile(await readFile(join(copy.root, SNAPSHOTS, '2026-03-10T09-30-15Z.md')));
  return { data: snapshotSchema.parse(parseYaml(parts!.frontMatter)), body: parts!.body.toString('utf8') };
}

describe('rel-09: capture never fetches a non-public address, however it is written', () => {
  it.each([
    ['/to-decimal-loopback', /refused to connect to 2130706433 \(127\.0\.0\.1\): expected a public address, found a loopback one/],
    ['/to-hex-loopback', /refused to connect to 0x7f\.1 \(127\.0\.0\.1\): .*loopback/],
    ['/to-octal-loopback', /refused to connect to 0177\.0\.0\.1 \(127\.0\.0\.1\): .*loopback/],
    ['/to-v6mapped-loopback', /refused to connect to \[::ffff:127\.0\.0\.1\] \(::ffff:7f00:1\): .*loopback/],
    ['/to-v6-loopback', /refused to connect to \[::1\]: .*loopback/],
    ['/to-localhost', /refused to connect to localhost \((?:127\.0\.0\.1|::1)\): .*loopback/],
    // Some resolvers know `localhost.`, some do not; either way nothing is fetched.
    ['/to-localhost-dot', /refused to connect to localhost\. \((?:127\.0\.0\.1|::1)\): .*loopback|network error: getaddrinfo ENOTFOUND localhost\./],
    ['/to-trailing-dot', /refused to connect to 127\.0\.0\.1\. \(127\.0\.0\.1\): .*loopback/],
    ['/to-metadata', /refused to connect to 169\.254\.169\.254: expected a public address, found a linkLocal one/],
    ['/to-private', /refused to connect to 10\.0\.0\.1: .*private/],
    ['/to-unique-local', /refused to connect to \[fd00::1\]: .*uniqueLocal/],
  ])('refuses the redirect %s and never connects to it', async (path, message) => {
    const line = await expectRefused(path, message);
    if (line.includes('refused to connect')) {
      expect(line).toContain(`(redirected from ${origin}${path} to `);
      expect(line).toContain('--allow-host HOST[:PORT] makes an exception');
    }
    expect(hits.get('/internal')).toBeUndefined();
  });

  it('refuses a loopback source URL unless its host is allowed', async () => {
    await expectRefused('/ok', new RegExp(`refused to connect to 127\\.0\\.0\\.1: expected a public address, found a loopback one`), { allowHosts: [] });
    await expectRefused('/ok', /refused to connect to 127\.0\.0\.1: /, { allowHosts: [`127.0.0.1:${port + 1 > 65535 ? 1 : port + 1}`] });
    expect(hits.size).toBe(0);
  });

  it('follows a redirect to the allowed host written the same way, and records the final URL', async () => {
    pointAt(`${origin}/to-same-host`);
    const [outcome] = await capture();
    expect(outcome?.status).toBe('written');
    const { data, body } = await writtenSnapshot();
    expect(data.source_url).toBe(`${origin}/to-same-host`);
    expect(data.final_url).toBe(`${origin}/ok`);
    expect(body).toContain('We may use your posts to train');
  });

  it('refuses a redirect to another site even when both hosts are allowed (field-14 kind)', async () => {
    await expectRefused('/to-other-site', new RegExp(`expected the page at ${origin}/to-other-site, found a redirect to another site, http://localhost:${port}/ok; if the document moved, set source_url to its new address`), {
      allowHosts: [`127.0.0.1:${port}`, `localhost:${port}`],
    });
  });
});

describe('rel-10: windows-1252 pages keep their punctuation', () => {
  it.each(['/cp1252', '/latin1-header', '/cp1252-meta'])('%s decodes “ ” — – € and leaves no C1 control character', async (path) => {
    pointAt(`${origin}${path}`);
    const [outcome] = await capture();
    expect(outcome?.status).toBe('written');
    const { body } = await writtenSnapshot();
    expect(body).toContain('“We” may use your café posts — and résumés – to train our machine learning models, including generative ones €.');
    expect([...body].filter((c) => c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f)).toEqual([]);
  });
});

describe('rel-11, field-13, field-14: a page that is not the document is refused', () => {
  it('rel-11: a <meta http-equiv="refresh"> stub', async () => {
    await expectRefused('/refresh', new RegExp(`expected the document's page, found a redirect stub \\(<meta http-equiv="refresh"> to ${origin}/ok\\); set source_url to the page it leads to$`));
  });

  it('rel-11: a cookie wall', async () => {
    await expectRefused('/cookiewall', /expected the document's text, found what looks like a consent or login wall \(\d+ words with "we value your privacy", "accept all", "reject all", "manage options", "continue to the site"\)$/);
  });

  it('rel-11: an empty container that a script fills in', async () => {
    await expectRefused('/jsbuilt', /the selected part of the page has no text once converted to Markdown; the page has scripts, which may fill it in \(capture runs none\)$/);
  });

  it('rel-11: a spinner with a <noscript> notice', async () => {
    await expectRefused('/jsbuilt-noscript', /expected the document's text, found only "Loading\.\.\." and a <noscript> notice asking for JavaScript: the page fills in its text with scripts, which capture does not run$/);
  });

  it('rel-11: a text that kept almost nothing of the previous version', async () => {
    await expectRefused('/gutted', /expected text that keeps some of the previous version, found 26 characters \(\d+ % shorter than its \d+\) sharing no sentence with it: "See the app for our terms\."$/);
  });

  it('field-13: a script-built page, for a document with no snapshot yet', async () => {
    copy.remove(SNAPSHOTS);
    copy.remove('clauses/acme/privacy-policy');
    copy.remove('snapshots/acme/old-privacy-policy');
    copy.remove('documents/acme/old-privacy-policy.yaml');
    copy.edit(DOC, (text) => text.replace(/^predecessor: .*\n/m, ''));
    await expectRefused('/spa', /found only "Loading\.\.\." and a <noscript> notice asking for JavaScript: the page fills in its text with scripts/);
  });

  it('field-14: a redirect to a consent page that would send the reader back', async () => {
    await expectRefused('/terms', new RegExp(`expected the page at ${origin}/terms, found a redirect to an interstitial \\(consent, login or check\\) page ${origin}/consent\\?continue=%2Fterms: it sends the reader back with continue=/terms$`));
  });

  it('still captures the real policy', async () => {
    pointAt(`${origin}/ok`);
    const [outcome] = await capture();
    expect(outcome?.status).toBe('written');
  });
});

describe('429 and 503 are tried again, boundedly, honouring Retry-After', () => {
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);
  beforeEach(() => void waits.splice(0));

  it('waits 1 s, then 2 s, then captures', async () => {
    pointAt(`${origin}/busy-twice`);
    const [outcome] = await capture({ wait });
    expect(outcome?.status).toBe('written');
    expect(waits).toEqual([1000, 2000]);
    expect(hits.get('/busy-twice')).toBe(3);
  });

  it('waits what Retry-After asks', async () => {
    pointAt(`${origin}/rate-limited-briefly`);
    const [outcome] = await capture({ wait });
    expect(outcome?.status).toBe('written');
    expect(waits).toEqual([2000]);
  });

  it('gives up after three tries, and at once when Retry-After is over a minute', async () => {
    await expectRefused('/always-busy', new RegExp(`HTTP 503 Service Unavailable from ${origin}/always-busy \\(tried 3 times\\)$`), { wait });
    expect(waits).toEqual([1000, 2000]);
    waits.splice(0);
    await expectRefused('/rate-limited-for-an-hour', /HTTP 429 Too Many Requests from .*, which asks to retry after 3600 s: expected at most 60 s, so try again later$/, { wait });
    expect(waits).toEqual([]);
  });
});

describe('capture CLI and --allow-host', { timeout: 60_000 }, () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/capture.ts'), 'acme/privacy-policy', '--content', copy.root, ...args], { cwd: repo }, (error, stdout, stderr) => {
        done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      });
    });

  it('refuses the 127.0.0.1 server without --allow-host, captures with it, and rejects a malformed one', async () => {
    pointAt(`${origin}/ok`);
    const refused = await cli([]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^acme\/privacy-policy: failed: refused to connect to 127\.0\.0\.1: expected a public address, found a loopback one/);
    const bad = await cli(['--allow-host', 'http://127.0.0.1/']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('capture: --allow-host: expected HOST or HOST:PORT (e.g. 127.0.0.1:8080, mirror.internal, [::1]:8080), found "http://127.0.0.1/"');
    const allowed = await cli(['--allow-host', `127.0.0.1:${port}`]);
    expect(allowed).toMatchObject({ code: 0, stderr: '' });
    expect(allowed.stdout).toMatch(/^acme\/privacy-policy: new snapshot .*2026|^acme\/privacy-policy: new snapshot /);
  });
});
