/** The contribute page of the fixture build links the "request a platform or document" issue form on the repository site.yaml names. */
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/build-site.ts';

describe('the contribute page', () => {
  it('links the request form on GitHub with no script', () => {
    const site = fixtureSite();
    const html = site.read('contribute/index.html');
    const section = /<section[^>]*id="request"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toMatch(/<a href="https:\/\/github\.com\/example\/fixture-atlas\/issues\/new\?template=request\.yml"[^>]*>“Request a platform or document” form<\/a>/);
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });
});
