/**
 * Renders one OG card: the template's element tree → SVG with satori (text
 * drawn as paths, so the SVG needs no fonts) → pixels with resvg → PNG with
 * sharp. Fonts come from the @fontsource/inter package, never from the network.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import { CARD_FONT, CARD_HEIGHT, CARD_WIDTH, TEMPLATE_VERSION, cardTemplate, type CardData } from './card.ts';

const require = createRequire(import.meta.url);

/** The bundled font files (satori reads WOFF, not WOFF2). */
const fontFiles = [
  { weight: 400, path: require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff') },
  { weight: 700, path: require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff') },
] as const;

export type CardFonts = Font[];

/** Reads the font files; done once per process or worker. */
export function loadFonts(): CardFonts {
  return fontFiles.map(({ weight, path }) => ({ name: CARD_FONT, weight, style: 'normal', data: readFileSync(path) }));
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
    fonts: fonts.map((font) => `${font.weight}:${createHash('sha256').update(Buffer.from(font.data as ArrayBuffer)).digest('hex')}`),
    satori: (require('satori/package.json') as { version: string }).version,
    resvg: (require('@resvg/resvg-js/package.json') as { version: string }).version,
    sharp: sharp.versions.sharp ?? 'unknown',
    vips: sharp.versions.vips,
  };
}

/** The card as an SVG document. */
export function renderSvg(card: CardData, fonts: CardFonts): Promise<string> {
  return satori(cardTemplate(card), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
}

/**
 * zlib level of the PNGs. Measured per card on this machine: level 6 encodes
 * in ~11 ms; level 3 saved ~3 ms for a 10% larger file, level 1 ~6 ms for 55%
 * larger, and level 9 took several times longer. A quantised palette would be
 * smaller still but slower, and blotches the anti-aliased text.
 */
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
