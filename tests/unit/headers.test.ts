/**
 * public/_headers: the Content-Security-Policy directive by directive, the
 * other security headers, and the raw snapshot type; the meta policy pages
 * carry for hosts that ignore `_headers` is that policy less what a meta
 * element cannot express (a build test checks it is on every page). Then the templates are
 * scanned for anything that policy would block, so the site and its policy
 * cannot drift apart: inline event handlers, inline scripts that are code,
 * and scripts, styles, images or frames from another origin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_ONLY_DIRECTIVES, metaPolicy, pagePolicy, parseHeaders } from '../../src/atlas/outputs/security-headers.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

const rules = parseHeaders(readFileSync(join(PROJECT, 'public', '_headers'), 'utf8'));
const all = rules.get('/*');

describe('public/_headers', () => {
  it('sets exactly the Content-Security-Policy the site needs', () => {
    const directives = Object.fromEntries((all?.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
    expect(directives).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': [],
    });
  });

  it('sets the other security headers on every path', () => {
    expect(all?.get('x-content-type-options')).toBe('nosniff');
    expect(all?.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(all?.get('x-frame-options')).toBe('DENY');
    expect(all?.get('cross-origin-opener-policy')).toBe('same-origin');
    const permissions = (all?.get('permissions-policy') ?? '').split(/,\s*/);
    for (const feature of ['camera', 'microphone', 'geolocation', 'interest-cohort', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
  });

  it('gives pages the same policy as a meta element, less only what a meta policy cannot carry', () => {
    const header = all?.get('content-security-policy') ?? '';
    const meta = pagePolicy(readFileSync(join(PROJECT, 'public', '_headers'), 'utf8'));
    expect(meta).toBe(header.split(/;\s*/).filter((d) => !d.startsWith('frame-ancestors')).join('; '));
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(metaPolicy("default-src 'self'; sandbox; report-uri /r; report-to x; frame-ancestors 'none'; img-src 'self'")).toBe("default-src 'self'; img-src 'self'");
    expect(HEADER_ONLY_DIRECTIVES).toEqual(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);
    expect(() => pagePolicy('/*\n  X-Frame-Options: DENY\n')).toThrow(/Content-Security-Policy/);
    expect(() => parseHeaders('  X-Frame-Options: DENY\n')).toThrow(/under a path/);
  });

  it('serves raw snapshots as Markdown text, shown inline', () => {
    expect(rules.get('/snapshots/*')).toEqual(
      new Map([
        ['content-type', 'text/markdown; charset=utf-8'],
        ['content-disposition', 'inline'],
      ]),
    );
  });
});

/** Every template under src/ (pages, components, layouts). */
function templates(): Array<{ file: string; text: string }> {
  const src = join(PROJECT, 'src');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro'))
    .sort()
    .map((file) => ({ file: `src/${file.split('\\').join('/')}`, text: readFileSync(join(src, file), 'utf8') }));
}

/** The markup part of a template: the front-matter code fence removed. */
const markupOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('templates stay inside the policy', () => {
  const files = templates();

  it('found the templates', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('use no inline event handlers or javascript: URLs', () => {
    const offending = files.filter(({ text }) => /<[a-z][^>]*\son[a-z]+\s*=/i.test(markupOf(text)) || /javascript:/i.test(markupOf(text))).map((f) => f.file);
    expect(offending).toEqual([]);
  });

  it('load scripts, styles, images and frames only from this origin', () => {
    const externalSrc = /<(?:script|img|iframe|source|embed)\b[^>]*\ssrc=["']?(?:https?:)?\/\//i;
    const externalLink = /<link\b(?=[^>]*\srel=["']?(?:stylesheet|preload|modulepreload|icon))[^>]*\shref=["']?(?:https?:)?\/\//i;
    const offending = files.filter(({ text }) => externalSrc.test(markupOf(text)) || externalLink.test(markupOf(text)));
    expect(offending.map((f) => f.file)).toEqual([]);
  });

  it('inline only scripts that are data: JSON-LD and Pagefind templates (code is bundled to a file or loaded by src)', () => {
    const inlineCode = files.flatMap(({ file, text }) =>
      [...markupOf(text).matchAll(/<script\b([^>]*)>/gi)]
        .map(([tag, attributes = '']) => ({ file, tag, attributes }))
        .filter(({ attributes }) => /\bis:inline\b/.test(attributes) && !/\bsrc=/.test(attributes) && !/type=["'](?:application\/ld\+json|text\/pagefind-template)["']/.test(attributes)),
    );
    expect(inlineCode).toEqual([]);
  });
});
