/**
 * `/_redirects`: the same permanent redirects as the redirect pages, in the
 * Netlify / Cloudflare Pages format, so hosts that read it answer with a real
 * 301; the former pages of captures that are not versions lead to their
 * version's page. (A file named `_redirects.ts` would be skipped by Astro's router, hence the parameter.)
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { hostRedirects, permanentUrls } from '../atlas/checks/permanent-urls.ts';
import { atlas } from '../lib/atlas.ts';
import { captureRedirects } from '../atlas/outputs/version-pages.ts';

export const getStaticPaths = (() => [{ params: { redirects: '_redirects' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(hostRedirects(permanentUrls(atlas), captureRedirects(atlas)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
