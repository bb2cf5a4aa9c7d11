/**
 * Renders one OG card: the template's element tree → SVG with satori (text
 * drawn as paths, so the SVG needs no fonts) → pixels with resvg → PNG with
 * sharp. Fonts come from @fontsource packages (see fonts.ts), never from the
 * network. A card whose text has a character no loaded font draws fails with
 * an error naming it, so no card ever shows a missing-glyph box.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, TEMPLATE_VERSION, cardTemplate, type CardData, type CardNode } from './card.ts';
import { CardFonts } from './fonts.ts';

const require = createRequire(import.meta.url);

export { CardFonts };

/** The fonts of a process or worker: Inter read now, other scripts' fonts when a card first needs them. */
export function loadFonts(): CardFonts {
  return new CardFonts();
}

/**
 * Everything besides the card data that decides a card's pixels: template
 * version, size, the fonts' bytes and the renderers' versions. It is part of
 * every cache key, so changing any of them renders every card again.
 */
export interface RenderFingerprint {
  template: number;
  size: string;
  png: string;
  fonts: string[];
  satori: string;
  resvg: string;
  sharp: string;
  vips: string;
}

export function renderFingerprint(fonts: CardFonts): RenderFingerprint {
  return {
    template: TEMPLATE_VERSION,
    size: `${CARD_WIDTH}x${CARD_HEIGHT}`,
    png: `zlib-${PNG_COMPRESSION}`,
    fonts: fonts.fingerprint(),
    satori: (require('satori/package.json') as { version: string }).version,
    resvg: (require('@resvg/resvg-js/package.json') as { version: string }).version,
    sharp: sharp.versions.sharp ?? 'unknown',
    vips: sharp.versions.vips,
  };
}

/** Every string the element tree draws, joined by newlines. */
export function treeText(node: CardNode | CardNode[] | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(treeText).join('\n');
  return treeText(node.props.children);
}

/**
 * The card as an SVG document. Throws, naming the card and the characters,
 * when its text has a character no bundled font claims, or one satori finds
 * no glyph for in the fonts loaded (its `loadAdditionalAsset` is asked then).
 */
export function renderSvg(card: CardData, fonts: CardFonts): Promise<string> {
  const tree = cardTemplate(card);
  const text = treeText(tree);
  const fail = (what: string) => new Error(`OG card "${card.title}" (${card.kind}): ${what}; add a font for that script to src/og/fonts.ts`);
  const missing = fonts.uncovered(text);
  if (missing.length) return Promise.reject(fail(`no bundled font has ${missing.join(', ')}`));
  return satori(tree, {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: fonts.forText(text),
    loadAdditionalAsset: (code, segment) => Promise.reject(fail(`no glyph for ${JSON.stringify(segment)} (satori language code ${code})`)),
  });
}

/** zlib level of the PNGs: the balance of time and size measured in docs/decisions/0004-og-worker-pool.md. */
const PNG_COMPRESSION = 6;

/**
 * Rasterises an SVG to an RGB PNG. resvg draws satori's paths in about half
 * the time librsvg (sharp's SVG input) took, and sharp's PNG encoder is faster
 * than resvg's own. The card is opaque, so the alpha channel is dropped.
 */
export function svgToPng(svg: string): Promise<Buffer> {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: PNG_COMPRESSION })
    .toBuffer();
}

/** Renders one card to PNG bytes. */
export async function renderCard(card: CardData, fonts: CardFonts): Promise<Buffer> {
  return svgToPng(await renderSvg(card, fonts));
}
