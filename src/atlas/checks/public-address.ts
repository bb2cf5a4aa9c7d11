/**
 * Which addresses are public. A document's source URL is published as its
 * source link and fetched by capture, so it must be an address anyone on the
 * web reaches: never loopback, the private network, link-local (including the
 * cloud metadata address 169.254.169.254) or another range that is not global
 * unicast. ipaddr.js holds the table of ranges (IANA special-purpose
 * registries); IPv4-mapped IPv6 addresses are judged as the IPv4 address they
 * carry. Used by validate (source URLs written in content) and by capture
 * (every address it connects to, scripts/lib/capture-guard.ts).
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** The ipaddr.js range of a non-public IP address (`loopback`, `private`, `linkLocal`, `uniqueLocal`, …), or undefined for a public one. */
export function nonPublicRange(address: string): string | undefined {
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? undefined : range;
}

/**
 * Why a URL's host is never a public address: the range of an IP address
 * written as the host (in any form the URL parser accepts), or `loopback` for
 * `localhost` names (RFC 6761). Undefined for other names, which only
 * resolving can judge, and for text that is not a URL.
 */
export function nonPublicHost(url: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return undefined;
  }
  const address = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(address) !== 0) return nonPublicRange(address);
  return /(?:^|\.)localhost\.?$/i.test(hostname) ? 'loopback' : undefined;
}
