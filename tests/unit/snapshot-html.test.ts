import { describe, expect, it } from 'vitest';
import { contentRoot, loadAtlas } from '../../src/atlas/index.ts';
import { splitTopLevelBlocks } from '../../src/atlas/outputs/markdown-chunks.ts';
import {
  clauseAnchorId,
  configureSnapshotHtmlCache,
  renderSnapshotHtml,
  snapshotHtmlCacheStats,
  type SnapshotHtml,
  type SnapshotHtmlOptions,
} from '../../src/atlas/outputs/snapshot-html.ts';
import { versionContext, versionedSnapshots } from '../../src/atlas/outputs/version-pages.ts';

const html = (markdown: string, sourceUrl?: string) => renderSnapshotHtml(markdown, sourceUrl ? { sourceUrl } : {}).html;
const REL = 'rel="nofollow noopener noreferrer ugc"';

describe('renderSnapshotHtml: hostile snapshot text comes out inert', () => {
  it('drops script blocks with their content', () => {
    expect(html('<script>alert(1)</script>\n\nText')).toBe('<p>Text</p>');
  });
  it('drops images with event handlers', () => {
    expect(html('Hi <img src=x onerror=alert(1)> there')).toBe('<p>Hi  there</p>');
  });
  it('unwraps javascript: and data: links, written in Markdown or HTML', () => {
    expect(html('[x](javascript:alert(1)) [d](data:text/html;base64,PHNjcmlwdD4=) <a href="data:text/html,hi">a</a>')).toBe('<p>x d a</p>');
  });
  it('drops iframes, forms, objects and style elements', () => {
    expect(html('<iframe src="https://evil.example"></iframe>\n\n<form action="/x"><input name=q></form>\n\n<object data=x></object>\n\n<style>p{color:red}</style>\n\nText')).toBe('<p>Text</p>');
  });
  it('keeps no style attributes or event handlers from inline HTML', () => {
    expect(html('a <span style="color:red" onclick="steal()">b</span> c')).toBe('<p>a b c</p>');
  });
  it('never lets dangerous markup through whatever the mix', () => {
    const hostile = [
      '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '[y](JAVASCRIPT:alert(1))',
      '<iframe src=//evil></iframe>', '<a href="data:text/html,<script>alert(1)</script>">z</a>', '<p style="x:y" onmouseover="z()">p</p>',
      '![alt](javascript:alert(1))', '<svg onload=alert(1)>', '[v](vbscript:msgbox(1))', '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    ].join('\n\n');
    const out = html(hostile, 'https://example.com/terms');
    for (const bad of ['<script', 'onerror', 'onload', 'onclick', 'onmouseover', 'javascript:', 'vbscript:', 'data:', 'style=', '<iframe', '<img', '<svg', '<math']) {
      expect(out.toLowerCase()).not.toContain(bad.toLowerCase());
    }
  });
});

describe('renderSnapshotHtml: links, images, headings', () => {
  it('marks external links as user content', () => {
    expect(html('See [terms](https://example.com/terms).')).toBe(`<p>See <a href="https://example.com/terms" ${REL}>terms</a>.</p>`);
  });
  it('resolves relative links against the source, and unwraps them without one', () => {
    expect(html('[help](/help/1) [top](#top)', 'https://example.com/legal/terms')).toBe(
      `<p><a href="https://example.com/help/1" ${REL}>help</a> <a href="https://example.com/legal/terms#top" ${REL}>top</a></p>`,
    );
    expect(html('[help](/help/1)')).toBe('<p>help</p>');
  });
  it('turns images into their alt text and keeps <br> line breaks', () => {
    expect(html('A ![logo](https://x.example/l.png) and ![](https://x.example/y.png) line<br>two')).toBe('<p>A logo and  line<br>two</p>');
  });
  it('gives headings prefixed, unique ids and nests them under the page headings', () => {
    const result = renderSnapshotHtml('# Terms of Service\n\n## 1. Who we are\n\n## 1. Who we are');
    expect(result.html).toBe(
      '<h3 id="snapshot-terms-of-service">Terms of Service</h3>\n<h4 id="snapshot-1-who-we-are">1. Who we are</h4>\n<h4 id="snapshot-1-who-we-are-2">1. Who we are</h4>',
    );
    expect(result.headings.map((h) => [h.id, h.level])).toEqual([
      ['snapshot-terms-of-service', 3],
      ['snapshot-1-who-we-are', 4],
      ['snapshot-1-who-we-are-2', 4],
    ]);
  });
  it('keeps footnote references working under the id prefix', () => {
    const out = html('Note[^1]\n\n[^1]: A footnote.');
    expect(out).toContain('<a href="#snapshot-fn-1" id="snapshot-fnref-1"');
    expect(out).toContain('<li id="snapshot-fn-1">');
    expect(out).toContain('aria-describedby="snapshot-footnote-label"');
    expect(out).toContain('id="snapshot-footnote-label"');
  });
});

describe('renderSnapshotHtml: clause highlights', () => {
  const clause = (slug: string, quote: string) => ({ key: `p/d/${slug}`, title: `Title ${slug}`, url: `/platform/p/d/${slug}/`, quote });
  const link = (slug: string) => `<a id="clause-${slug}" class="clause-highlight__link" href="/platform/p/d/${slug}/">Clause: Title ${slug}</a>`;

  it('finds a quote across emphasis, links, curly quotes and line wrapping', () => {
    const result = renderSnapshotHtml('Intro.\n\nWe **may** share your [data](https://x.example/d) with \u201cpartners\u201d\nwhen needed.', {
      clauses: [clause('share', 'We may share your data with "partners" when needed.')],
    });
    expect(result.html).toBe(
      `<p>Intro.</p>\n<p>${link('share')}<mark class="clause-highlight">We <strong>may</strong> share your <a href="https://x.example/d" ${REL}>data</a> with \u201cpartners\u201d\nwhen needed.</mark></p>`,
    );
    expect(result.found).toEqual(['p/d/share']);
    expect(result.missing).toEqual([]);
  });
  it('marks every block a quote spans, with one link at its start', () => {
    const result = renderSnapshotHtml('One.\n\n* First item ends.\n* Second item starts\n\nLast.', { clauses: [clause('span', 'First item ends. Second item')] });
    expect(result.html).toBe(
      `<p>One.</p>\n<ul>\n<li>${link('span')}<mark class="clause-highlight">First item ends.</mark></li>\n<li><mark class="clause-highlight">Second item starts</mark></li>\n</ul>\n<p>Last.</p>`,
    );
  });
  it('puts the links of two clauses quoting one paragraph side by side', () => {
    const result = renderSnapshotHtml('We keep data. We share data.', { clauses: [clause('keep', 'We keep data.'), clause('share', 'We share data.')] });
    expect(result.html).toBe(`<p>${link('keep')}${link('share')}<mark class="clause-highlight">We keep data. We share data.</mark></p>`);
  });
  it('reports quotes that are not in the text and leaves the text alone', () => {
    const result = renderSnapshotHtml('We keep data.', { clauses: [clause('gone', 'We sell data.')] });
    expect(result).toMatchObject({ html: '<p>We keep data.</p>', found: [], missing: ['p/d/gone'] });
  });
  it('names the anchor after the clause slug', () => {
    expect(clauseAnchorId('facebook/terms-of-service/content-licence')).toBe('clause-content-licence');
  });
  it('gives the same bytes for the same input', () => {
    const input = '# T\n\nWe **keep** data.\n\n| a | b |\n|---|---|\n| 1<br>2 | x |';
    const options = { clauses: [clause('keep', 'We keep data.')], sourceUrl: 'https://example.com/' };
    expect(renderSnapshotHtml(input, options)).toEqual(renderSnapshotHtml(input, options));
  });
});

describe('renderSnapshotHtml: block by block, as the whole text', () => {
  const CACHE_BYTES = 64 * 1024 * 1024;
  const clause = (slug: string, quote: string) => ({ key: `p/d/${slug}`, title: `Title ${slug}`, url: `/platform/p/d/${slug}/`, quote });

  /** The reference: the cache off, so the text is rendered as one tree. */
  function renderWhole(markdown: string, options: SnapshotHtmlOptions): SnapshotHtml {
    configureSnapshotHtmlCache({ maxBytes: 0 });
    try {
      return renderSnapshotHtml(markdown, options);
    } finally {
      configureSnapshotHtmlCache({ maxBytes: CACHE_BYTES });
    }
  }

  /** Renders with an empty cache, then again from it, and compares both with the whole-text rendering. */
  function expectSameAsWhole(markdown: string, options: SnapshotHtmlOptions = {}) {
    const whole = renderWhole(markdown, options);
    expect(renderSnapshotHtml(markdown, options), 'first rendering').toEqual(whole);
    expect(renderSnapshotHtml(markdown, options), 'from the cache').toEqual(whole);
    return whole;
  }

  const tricky: Record<string, string> = {
    'lists spanning blank lines': '- a\n\n- b\n\nPara\n\n- c\n\n\n- d\n\nAfter\n\n1. one\n\n2. two\n\n2023. Not a year\n\nEnd',
    'a list then blank lines': '- a\n- b\n\n\n\nPara\n\n* x\n* y\n \t\nEnd',
    'nested lists': '1. one\n   - nested\n\n     continued\n   - again\n2. two\n\nPara\n\n- top\n  1. inner\n\n  text in top\n\nLast',
    'block quotes': '> q1\n>\n> q2\n\n> q3\n\nAfter\n> lazy\n\n> - list in quote\n\n  indented after',
    tables: '| a | b |\n|---|---|\n| 1<br>2 | x |\n\nText\n\n| c |\n|:-:|\n| d |\n\n| not a table',
    footnotes: 'Note[^1] and[^2]\n\n[^1]: A footnote.\n\n    More of it.\n\n[^2]: Another.\n\nMore',
    'reference links': '[a][ref] and [b]\n\n[ref]: https://x.example/r "T"\n\nEnd [ref]\n\n> [b]: https://x.example/b',
    'setext headings': 'Title\n=====\n\nSub\n---\n\nText\n\n---\n\nAfter\n\n***\n\n- - -\n\nSub\n---',
    'HTML blocks': '<div>\nx\n</div>\n\n<span>a</span>\n\ntext <b>bold</b>\n\n<div>\n\n*md*\n\n</div>\n\nEnd',
    'HTML blocks that span blank lines': 'A\n\n<!-- c\n\n-->\n\n<pre>\n\ncode\n</pre>\n\n<script>\n\nx\n</script>\n\nEnd',
    'code fences and indented code': '```js\na\n\nb\n```\n\nText\n\n    code\n\n    more\n\nText\n\n~~~\n\n~~~',
    'indented code alone': 'Text\n\n    code\n\n    more\n\nText',
    'hard breaks': 'line one  \nline two\\\nthree\n\nNext<br>line\n\n<br>\n\nLast',
    'paragraphs emptied by dropped HTML': '<span></span>\n\nText\n\n<span></span>\n\n<span></span>\n\nMore\n\n<span></span>',
    'a byte order mark inside the text': '\uFEFFFirst\n\n\uFEFFSecond\n\n\n\uFEFF# Third',
    'leading and trailing blank lines': '\n\n  \nFirst\n\n\n\n',
    'CR line endings': 'One\r\n\r\nTwo\r\rThree',
    'duplicate headings across blocks': '# A\n\ntext\n\n# A\n\n## A\n\n# A-2\n\n#\n\n# *\n\nSection\n=======',
    'links and autolinks': '[rel](/x) [frag](#top) <https://a.example> www.b.example\n\n[abs](https://c.example/) ![img](x.png)',
    'only whitespace': '  \n\t\n',
    empty: '',
  };
  for (const [name, markdown] of Object.entries(tricky)) {
    it(`gives the whole-text output for ${name}`, () => {
      expectSameAsWhole(markdown, { sourceUrl: 'https://example.com/legal/terms' });
      expectSameAsWhole(markdown, { headingShift: 0 });
    });
  }

  it('splits only where a block cannot continue, and not at all around constructs that span blocks', () => {
    expect(splitTopLevelBlocks(tricky['lists spanning blank lines'] ?? '')).toEqual([
      '- a\n\n- b',
      'Para\n\n- c\n\n\n- d',
      'After\n\n1. one\n\n2. two\n\n2023. Not a year',
      'End',
    ]);
    for (const name of ['footnotes', 'reference links', 'HTML blocks that span blank lines', 'code fences and indented code', 'CR line endings']) {
      expect(splitTopLevelBlocks(tricky[name] ?? ''), name).toBeUndefined();
    }
  });

  it('highlights a quote that spans blocks, and clauses in repeated blocks, as the whole text does', () => {
    const v1 = 'Intro.\n\nWe keep data.\n\n- It ends here.\n- Or here\n\nWe keep data.';
    const v2 = `${v1}\n\nA new paragraph.`;
    const clauses = [clause('span', 'data. It ends here. Or'), clause('keep', 'We keep data.'), clause('gone', 'Never said.')];
    const result = expectSameAsWhole(v1, { clauses });
    expect(result.found).toEqual(['p/d/span', 'p/d/keep']);
    expect(result.html).toContain('clause-highlight');
    expectSameAsWhole(v2, { clauses });
    expectSameAsWhole(v2, { clauses: [clause('keep', 'We keep data.')], sourceUrl: 'https://example.com/' });
    expectSameAsWhole(v2, {});
  });

  it('keeps the cache within its bound, evicting the least recently used blocks', () => {
    const maxBytes = 200_000;
    configureSnapshotHtmlCache({ maxBytes });
    try {
      for (let version = 0; version < 20; version++) {
        const text = Array.from({ length: 50 }, (_, i) => `## Section ${i}\n\nParagraph ${i} of version ${version}, with [a link](/l/${i}).`).join('\n\n');
        const rendered = renderSnapshotHtml(text, { sourceUrl: 'https://example.com/', clauses: [clause('c', `Paragraph 3 of version ${version}`)] });
        expect(rendered.html).toBe(renderWhole(text, { sourceUrl: 'https://example.com/', clauses: [clause('c', `Paragraph 3 of version ${version}`)] }).html);
        configureSnapshotHtmlCache({ maxBytes }); // renderWhole restored the default bound
        expect(snapshotHtmlCacheStats().bytes).toBeLessThanOrEqual(maxBytes);
      }
      const tiny = 'x'.repeat(10);
      renderSnapshotHtml(tiny);
      const before = snapshotHtmlCacheStats();
      for (let i = 0; i < 600; i++) renderSnapshotHtml(`Filler paragraph number ${i}.`);
      const after = snapshotHtmlCacheStats();
      expect(after.bytes).toBeLessThanOrEqual(maxBytes);
      expect(after.evictions).toBeGreaterThan(before.evictions);
      renderSnapshotHtml(tiny);
      expect(snapshotHtmlCacheStats().misses, 'the first block was evicted').toBe(after.misses + 1);
      renderSnapshotHtml(tiny);
      expect(snapshotHtmlCacheStats().hits, 'and is kept once used again').toBe(after.hits + 1);
    } finally {
      configureSnapshotHtmlCache({ maxBytes: CACHE_BYTES });
    }
  });

  it('gives the whole-text output on every fifth real snapshot, with its version page clauses', async () => {
    const { atlas } = loadAtlas(contentRoot());
    const snapshots = versionedSnapshots(atlas).filter((_, i) => i % 5 === 0);
    expect(snapshots.length).toBeGreaterThan(40);
    for (const snapshot of snapshots) {
      const options = {
        clauses: versionContext(atlas, snapshot).clauses.map((c) => ({ key: c.key, title: c.data.title, url: c.url, quote: c.data.quote })),
        sourceUrl: snapshot.data.source_url,
      };
      const whole = renderWhole(snapshot.readText(), options);
      expect(renderSnapshotHtml(snapshot.readText(), options), snapshot.file).toEqual(whole);
      // Let the test runner's worker talk to its parent between long synchronous renders.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // A guard against hangs, not a speed limit: this CPU-bound check took 90-120 s on a loaded two-core machine.
  }, 600_000);
});
