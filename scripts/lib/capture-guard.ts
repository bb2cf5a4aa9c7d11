/**
 * Capture connects only to public addresses (issue 10 point 7, case rel-09):
 * a document's source URL, or any redirect it answers with, must not make the
 * capture machine fetch its own loopback, the private network or a cloud
 * metadata service and publish what it found.
 *
 * Two checks, both on addresses rather than on how a URL spells them:
 * - before each request, a URL whose host is an IP address (however written:
 *   `2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]` all parse to 127.0.0.1) is
 *   refused unless that address is public;
 * - at connect time, a host name is resolved through `publicOnlyLookup`, which
 *   refuses the connection when any address it resolves to is not public
 *   (`localhost`, `localhost.`, a name pointing at 10.0.0.1), so a name cannot
 *   be switched to an internal address between a check and the connection.
 * Public means what ipaddr.js classifies as global unicast (the rule is
 * src/atlas/checks/public-address.ts, shared with validate): loopback, private
 * (RFC 1918), link-local (169.254.0.0/16, fe80::/10, cloud metadata), unique
 * local (fc00::/7), carrier-grade NAT, multicast, reserved and documentation
 * ranges, and IPv6 forms that embed an IPv4 address (6to4, NAT64) are not.
 *
 * The one exception is `--allow-host HOST[:PORT]` (a local mirror, the tests'
 * 127.0.0.1 server). It matches the host exactly as the URL or the redirect's
 * Location header writes it, so a redirect to another spelling of an allowed
 * host (`2130706433` for `127.0.0.1`, `localhost`) is still refused.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { nonPublicRange } from '../../src/atlas/checks/public-address.ts';
import { CaptureError } from './capture-error.ts';

/** A connection capture refused because the address is not public; the message names host, address and range. */
export class NonPublicAddressError extends Error {
  override name = 'NonPublicAddressError';
}


const defaultPort = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));
const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/** One `--allow-host` entry: a host as written, as the URL parser reads it, and a port when one was given. */
export interface AllowedHost {
  /** As written (lowercase), e.g. `127.0.0.1`, `[::1]`, `mirror.internal`. */
  host: string;
  /** As the URL parser reads it, without brackets: what a connection is opened to. */
  address: string;
  port?: number;
}

/** Parses `HOST[:PORT]` (IPv6 in brackets); throws CaptureError naming what was expected. */
export function parseAllowedHost(value: string): AllowedHost {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  let address: string | undefined;
  try {
    address = match?.[1] === undefined ? undefined : unbracket(new URL(`http://${match[1]}/`).hostname);
  } catch {
    address = undefined;
  }
  if (!match?.[1] || address === undefined || (port !== undefined && (port < 1 || port > 65535))) {
    throw new CaptureError(`--allow-host: expected HOST or HOST:PORT (e.g. 127.0.0.1:8080, mirror.internal, [::1]:8080), found ${JSON.stringify(value)}`);
  }
  const host = match[1].toLowerCase();
  return port === undefined ? { host, address } : { host, address, port };
}


/**
 * The host of `reference` exactly as written (lowercased, userinfo and port
 * dropped), resolved against the page it came from: a reference without an
 * authority (`/path`, `?q`) keeps `fromHost`. Undefined when the reference
 * reaches another host without writing `//host` (e.g. `http:evil.example` from
 * an https page), which no allowed host can match.
 */
export function writtenHost(reference: string, target: URL, from?: { url: URL; host: string }): string | undefined {
  // The URL parser skips leading C0 controls and spaces, and reads `\` as `/` in web URLs.
  const authority = /^[\u0000-\u0020]*(?:[a-z][a-z0-9+.-]*:)?[\\/]{2}([^\\/?#]*)/i.exec(reference.replace(/[\t\n\r]/g, ''))?.[1];
  if (authority !== undefined) {
    const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
    return /^(\[[^\]]*\]|[^:]*)/.exec(hostAndPort)?.[1] ?? hostAndPort;
  }
  return from && target.host === from.url.host ? from.host : undefined;
}

/** The capture's rule for where it may connect: public addresses, plus the hosts allowed by name. */
export class AddressPolicy {
  constructor(readonly allowed: readonly AllowedHost[] = []) {}

  /** Whether `host` as written, on `url`'s port, is an allowed exception. */
  allows(host: string | undefined, url: URL): boolean {
    return host !== undefined && this.allowed.some((entry) => entry.host === host && (entry.port === undefined || entry.port === defaultPort(url)));
  }

  /** Whether a connection to `address` (as the URL parser read the host) on `port` is to an allowed host; only URLs that passed `check` get this far. */
  private allowsConnection(address: string, port: number): boolean {
    return this.allowed.some((entry) => entry.address === address && (entry.port === undefined || entry.port === port));
  }

  /**
   * Checks a URL about to be requested (the source or a redirect target);
   * `host` is its host as written. Throws NonPublicAddressError when it is an
   * IP address that is not public and not allowed. Names are checked when they
   * are resolved (see `agent`).
   */
  check(url: URL, host: string | undefined): void {
    if (this.allows(host, url)) return;
    const address = unbracket(url.hostname);
    if (isIP(address) === 0) return;
    const range = nonPublicRange(address);
    if (range !== undefined) throw new NonPublicAddressError(refusal(host ?? url.hostname, address, range));
  }

  /**
   * An undici dispatcher that applies the policy at connect time: allowed
   * hosts connect as usual; IP addresses must be public; names are resolved
   * with `publicOnlyLookup`.
   */
  agent(): Agent {
    const guarded = buildConnector({ lookup: publicOnlyLookup });
    const plain = buildConnector({});
    return new Agent({
      connect: (options, callback) => {
        const address = unbracket(options.hostname);
        const port = Number(options.port || (options.protocol === 'https:' ? 443 : 80));
        if (this.allowsConnection(address, port)) return plain(options, callback);
        const range = isIP(address) === 0 ? undefined : nonPublicRange(address);
        if (range !== undefined) return callback(new NonPublicAddressError(refusal(options.hostname, address, range)), null);
        return guarded(options, callback);
      },
    });
  }
}

function refusal(host: string, address: string, range: string): string {
  const where = unbracket(host) === address ? host : `${host} (${address})`;
  return `refused to connect to ${where}: expected a public address, found a ${range} one (capture never fetches internal addresses; --allow-host HOST[:PORT] makes an exception)`;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails when any address the name resolves to is not public; used by the connection itself, so what is checked is what is connected to. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range !== undefined) return callback(new NonPublicAddressError(refusal(hostname, address, range)), []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} resolves to no address`), { code: 'ENOTFOUND' }), []);
    return callback(null, first.address, first.family);
  });
}
