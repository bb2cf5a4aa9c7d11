import { describe, expect, it } from 'vitest';
import { clauseAnchorId, renderSnapshotHtml } from '../../src/atlas/snapshot-html.ts';

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
