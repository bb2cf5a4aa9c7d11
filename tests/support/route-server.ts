/**
 * A node:http server on 127.0.0.1 that answers each path from a table of
 * routes (404 otherwise) and counts the requests each path received, for
 * tests of capture against pages they write themselves. Never reaches beyond
 * the loopback address.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RouteServer {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Requests received, by path: a refused connection never arrives. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** Starts the server on a free port; `close()` ends open connections too. */
export async function serveRoutes(routes: Record<string, Route>): Promise<RouteServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) return void route(req, res);
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('nope');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
