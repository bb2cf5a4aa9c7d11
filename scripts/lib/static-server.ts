/**
 * Serves a built site over HTTP on 127.0.0.1 the way a static host does: a
 * folder path answers with its index.html (without the trailing slash it is
 * redirected), a missing file gets status 404 with the site's 404.html, and
 * every file is sent with the content type its extension names. With
 * `compress`, text is sent gzip-compressed to clients that accept it, as a
 * production host would (Pagefind's binary files are compressed already).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

// The extensions an atlas build writes. Pagefind's own files (.pagefind, .pf_index, .pf_fragment…)
// are fetched as bytes, so anything unlisted goes out as application/octet-stream.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const contentTypeOf = (file: string) => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

async function fileAt(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined;
  }
}

export interface ServeOptions {
  /** Send text types gzip-compressed when the request accepts gzip. */
  compress?: boolean;
}

const COMPRESSIBLE = /^(text\/|application\/(json|jsonl|xml|wasm)|image\/svg)/;

function send(request: IncomingMessage, response: ServerResponse, status: number, file: string, options: ServeOptions): void {
  const type = contentTypeOf(file);
  const gzip = options.compress === true && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}) });
  if (request.method === 'HEAD') response.end();
  else if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
  else createReadStream(file).pipe(response);
}

async function answer(root: string, request: IncomingMessage, response: ServerResponse, options: ServeOptions): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const target = resolve(join(root, pathname));
  if (target !== root && !target.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  const kind = await fileAt(target);
  if (kind === 'folder' && !url.pathname.endsWith('/')) {
    response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  const file = kind === 'folder' ? join(target, 'index.html') : target;
  if ((await fileAt(file)) === 'file') {
    send(request, response, 200, file, options);
    return;
  }
  const notFound = join(root, '404.html');
  if ((await fileAt(notFound)) === 'file') send(request, response, 404, notFound, options);
  else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

/** Starts serving `folder` on a free port of 127.0.0.1. */
export async function serveStatic(folder: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    answer(root, request, response, options).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
