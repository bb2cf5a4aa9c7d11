/**
 * Change feeds (RSS 2.0, Atom 1.0, JSON Feed) for the whole atlas, each
 * platform and each document, built from the change log with the `feed` library. Every date comes
 * from a capture instant, never the clock, so the same content gives the same bytes.
 *
 * Whatever the content holds, every feed stays well-formed and carries text
 * only as text: characters XML 1.0 forbids are dropped (validation refuses them
 * in content already; this is the second line), and text the library wraps in
 * CDATA cannot close the section early.
 */
import { FEED_FILES, routes, type FeedFormat } from '../routes.ts';
import { siteUrl } from '../site-url.ts';
import { Feed, type FeedOptions, type Item } from 'feed';
import { NOT_PLAIN_TEXT } from '../../schema/common.ts';
import { atlasChanges, CLAUSE_EVENT_LABELS, changesFor, documentChanges, versionUrl, type Change } from '../model/changes.ts';
import { formatDate } from '../model/dates.ts';
import type { Atlas, DocumentRecord, PlatformRecord } from '../model/model.ts';

/** Credit for the policy texts, required by their licence wherever the data is shown. */
export const POLICY_TEXT_CREDIT = 'Policy texts: Platform Governance Archive, University of Bremen, via Open Terms Archive (ODC-BY 1.0)';

/** Newest changes kept in each feed; older ones stay on the change pages. */
export const FEED_ITEM_LIMIT = 50;

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
/** The formats in the order pages list them. */
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** File name of a feed of each format beside the page it follows, e.g. `atom.xml`. */
export function feedFileName(format: FeedFormat): string {
  return FEED_FILES[format];
}

/** One feed as a file of the built site. */
export interface FeedFile {
  /** Site path, e.g. `/changes/feed.xml`. */
  path: string;
  contentType: string;
  body: string;
}

/** What a feed follows besides the whole atlas: a platform's documents, or one document's history. */
export type FeedSubject = PlatformRecord | DocumentRecord;

const isDocument = (subject: FeedSubject): subject is DocumentRecord => 'versions' in subject;

/** Site paths of the three feeds of the whole atlas, or of one platform or document (beside its page: `/platform/<p>/<d>/feed.xml`). */
export function feedPaths(subject?: FeedSubject): Record<FeedFormat, string> {
  const feed = (format: FeedFormat) => (subject && isDocument(subject) ? routes.documentFeed(format, subject.key) : routes.feed(format, subject?.slug));
  return { rss: feed('rss'), atom: feed('atom'), json: feed('json') };
}

/** Text without the characters XML 1.0 forbids (and C1 controls and CR, as in content validation). */
function feedText(text: string): string {
  return text.replace(NOT_PLAIN_TEXT, '');
}

/**
 * Text for a value the library writes as `<![CDATA[…]]>`. Its XML writer
 * (xml-js) splits only the first `]]>` (`]]]]><![CDATA[>`), so every later one is
 * split here, giving exactly one split per `]]>`. tests/hostile/outputs.test.ts
 * reads the titles back and would catch a library that starts splitting all of them.
 */
function cdataText(text: string): string {
  const [first = '', ...rest] = text.split(']]>');
  return rest.length ? `${first}]]>${rest.join(']]]]><![CDATA[>')}` : first;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function itemTitle(change: Change): string {
  const what = change.kind === 'first' ? 'first captured' : 'changed';
  return `${change.document.data.title} ${what} — ${formatDate(change.snapshot.capturedOn)}`;
}

/** HTML summary of one change: what was captured, against which version, what it changed in words, and the clauses it touched. */
function itemSummary(atlas: Atlas, change: Change): string {
  const link = (path: string, text: string) => `<a href="${escapeHtml(siteUrl(atlas, path))}">${escapeHtml(text)}</a>`;
  const { document, snapshot, previous } = change;
  const subject = `${link(document.url, document.data.title)} (${escapeHtml(document.platform.data.name)})`;
  const captured = formatDate(snapshot.capturedOn);
  const lead = previous
    ? `<p>A new version of ${subject} was captured on ${captured}. It replaces the ${link(versionUrl(previous), `version of ${formatDate(previous.capturedOn)}`)}.</p><p>${escapeHtml(change.summary)}</p>`
    : `<p>The first captured version of ${subject}, from ${captured}.</p>`;
  const clauses = change.clausesAffected.length
    ? `<p>Analysed clauses affected:</p><ul>${change.clausesAffected.map(({ clause, kind }) => `<li>${link(clause.url, clause.data.title)}: ${CLAUSE_EVENT_LABELS[kind]}</li>`).join('')}</ul>`
    : '<p>No analysed clause is affected.</p>';
  return lead + clauses;
}

function feedItem(atlas: Atlas, change: Change): Item {
  const url = siteUrl(atlas, change.versionUrl);
  const date = new Date(change.snapshot.capturedAt);
  return { title: feedText(itemTitle(change)), id: url, link: url, date, published: date, description: feedText(itemSummary(atlas, change)) };
}

interface FeedScope {
  title: string;
  description: string;
  /** Site path of the page the feed mirrors. */
  home: string;
  paths: Record<FeedFormat, string>;
  changes: readonly Change[];
}

function renderFeed(atlas: Atlas, scope: FeedScope, format: FeedFormat): string {
  const { site } = atlas;
  const changes = scope.changes.slice(0, FEED_ITEM_LIMIT);
  // An empty feed dates from the newest capture in the atlas, the last time it was checked; the library would use the clock.
  const updated = changes[0]?.snapshot.capturedAt ?? atlas.snapshots[0]?.capturedAt ?? '1970-01-01T00:00:00Z';
  const options: FeedOptions = {
    id: siteUrl(atlas, scope.home),
    title: feedText(scope.title),
    description: feedText(`${scope.description} ${POLICY_TEXT_CREDIT}.`),
    link: siteUrl(atlas, scope.home),
    language: 'en',
    updated: new Date(updated),
    feedLinks: { rss: siteUrl(atlas, scope.paths.rss), atom: siteUrl(atlas, scope.paths.atom), json: siteUrl(atlas, scope.paths.json) },
    author: { name: feedText(site.publisher), link: siteUrl(atlas, '/') },
    copyright: POLICY_TEXT_CREDIT,
  };
  const feed = new Feed(options);
  for (const change of changes) {
    const item = feedItem(atlas, change);
    // Atom declares its titles as HTML; RSS and JSON Feed take them as plain text. Both XML formats put titles and summaries in CDATA.
    const title = format === 'atom' ? escapeHtml(item.title) : item.title;
    feed.addItem(format === 'json' ? item : { ...item, title: cdataText(title), description: cdataText(item.description ?? '') });
  }
  const body = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
  return `${body}\n`;
}

function atlasScope(atlas: Atlas): FeedScope {
  return {
    title: `${atlas.site.name}: policy changes`,
    description: `Substantive changes to the platform policies tracked by ${atlas.site.name}, newest first.`,
    home: routes.changes(),
    paths: feedPaths(),
    changes: atlasChanges(atlas),
  };
}

function platformScope(atlas: Atlas, platform: PlatformRecord): FeedScope {
  return {
    title: `${atlas.site.name}: ${platform.data.name} policy changes`,
    description: `Substantive changes to ${platform.data.name}'s policies tracked by ${atlas.site.name}, newest first.`,
    home: platform.url,
    paths: feedPaths(platform),
    changes: changesFor(atlas, platform),
  };
}

function documentScope(atlas: Atlas, document: DocumentRecord): FeedScope {
  return {
    title: `${atlas.site.name}: ${document.data.title} changes`,
    description: `New versions of ${document.platform.data.name}'s ${document.data.title} tracked by ${atlas.site.name} (earlier names included), newest first.`,
    home: document.url,
    paths: feedPaths(document),
    changes: documentChanges(atlas, document),
  };
}

/** One feed of the whole atlas, or of one platform or document when given. */
export function feedFile(atlas: Atlas, format: FeedFormat, subject?: FeedSubject): FeedFile {
  const scope = !subject ? atlasScope(atlas) : isDocument(subject) ? documentScope(atlas, subject) : platformScope(atlas, subject);
  return { path: scope.paths[format], contentType: CONTENT_TYPES[format], body: renderFeed(atlas, scope, format) };
}

/** Every feed of the site: the atlas's three, then each platform's three, then each document's three. */
export function feedFiles(atlas: Atlas): FeedFile[] {
  const subjects: (FeedSubject | undefined)[] = [undefined, ...atlas.platforms, ...atlas.documents];
  return subjects.flatMap((subject) => FEED_FORMATS.map((format) => feedFile(atlas, format, subject)));
}

/** The HTTP response of an endpoint route serving one feed. */
export function feedResponse(file: FeedFile): Response {
  return new Response(file.body, { headers: { 'Content-Type': file.contentType } });
}
