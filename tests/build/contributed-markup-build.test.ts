/**
 * A real build of contributed Markdown that validation accepts but that tries
 * to look like markup: entity-written tags, quotes in link titles and footnote
 * labels, `javascript:` as plain words, a pipe inside a table cell's code, an
 * Aside. The pages must show all of it as text, keep the allowed structure
 * (Aside, table, footnotes that link, strikethrough) and carry no script, event
 * handler or script URL; no code from the content runs; and every page carries
 * the Content-Security-Policy of public/_headers as its first meta policy.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePolicy } from '../../src/atlas/outputs/security-headers.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const MARKER = 'PWNED-build';

/** Keeps a file's front matter and replaces its body. */
const withBody = (body: string) => (text: string) => text.slice(0, text.indexOf('\n---\n', 4) + 5) + body;

const mdxBody = `## What it is

Acme requires arbitration[^a"onmouseover=alert(1)]. ~~Courts~~ are out, see https://acme.example/terms or [the terms](https://acme.example/terms "\\" onmouseover=\\"alert(2)").

<Aside type="caution">Arbitration is *private*; &lt;script&gt;alert(3)&lt;/script&gt; stays text.</Aside>

| term | meaning |
| --- | --- |
| \`x\\|y\` | a pipe in code |
| &#60;img src=x onerror=alert(4)&#62; | entity-written markup is text |

## Why it matters

People lose access to court[^1]. The words javascript:alert(5) are only words.

[^1]: Courts are public; see [the rules](https://courts.example/rules).

[^a"onmouseover=alert(1)]: A label written to break out of an attribute.

## Consumer impact

Disputes are decided by an arbitrator.

### Stability

A heading named like a section of the page.
`;

const mdBody = `## What it is

Acme keeps messages for thirty days; see <https://acme.example/retention> and [the rule][r].

| a | b |
| --- | --- |
| \`<img src=x onerror=alert(6)>\` | &lt;svg onload=alert(7)&gt; |

[r]: https://acme.example/rule "&quot; onmouseover=&quot;alert(8)"

## Why it matters

Retention limits exposure[^1].

[^1]: &#60;script&#62;globalThis.process.getBuiltinModule("node:fs").writeFileSync("${MARKER}", "x")&#60;/script&#62;

## Consumer impact

Messages stay on Acme's servers for a month.
`;

let copy: FixtureCopy;
let site: BuiltSite;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html') && statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'));
}

beforeAll(async () => {
  copy = copyFixtureAtlas();
  copy.edit('clauses/acme/terms-of-service/arbitration.mdx', withBody(mdxBody));
  copy.edit('clauses/acme/privacy-policy/message-retention.md', withBody(mdBody));
  site = await buildSite(copy.root);
  if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
});
afterAll(() => {
  site?.dispose();
  copy?.dispose();
});

describe('a build of tricky but valid contributed Markdown', () => {
  it('keeps the allowed structure: Aside, table, strikethrough, footnotes that link', () => {
    const { document } = parseHTML(site.read('platform/acme/terms-of-service/arbitration/index.html'));
    expect(document.querySelector('aside.aside--caution')?.textContent).toContain('Arbitration is private; <script>alert(3)</script> stays text.');
    expect(document.querySelector('del')?.textContent).toBe('Courts');
    const cells = [...document.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['x|y', 'a pipe in code', '<img src=x onerror=alert(4)>', 'entity-written markup is text']);
    // The page's own Stability section keeps its id; the contributed heading gets a prefixed one.
    expect(document.querySelectorAll('[id="stability"]')).toHaveLength(1);
    expect(document.getElementById('user-content-stability')?.textContent).toBe('Stability');
    const refs = [...document.querySelectorAll('a[data-footnote-ref]')];
    expect(refs).toHaveLength(2);
    for (const ref of refs) {
      const id = ref.getAttribute('href')?.slice(1) ?? ''; // a browser tries the fragment as written first
      expect(id.startsWith('user-content-'), id).toBe(true);
      expect(document.getElementById(id), id).not.toBeNull();
    }
  });

  it('shows markup written in .md as text', () => {
    const { document } = parseHTML(site.read('platform/acme/privacy-policy/message-retention/index.html'));
    const cells = [...document.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['<img src=x onerror=alert(6)>', '<svg onload=alert(7)>']);
    expect(document.querySelector('a[href="https://acme.example/rule"]')?.getAttribute('title')).toBe('" onmouseover="alert(8)');
  });

  it('puts no script, event handler or script URL on any page', () => {
    const found: string[] = [];
    for (const file of htmlFiles(site.out)) {
      const { document } = parseHTML(site.read(file));
      for (const el of document.querySelectorAll('*')) {
        for (const { name, value } of el.attributes) {
          if (/^on/i.test(name)) found.push(`${file}: <${el.localName} ${name}>`);
          if (/^\s*(?:java|vb)script:/i.test(value.replace(/[\t\n\r]/g, ''))) found.push(`${file}: <${el.localName} ${name}="${value}">`);
        }
        if (el.localName === 'script' && el.getAttribute('type') !== 'application/ld+json' && !(el.getAttribute('src') ?? '').startsWith('/')) found.push(`${file}: inline <script>`);
        if (['iframe', 'object', 'embed', 'svg', 'img'].includes(el.localName) && el.closest('.prose, aside')) found.push(`${file}: <${el.localName}> in contributed text`);
      }
    }
    expect(found).toEqual([]);
  });

  it('runs no code from the content', () => {
    expect(existsSync(join(PROJECT, MARKER))).toBe(false);
  });

  it('gives every page the policy of public/_headers as its first meta policy, before anything it governs', () => {
    const policy = pagePolicy(readFileSync(join(PROJECT, 'public', '_headers'), 'utf8'));
    const files = htmlFiles(site.out);
    expect(files.length).toBeGreaterThan(20);
    const wrong = files.filter((file) => {
      const html = site.read(file);
      const head = html.slice(0, html.indexOf('</head>'));
      const metas = [...head.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
      const at = head.indexOf('http-equiv="Content-Security-Policy"');
      const firstGoverned = head.search(/<(?:script|style|link|img)\b/);
      return metas.length !== 1 || metas[0]?.[1]?.replaceAll('&#39;', "'") !== policy || (firstGoverned !== -1 && firstGoverned < at);
    });
    expect(wrong).toEqual([]);
  });
});
