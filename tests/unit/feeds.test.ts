/**
 * Change feeds: each format parses and carries the fields its readers need,
 * dates come from captures (never the clock), per-platform feeds stay within
 * their platform, per-document feeds follow the document's history, and every feed of the real content validates.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { atlasChanges } from '../../src/atlas/model/changes.ts';
import { FEED_ITEM_LIMIT, feedFile, feedFiles, feedPaths, feedResponse, POLICY_TEXT_CREDIT, type FeedFile } from '../../src/atlas/outputs/feeds.ts';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { copyFixtureAtlas, FIXTURE_ATLAS, type FixtureCopy } from '../support/fixture-atlas.ts';

const SITE = 'https://fixture.example';
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The fields of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) these feeds promise. */
const jsonFeedSchema = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { enum: ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'] },
    title: { type: 'string', minLength: 1 },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'url', 'date_published'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string', minLength: 1 },
          url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          date_published: { type: 'string', format: 'date-time' },
          date_modified: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
} as const;
const ajv = new Ajv({ allErrors: true });
addFormats.default(ajv);
const validateJsonFeed = ajv.compile(jsonFeedSchema);

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'link'].includes(name) });

interface RssItem {
  title: string;
  link: string[];
  guid: { '#text': string };
  pubDate: string;
  description: string;
}
interface AtomEntry {
  id: string;
  title: { '#text': string };
  updated: string;
  link: { '@href': string }[];
}
interface JsonItem {
  id: string;
  url: string;
  title: string;
  date_published: string;
  content_html: string;
}

function parseRss(body: string) {
  expect(XMLValidator.validate(body)).toBe(true);
  const channel = xml.parse(body).rss.channel as { title: string; link: string[]; description: string; lastBuildDate: string; copyright: string; item?: RssItem[] };
  expect(channel.title).toEqual(expect.any(String));
  expect(channel.link[0]).toMatch(/^https?:\/\//);
  expect(channel.description).toEqual(expect.any(String));
  const items = channel.item ?? [];
  for (const item of items) {
    expect(item.title).toEqual(expect.any(String));
    expect(item.link[0]).toMatch(/^https?:\/\//);
    expect(item.guid['#text']).toBe(item.link[0]);
    expect(item.pubDate).toMatch(RFC_822);
  }
  return { channel, items };
}

function parseAtom(body: string) {
  expect(XMLValidator.validate(body)).toBe(true);
  const feed = xml.parse(body).feed as { id: string; title: string; updated: string; rights: string; entry?: AtomEntry[] };
  expect(feed.id).toMatch(/^https?:\/\//);
  expect(feed.title).toEqual(expect.any(String));
  expect(feed.updated).toMatch(RFC_3339);
  const entries = feed.entry ?? [];
  for (const entry of entries) {
    expect(entry.id).toMatch(/^https?:\/\//);
    expect(entry.title['#text']).toEqual(expect.any(String));
    expect(entry.updated).toMatch(RFC_3339);
    expect(entry.link[0]?.['@href']).toBe(entry.id);
  }
  return { feed, entries };
}

function parseJson(body: string) {
  const feed = JSON.parse(body) as { title: string; description: string; items: JsonItem[] };
  expect(validateJsonFeed(feed), ajv.errorsText(validateJsonFeed.errors)).toBe(true);
  return feed;
}

function parseAny(file: FeedFile): string[] {
  if (file.path.endsWith('feed.xml')) return parseRss(file.body).items.map((i) => i.link[0] ?? '');
  if (file.path.endsWith('atom.xml')) return parseAtom(file.body).entries.map((e) => e.id);
  return parseJson(file.body).items.map((i) => i.url);
}

const { atlas } = loadAtlas(FIXTURE_ATLAS);
const files = feedFiles(atlas);
const file = (path: string) => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no feed ${path}`);
  return found;
};

let copy: FixtureCopy | undefined;
afterEach(() => {
  copy?.dispose();
  vi.useRealTimers();
});

describe('feed files', () => {
  it('lists the atlas feeds, each platform feeds and each document feeds with their content types', () => {
    const bases = ['/changes/', '/platform/acme/', '/platform/birdy/', '/platform/quiet/', ...atlas.documents.map((d) => `/platform/${d.key}/`)];
    expect(bases).toContain('/platform/acme/old-privacy-policy/');
    expect(files.map((f) => `${f.path} ${f.contentType}`)).toEqual(
      bases.flatMap((base) => [
        `${base}feed.xml application/rss+xml; charset=utf-8`,
        `${base}atom.xml application/atom+xml; charset=utf-8`,
        `${base}feed.json application/feed+json; charset=utf-8`,
      ]),
    );
  });

  it('names the feed paths of the atlas and of a platform, and serves a file with its type', async () => {
    expect(feedPaths()).toEqual({ rss: '/changes/feed.xml', atom: '/changes/atom.xml', json: '/changes/feed.json' });
    expect(feedPaths(atlas.platformBySlug.get('birdy')).atom).toBe('/platform/birdy/atom.xml');
    const response = feedResponse(file('/changes/feed.json'));
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(await response.text()).toBe(file('/changes/feed.json').body);
  });

  it('builds the same bytes again, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-16T09:30:00Z'));
    const again = feedFiles(loadAtlas(FIXTURE_ATLAS).atlas);
    expect(again.map((f) => f.body)).toEqual(files.map((f) => f.body));
    expect(again.some((f) => f.body.includes('2031'))).toBe(false);
  });
});

describe('the atlas RSS feed', () => {
  const { channel, items } = parseRss(file('/changes/feed.xml').body);

  it('describes the channel with absolute links and the credit line', () => {
    expect(channel.title).toBe('Fixture Atlas: policy changes');
    expect(channel.link).toContain(`${SITE}/changes/`);
    expect(channel.copyright).toBe(POLICY_TEXT_CREDIT);
    expect(channel.lastBuildDate).toBe('Fri, 01 Mar 2024 00:00:00 GMT');
  });

  it('has one item per change, newest first, dated by capture', () => {
    expect(items.map((i) => i.title)).toEqual([
      'Acme Social Privacy Policy changed — 1 March 2024',
      'Birdy Privacy Policy first captured — 10 January 2024',
      'Acme Social Privacy Policy changed — 1 August 2023',
      'Acme Social Terms of Service first captured — 1 May 2023',
      'Acme Social Privacy Policy changed — 1 February 2023',
      'Acme Chat Privacy Policy first captured — 1 January 2022',
    ]);
    expect(items[1]?.link[0]).toBe(`${SITE}/platform/birdy/privacy-policy/versions/2024-01-10T12-00-00Z/`);
    expect(items[1]?.pubDate).toBe('Wed, 10 Jan 2024 12:00:00 GMT');
  });

  it('summarises the affected clauses with links', () => {
    const summary = items[2]?.description ?? '';
    expect(summary).toContain(`<a href="${SITE}/platform/acme/privacy-policy/versions/2023-02-01T00-00-00Z/">version of 1 February 2023</a>`);
    expect(summary).toContain(`<li><a href="${SITE}/platform/acme/privacy-policy/ai-training/">Posts may train Acme's models</a>: its own sentences reworded</li>`);
    expect(summary).toContain('Messages are kept for thirty days</a>: its own sentences reworded');
    // What the version changed, in words (version-summary.ts), escaped.
    expect(summary).toContain(`<p>${atlasChanges(atlas)[2]?.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`);
    expect(items[3]?.description).toContain('The first captured version of');
  });
});

describe('the atlas Atom feed', () => {
  const { feed, entries } = parseAtom(file('/changes/atom.xml').body);

  it('is identified and dated by its newest entry', () => {
    expect(feed.id).toBe(`${SITE}/changes/`);
    expect(feed.updated).toBe('2024-03-01T00:00:00.000Z');
    expect(feed.rights).toBe(POLICY_TEXT_CREDIT);
  });

  it('has one entry per change with a stable id', () => {
    expect(entries.map((e) => [e.id, e.updated])).toEqual(
      atlasChanges(atlas).map((c) => [`${SITE}${c.versionUrl}`, new Date(c.snapshot.capturedAt).toISOString()]),
    );
  });
});

describe('the atlas JSON feed', () => {
  const feed = parseJson(file('/changes/feed.json').body);

  it('carries the credit and one item per change', () => {
    expect(feed.description).toContain(POLICY_TEXT_CREDIT);
    expect(feed.items.map((i) => [i.id, i.date_published])).toEqual(
      atlasChanges(atlas).map((c) => [`${SITE}${c.versionUrl}`, new Date(c.snapshot.capturedAt).toISOString()]),
    );
    expect(feed.items[0]?.content_html).toContain('no longer in the text');
  });
});

describe('platform feeds', () => {
  it('contain only their platform', () => {
    for (const slug of ['acme', 'birdy']) {
      for (const kind of ['feed.xml', 'atom.xml', 'feed.json']) {
        const links = parseAny(file(`/platform/${slug}/${kind}`));
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) expect(link.startsWith(`${SITE}/platform/${slug}/`)).toBe(true);
      }
    }
    expect(parseAny(file('/platform/acme/feed.xml'))).toHaveLength(5);
  });

  it('stay valid when empty and date from the newest capture in the atlas', () => {
    expect(parseRss(file('/platform/quiet/feed.xml').body).channel.lastBuildDate).toBe('Fri, 01 Mar 2024 00:00:00 GMT');
    expect(parseAtom(file('/platform/quiet/atom.xml').body).feed.updated).toBe('2024-03-01T00:00:00.000Z');
    expect(parseJson(file('/platform/quiet/feed.json').body).items).toEqual([]);
  });
});

describe('document feeds', () => {
  it("follow one document's history, its predecessor's versions included, newest first", () => {
    const stamps = (path: string) => parseAny(file(path)).map((link) => link.split('/versions/')[1]?.replace(/\/$/, ''));
    const versions = ['2024-03-01T00-00-00Z', '2023-08-01T00-00-00Z', '2023-02-01T00-00-00Z', '2022-01-01T00-00-00Z'];
    for (const kind of ['feed.xml', 'atom.xml', 'feed.json']) expect(stamps(`/platform/acme/privacy-policy/${kind}`), kind).toEqual(versions);
    // The predecessor's own feed keeps its own versions only; the same-text capture of 2022-06-01 is no version.
    expect(stamps('/platform/acme/old-privacy-policy/feed.json')).toEqual(['2022-01-01T00-00-00Z']);
    expect(stamps('/platform/acme/terms-of-service/feed.json')).toEqual(['2023-05-01T00-00-00Z']);
  });

  it('name the document and link its page', () => {
    const feed = parseRss(file('/platform/acme/privacy-policy/feed.xml').body).channel;
    expect(feed.title).toBe('Fixture Atlas: Acme Social Privacy Policy changes');
    expect(feed.link[0]).toBe(`${SITE}/platform/acme/privacy-policy/`);
    expect(feedPaths(atlas.documentByKey.get('acme/privacy-policy'))).toEqual({
      rss: '/platform/acme/privacy-policy/feed.xml',
      atom: '/platform/acme/privacy-policy/atom.xml',
      json: '/platform/acme/privacy-policy/feed.json',
    });
  });
});

describe('titles with markup characters', () => {
  it('are escaped for each format', () => {
    copy = copyFixtureAtlas();
    copy.edit('documents/birdy/privacy-policy.yaml', (t) => t.replace(/^title: .*$/m, 'title: "Birdy Terms & <Privacy> ]]> Policy"'));
    const edited = loadAtlas(copy.root).atlas;
    const birdy = edited.platformBySlug.get('birdy');
    const title = 'Birdy Terms & <Privacy> ]]> Policy first captured — 10 January 2024';
    expect(parseRss(feedFile(edited, 'rss', birdy).body).items[0]?.title).toBe(title);
    expect(parseAtom(feedFile(edited, 'atom', birdy).body).entries[0]?.title['#text']).toBe(title.replace('&', '&amp;').replace('<', '&lt;').replace(/>/g, '&gt;'));
    expect(parseJson(feedFile(edited, 'json', birdy).body).items[0]?.title).toBe(title);
    expect(feedFile(edited, 'rss', birdy).body).toContain('Birdy Terms &amp; &lt;Privacy&gt; ]]&gt; Policy</a>');
  });
});

describe('the real content', () => {
  let real: Atlas;
  beforeAll(() => {
    real = loadAtlas('content').atlas;
  }, 60_000);

  it('gives feeds that all validate, capped at the newest changes', () => {
    const realFiles = feedFiles(real);
    expect(realFiles).toHaveLength(3 * (real.platforms.length + real.documents.length + 1));
    for (const f of realFiles) parseAny(f);
    const newest = atlasChanges(real).slice(0, FEED_ITEM_LIMIT).map((c) => `${real.site.url}${c.versionUrl}`);
    expect(parseAny(feedFile(real, 'atom'))).toEqual(newest);
    expect(newest).toHaveLength(FEED_ITEM_LIMIT);
  });
});
