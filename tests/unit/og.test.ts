/**
 * OG cards: the template fits any title, the renderer gives 1200×630 PNGs and
 * the same bytes for the same card, the cache key follows the card, the cache
 * spares a second render, and the pool spreads cards over several workers.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import satori, { type SatoriNode } from 'satori';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { cardHash } from '../../src/og/cache.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardTemplate, fitTitle, type CardData } from '../../src/og/card.ts';
import { ogCardsFor, ogImageLookup } from '../../src/og/cards.ts';
import { renderCards, startRendering } from '../../src/og/pool.ts';
import { loadFonts, renderCard, renderFingerprint } from '../../src/og/render.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const fonts = loadFonts();
const fingerprint = renderFingerprint(fonts);
const temp = mkdtempSync(join(tmpdir(), 'og-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const clauseCard: CardData = {
  kind: 'clause',
  title: 'Posts may train the platform’s AI models unless the user objects',
  subtitle: 'AI training on user data · Privacy Policy',
  platform: 'Acme Social',
  severity: 'high',
  recordId: 'FX-P-000002',
  siteName: 'Fixture Atlas',
  siteHost: 'fixture.example',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function expectCardPng(bytes: Buffer): Promise<void> {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const meta = await sharp(bytes).metadata();
  expect([meta.format, meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT, 3, false]);
}

describe('the renderer', () => {
  it('draws a 1200×630 PNG', async () => {
    await expectCardPng(await renderCard(clauseCard, fonts));
  });

  it('gives the same hash and the same bytes for the same card', async () => {
    expect(cardHash({ ...clauseCard }, fingerprint)).toBe(cardHash(clauseCard, fingerprint));
    const [first, second] = await Promise.all([renderCard(clauseCard, fonts), renderCard({ ...clauseCard }, fonts)]);
    expect(first.equals(second)).toBe(true);
  });

  it('gives a different hash when the title, the template or a font changes', () => {
    const hash = cardHash(clauseCard, fingerprint);
    expect(cardHash({ ...clauseCard, title: `${clauseCard.title}.` }, fingerprint)).not.toBe(hash);
    expect(cardHash(clauseCard, { ...fingerprint, template: fingerprint.template + 1 })).not.toBe(hash);
    expect(cardHash(clauseCard, { ...fingerprint, fonts: [...fingerprint.fonts.slice(1), 'changed'] })).not.toBe(hash);
  });
});

describe('the template', () => {
  const longTitle = Array.from({ length: 60 }, (_, i) => ['Users', 'grant', 'a', 'worldwide', 'licence', 'to', 'their', 'content', 'including', 'sublicensing'][i % 10]).join(' ').slice(0, 400);

  it('shortens a 400-character title at a word boundary with an ellipsis', () => {
    expect(longTitle).toHaveLength(400);
    const fitted = fitTitle(longTitle);
    expect(fitted.text.endsWith('…')).toBe(true);
    const kept = fitted.text.slice(0, -1);
    expect(longTitle.startsWith(kept)).toBe(true);
    expect(longTitle[kept.length]).toBe(' ');
  });

  it('keeps a short title whole and large', () => {
    expect(fitTitle('GDPR')).toEqual({ size: 80, text: 'GDPR' });
  });

  it('lays every part of a card with a 400-character title inside the card, the title above the footer', async () => {
    const card: CardData = { ...clauseCard, title: longTitle, subtitle: 'x'.repeat(300), platform: 'A platform name long enough to need cutting short in the eyebrow line' };
    const nodes: SatoriNode[] = [];
    await satori(cardTemplate(card), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.forText(card.title), onNodeDetected: (node) => nodes.push(node) });
    for (const node of nodes) {
      expect(node.left).toBeGreaterThanOrEqual(0);
      expect(node.top).toBeGreaterThanOrEqual(0);
      expect(node.left + node.width).toBeLessThanOrEqual(CARD_WIDTH);
      expect(node.top + node.height).toBeLessThanOrEqual(CARD_HEIGHT);
    }
    const title = nodes.find((node) => node.textContent?.startsWith('Users grant'));
    const host = nodes.find((node) => node.textContent === card.siteHost);
    expect(title && host && title.top + title.height).toBeLessThan(host?.top ?? 0);
    await expectCardPng(await renderCard(card, fonts));
  });
});

describe('the pool and the cache', () => {
  it('renders a card once and serves the second request from the cache', async () => {
    const cacheDir = join(temp, 'cache-once');
    const output = join(temp, 'out', 'og', 'platform', 'acme', 'privacy-policy', 'ai-training.png');
    const [first] = await renderCards([{ card: clauseCard, output }], { cacheDir, workers: 1 });
    expect(first?.status).toBe('rendered');
    expect(first?.path).toBe(join(cacheDir, `${cardHash(clauseCard, fingerprint)}.png`));
    const modified = statSync(first?.path ?? '').mtimeMs;

    const [second] = await renderCards([{ card: { ...clauseCard }, output }], { cacheDir, workers: 1 });
    expect(second).toEqual({ hash: first?.hash, path: first?.path, status: 'cached' });
    expect(statSync(second?.path ?? '').mtimeMs).toBe(modified);
    expect(readFileSync(output).equals(readFileSync(first?.path ?? ''))).toBe(true);
  });

  it('spreads cards over several workers and renders a repeated card once', async () => {
    const cards = ['First', 'Second', 'Third', 'Fourth'].map((word): CardData => ({ ...clauseCard, title: `${word} clause of the pool test` }));
    const results = await renderCards([...cards, cards[0] as CardData].map((card) => ({ card })), { cacheDir: join(temp, 'cache-pool'), workers: 2 });
    expect(results.map((r) => r.status)).toEqual(['rendered', 'rendered', 'rendered', 'rendered', 'cached']);
    expect(results[4]?.path).toBe(results[0]?.path);
    expect(new Set(results.map((r) => r.worker).filter(Boolean)).size).toBe(2);
    for (const result of results) await expectCardPng(readFileSync(result.path));
  });

  it('starts on one worker and takes a second once widened, while cards are still queued', async () => {
    const cacheDir = join(temp, 'cache-widen');
    const cards = Array.from({ length: 8 }, (_, i): CardData => ({ ...clauseCard, title: `Card ${i + 1} of the widening test` }));
    const rendering = startRendering(cards.map((card) => ({ card })), { cacheDir, workers: 1 });
    // Widen only once the single worker has stored its first card.
    await vi.waitFor(() => expect(existsSync(cacheDir) && readdirSync(cacheDir).some((name) => name.endsWith('.png'))).toBe(true), { timeout: 20_000, interval: 20 });
    rendering.widen(2);
    const results = await rendering.results;
    expect(results.every((r) => r.status === 'rendered')).toBe(true);
    expect(new Set(results.map((r) => r.worker)).size).toBe(2);
  });

  it('rejects a worker count that is not a positive whole number', async () => {
    await expect(renderCards([{ card: clauseCard }], { cacheDir: join(temp, 'cache-bad'), workers: 0 })).rejects.toThrow('src/og/pool.ts workers: expected a positive whole number, found 0');
  });
});

describe('cards of the atlas', () => {
  const { atlas } = loadAtlas(FIXTURE_ATLAS, { now: new Date('2026-01-01T00:00:00Z') });
  const cards = ogCardsFor(atlas);

  it('gives the home page and every platform, document, clause, clause type and regulation page a card', () => {
    expect(cards).toHaveLength(1 + atlas.platforms.length + atlas.documents.length + atlas.clauses.length + atlas.clauseTypes.length + atlas.regulations.length);
    expect(new Set(cards.map((c) => c.image)).size).toBe(cards.length);
    const clause = cards.find((c) => c.route === '/platform/acme/privacy-policy/ai-training/');
    expect(clause?.image).toBe('/og/platform/acme/privacy-policy/ai-training.png');
    expect(clause?.card).toMatchObject({ kind: 'clause', recordId: 'FX-P-000002', severity: expect.any(String), platform: expect.any(String), siteHost: 'fixture.example' });
  });

  it('falls back to the nearest card', () => {
    const imageFor = ogImageLookup(cards);
    expect(imageFor('/platform/acme/privacy-policy/versions/2024-03-01T00-00-00Z/')).toBe('/og/platform/acme/privacy-policy.png');
    expect(imageFor('/about/')).toBe('/og/index.png');
  });
});
