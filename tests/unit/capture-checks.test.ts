/**
 * The rules capture applies before it writes, one function at a time:
 * address ranges and how hosts are written (capture-guard.ts), decoding
 * (capture-decode.ts) and whether a page looks like the document
 * (capture-plausibility.ts). End-to-end cases are in capture-real-web.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../scripts/lib/capture-decode.ts';
import { AddressPolicy, parseAllowedHost, writtenHost } from '../../scripts/lib/capture-guard.ts';
import { nonPublicHost, nonPublicRange } from '../../src/atlas/checks/public-address.ts';
import { checkFinalUrl, checkPlausibleText, MIN_WORDS } from '../../scripts/lib/capture-plausibility.ts';

describe('address ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], ['100.64.0.1', 'carrierGradeNat'], ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'], ['::', 'unspecified'], ['fc00::1', 'uniqueLocal'], ['fe80::1', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:10.0.0.1', 'private'], ['2002:7f00:1::', '6to4'], ['64:ff9b::7f00:1', 'rfc6052'],
  ])('%s is not public (%s)', (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(nonPublicRange(address)).toBeUndefined();
  });
});

describe('source URLs that are never public', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://localhost:8080/', 'loopback'],
    ['http://api.localhost./', 'loopback'],
    ['https://10.0.0.1/terms', 'private'],
    ['https://example.com/terms', undefined],
    ['https://8.8.8.8/terms', undefined],
  ])('%s: %s', (url, range) => {
    expect(nonPublicHost(url)).toBe(range);
  });
});

describe('allowed hosts match the host as written', () => {
  const policy = new AddressPolicy([parseAllowedHost('127.0.0.1:8134'), parseAllowedHost('Mirror.Internal')]);
  const check = (reference: string, from?: string) => {
    const url = new URL(reference, from);
    const host = writtenHost(reference, url, from ? { url: new URL(from), host: writtenHost(from, new URL(from)) ?? '' } : undefined);
    return () => policy.check(url, host);
  };

  it('lets the allowed spelling through, on its port, and any port when none is given', () => {
    expect(check('http://127.0.0.1:8134/x')).not.toThrow();
    expect(check('/internal', 'http://127.0.0.1:8134/x')).not.toThrow();
    expect(check('http://mirror.internal:9999/')).not.toThrow();
    expect(check('http://127.0.0.1:8135/x')).toThrow(/refused to connect to 127\.0\.0\.1: expected a public address, found a loopback one/);
  });

  it.each(['http://2130706433:8134/', 'http://0x7f.1:8134/', 'http://0177.0.0.1:8134/', 'http://[::ffff:127.0.0.1]:8134/', 'http://127.0.0.1.:8134/', 'http://user@0x7f000001:8134/', '\\\\0x7f.1:8134/'])(
    'refuses %s, another spelling of an allowed host',
    (reference) => {
      expect(check(reference, 'http://127.0.0.1:8134/start')).toThrow(/expected a public address, found a loopback one/);
    },
  );

  it('names no written host when a reference reaches another host without //', () => {
    expect(writtenHost('http:0x7f.1/x', new URL('http:0x7f.1/x', 'https://example.com/'), { url: new URL('https://example.com/'), host: 'example.com' })).toBeUndefined();
  });

  it.each(['http://127.0.0.1/', '127.0.0.1:99999', '', 'a b'])('rejects the --allow-host value %j', (value) => {
    expect(() => parseAllowedHost(value)).toThrow(/^--allow-host: expected HOST or HOST:PORT/);
  });
});

describe('decoding by the WHATWG Encoding Standard', () => {
  const cp1252 = Buffer.from([0x93, 0x57, 0x65, 0x94, 0x20, 0x97, 0x20, 0x96, 0x20, 0x80, 0x20, 0xe9]);
  const expected = '“We” — – € é';

  it.each(['windows-1252', 'ISO-8859-1', 'latin1', 'us-ascii', '"cp1252"'])('reads charset=%s as windows-1252', (label) => {
    expect(decodePage(cp1252, `text/html; charset=${label}`)).toEqual({ text: expected, encoding: 'windows-1252' });
  });

  it('takes a byte order mark over the header, and the header over <meta>', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252">“ok”')]);
    expect(decodePage(utf8, 'text/html; charset=windows-1252')).toEqual({ text: '<meta charset="windows-1252">“ok”', encoding: 'utf-8' });
    expect(decodePage(Buffer.concat([Buffer.from('<meta charset="utf-8">'), cp1252]), 'text/html; charset=windows-1252').text).toContain(expected);
  });

  it('reads <meta charset> and <meta http-equiv=Content-Type> when the header says nothing', () => {
    expect(decodePage(Buffer.concat([Buffer.from('<meta charset=iso-8859-1>'), cp1252]), 'text/html').text).toContain(expected);
    expect(decodePage(Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), cp1252]), 'text/html').text).toContain(expected);
  });

  it('falls back to UTF-8 for valid UTF-8 and windows-1252 otherwise', () => {
    expect(decodePage(Buffer.from('“é”'), 'text/html')).toEqual({ text: '“é”', encoding: 'utf-8' });
    expect(decodePage(cp1252, 'text/html')).toEqual({ text: expected, encoding: 'windows-1252' });
  });

  it('refuses an encoding that browsers refuse to decode', () => {
    expect(() => decodePage(Buffer.from('x'), 'text/html; charset=iso-2022-kr')).toThrow('expected a character encoding a browser decodes, found one it refuses (Content-Type header: "iso-2022-kr")');
  });
});

describe('does the page look like the document?', () => {
  const previous = [
    '# Privacy Policy',
    'We collect the posts you publish and the messages you send to our support team.',
    'We may use your posts to train our machine learning models, including generative ones.',
    'We keep messages for two years and posts until you delete them.',
    'You can ask for a copy of your data at any time by writing to privacy@example.com.',
  ].join('\n\n');

  it('passes a short text that keeps a sentence of a much longer previous version', () => {
    expect(() => checkPlausibleText('We may use your posts to train our machine learning models, including generative ones.', { noscript: '' }, previous)).not.toThrow();
  });

  it('refuses a short text that shares nothing with it', () => {
    expect(() => checkPlausibleText('Our terms moved to the new help centre today.', { noscript: '' }, previous)).toThrow(/^expected text that keeps some of the previous version, found \d+ characters \(\d+ % shorter than its \d+\) sharing no sentence with it/);
  });

  it(`refuses fewer than ${MIN_WORDS} words, and a placeholder however short`, () => {
    expect(() => checkPlausibleText('Privacy Policy', { noscript: '' })).toThrow('expected the document\'s text (at least 5 words), found 2 words: "Privacy Policy"');
    expect(() => checkPlausibleText('Please wait…', { noscript: '' })).toThrow(/found only "Please wait\.\.\.": the page fills in its text with scripts/);
  });

  it('takes a long policy that talks about cookies and partners for a policy, not a wall', () => {
    const policy = `We value your privacy. We and our partners use cookies; you can accept all or reject all in the cookie settings. ${'We explain each purpose below in plain words. '.repeat(40)}`;
    expect(() => checkPlausibleText(policy, { noscript: '' })).not.toThrow();
  });

  it('takes a short cookie policy for a policy: it describes cookies, it has no banner buttons', () => {
    const cookiePolicy = 'Cookie Policy. We use cookies to keep you signed in and to measure visits. Our partners set cookies for advertising. You can change your cookie settings in your browser.';
    expect(() => checkPlausibleText(cookiePolicy, { noscript: '' })).not.toThrow();
  });

  it('follows moves within the site and refuses other sites and interstitials', () => {
    const source = new URL('http://example.com/privacy');
    expect(() => checkFinalUrl(source, new URL('https://www.example.com/legal/privacy/'))).not.toThrow();
    expect(() => checkFinalUrl(new URL('https://example.com/cookie-policy'), new URL('https://example.com/legal/cookies'))).not.toThrow();
    expect(() => checkFinalUrl(source, new URL('https://other.example/privacy'))).toThrow(/found a redirect to another site, https:\/\/other\.example\/privacy/);
    expect(() => checkFinalUrl(source, new URL('https://example.com/login'))).toThrow(/interstitial .* its path has \/login$/);
    expect(() => checkFinalUrl(source, new URL('https://example.com/gate?next=%2Fprivacy'))).toThrow(/it sends the reader back with next=\/privacy$/);
  });
});
