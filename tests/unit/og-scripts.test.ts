/**
 * OG cards in other scripts (issue 13, case field-08): Arabic and Japanese
 * titles are drawn with fonts from npm, Arabic shaped and set right to left,
 * a Latin card loads no other font, and a character no bundled font has fails
 * the render with its code point named instead of drawing a missing-glyph box.
 */
import satori from 'satori';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardTemplate, type CardData } from '../../src/og/card.ts';
import { loadFonts, renderCard, svgToPng, treeText } from '../../src/og/render.ts';

const fonts = loadFonts();
const card: CardData = { kind: 'clause', title: 'Messages kept for ever', subtitle: 'AI training · Privacy policy', platform: 'Acme', severity: 'medium', recordId: 'FX-P-000013', siteName: 'Clause Atlas', siteHost: 'clauseatlas.org' };
const arabic: CardData = { ...card, title: 'تدريب الذكاء الاصطناعي على بياناتك الشخصية', platform: 'واحة' };
const japanese: CardData = { ...card, title: '個人情報を第三者に提供（広告配信）！', platform: 'さくら' };

/** Greyscale pixels of a PNG. */
async function grey(png: Buffer): Promise<{ data: Buffer; width: number }> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width };
}

/** Leftmost and rightmost columns with dark (text) pixels between rows `top` and `bottom`. */
async function inkColumns(png: Buffer, top: number, bottom: number): Promise<{ left: number; right: number }> {
  const { data, width } = await grey(png);
  let left = width;
  let right = -1;
  for (let y = top; y < bottom; y++) {
    for (let x = 40; x < width; x++) {
      if ((data[y * width + x] ?? 255) < 100) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right };
}

/** The rows a card's title takes, from satori's layout. */
async function titleRows(data: CardData): Promise<{ top: number; bottom: number }> {
  let rows = { top: 0, bottom: 0 };
  await satori(cardTemplate(data), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: fonts.forText(treeText(cardTemplate(data))),
    onNodeDetected: (node) => {
      if (node.textContent === data.title) rows = { top: Math.floor(node.top), bottom: Math.ceil(node.top + node.height) };
    },
  });
  return rows;
}

describe('OG cards in other scripts', () => {
  it('loads only Inter for a Latin card, and the Arabic or Japanese font files only for cards in those scripts', () => {
    expect(fonts.forText(treeText(cardTemplate(card))).map((font) => font.name)).toEqual(['Inter', 'Inter']);
    const arabicFonts = new Set(fonts.forText(treeText(cardTemplate(arabic))).map((font) => font.name));
    expect([...arabicFonts]).toEqual(['Inter', 'IBM Plex Sans Arabic arabic']);
    const japaneseFonts = fonts.forText(treeText(cardTemplate(japanese)));
    expect(japaneseFonts.every((font) => font.name === 'Inter' || font.name.startsWith('Noto Sans JP '))).toBe(true);
    // Noto Sans JP comes in 120 slices; the card reads only the ones its 19 characters are in.
    expect(japaneseFonts.length).toBeLessThan(2 + 2 * 10);
  });

  it('draws an Arabic title, not missing-glyph boxes: the card differs from the same card drawn with Latin fonts only', async () => {
    const png = await renderCard(arabic, fonts);
    const boxes = await svgToPng(await satori(cardTemplate(arabic), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.inter, loadAdditionalAsset: async () => [] }));
    const rows = await titleRows(arabic);
    const [drawn, tofu] = await Promise.all([grey(png), grey(boxes)]);
    let differing = 0;
    for (let i = rows.top * CARD_WIDTH; i < rows.bottom * CARD_WIDTH; i++) if (drawn.data[i] !== tofu.data[i]) differing++;
    expect(differing).toBeGreaterThan(5000);
  });

  it('sets an Arabic title right to left: a short title ends at the right edge and leaves the left of the card empty', async () => {
    const short: CardData = { ...arabic, title: 'سياسة الخصوصية' };
    const rows = await titleRows(short);
    const ink = await inkColumns(await renderCard(short, fonts), rows.top, rows.bottom);
    expect(ink.right).toBeGreaterThan(CARD_WIDTH - 120);
    expect(ink.left).toBeGreaterThan(CARD_WIDTH / 3);
    const latin = await inkColumns(await renderCard({ ...card, title: 'Privacy' }, fonts), ...Object.values(await titleRows({ ...card, title: 'Privacy' })) as [number, number]);
    expect(latin.left).toBeLessThan(120);
  });

  it('draws the dots of Arabic letters: ي (yeh) and ى (alef maksura) give different cards', async () => {
    const [yeh, maksura] = await Promise.all([renderCard({ ...arabic, title: 'في' }, fonts), renderCard({ ...arabic, title: 'فى' }, fonts)]);
    expect(yeh.equals(maksura)).toBe(false);
  });

  it('draws a Japanese title with kanji and kana', async () => {
    const png = await renderCard(japanese, fonts);
    const rows = await titleRows(japanese);
    const ink = await inkColumns(png, rows.top, rows.bottom);
    expect(ink.right - ink.left).toBeGreaterThan(800);
  });

  it('draws Arabic without its optional vowel signs, which satori would misplace, and composes a decomposed accent', async () => {
    const [vocalised, plain] = await Promise.all([renderCard({ ...arabic, title: 'بَيَانَاتُكَ الشَّخْصِيَّةُ' }, fonts), renderCard({ ...arabic, title: 'بياناتك الشخصية' }, fonts)]);
    expect(vocalised.equals(plain)).toBe(true);
    const [decomposed, composed] = await Promise.all([renderCard({ ...card, title: 'Lumie\u0300re' }, fonts), renderCard({ ...card, title: 'Lumi\u00e8re' }, fonts)]);
    expect(decomposed.equals(composed)).toBe(true);
  });

  it('fails a card with a combining mark it cannot place', async () => {
    await expect(renderCard({ ...card, title: 'q\u0307 is not a precomposed letter' }, fonts)).rejects.toThrow(/U\+0307 .*combining mark/);
  });

  it('fails a card with a character no bundled font has, naming it, instead of drawing a box', async () => {
    await expect(renderCard({ ...card, title: 'Thai: ภาษา' }, fonts)).rejects.toThrow(/no bundled font has U\+0E20 "ภ"/);
    expect(fonts.uncovered('Privacy · 個人情報 · سياسة')).toEqual([]);
  });
});
