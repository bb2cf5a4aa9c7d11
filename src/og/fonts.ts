/**
 * The fonts an OG card draws with, all from npm (@fontsource), never from the
 * network. Inter draws Latin text, as before, and is always loaded. Other
 * scripts come from families split by fontsource into subsets, each with the
 * Unicode range its `unicode.json` lists; a card loads only the subsets its own
 * text falls in, so a Latin card reads no other font file and stays as fast as
 * before, and a Japanese card reads a few of Noto Sans JP's 120 slices.
 *
 * Arabic uses IBM Plex Sans Arabic, not Noto Sans Arabic: satori (0.63) shapes
 * Arabic with harfbuzz and lays it out right to left, but drops or misplaces
 * mark glyphs, and the Noto Arabic fonts draw the dots of ي and ة as marks,
 * which turned ي into ى on the card. IBM Plex Sans Arabic draws the dots in the
 * letters' own glyphs (checked by tests/unit/og-scripts.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'satori';
import { CARD_FONT } from './card.ts';

const require = createRequire(import.meta.url);

type Weight = 400 | 700;
const WEIGHTS: readonly Weight[] = [400, 700];

/** A fontsource family that fills in for the scripts Inter lacks. */
interface Fallback {
  /** Family name registered with satori. */
  name: string;
  /** npm package, e.g. `@fontsource/noto-sans-jp`. */
  pkg: string;
  /** File stem inside the package's `files/`, e.g. `noto-sans-jp`. */
  stem: string;
  /** Subsets to use; every one of the package's subsets when omitted. */
  subsets?: readonly string[];
}

/** Fallback families, tried in this order after Inter. */
const FALLBACKS: readonly Fallback[] = [
  { name: 'IBM Plex Sans Arabic', pkg: '@fontsource/ibm-plex-sans-arabic', stem: 'ibm-plex-sans-arabic', subsets: ['arabic'] },
  { name: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp', stem: 'noto-sans-jp' },
];

/** One subset file pair (regular and bold) with the code points it covers, as inclusive ranges. */
interface Subset {
  /** Name registered with satori, e.g. `Noto Sans JP 114`. */
  family: string;
  files: Record<Weight, string>;
  ranges: Array<[number, number]>;
}

/** Parses a CSS unicode-range list such as `U+0600-06FF,U+FB50`. */
export function parseUnicodeRange(list: string): Array<[number, number]> {
  return list.split(',').map((part) => {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match?.[1]) throw new Error(`src/og/fonts.ts unicode range: expected U+XXXX or U+XXXX-YYYY, found ${JSON.stringify(part)}`);
    const from = Number.parseInt(match[1], 16);
    return [from, match[2] ? Number.parseInt(match[2], 16) : from];
  });
}

function subsetsOf(fallback: Fallback): Subset[] {
  const ranges = JSON.parse(readFileSync(require.resolve(`${fallback.pkg}/unicode.json`), 'utf8')) as Record<string, string>;
  return Object.entries(ranges)
    .filter(([subset]) => !fallback.subsets || fallback.subsets.includes(subset))
    .map(([subset, list]) => {
      const key = subset.replace(/^\[(\d+)\]$/, '$1');
      const file = (weight: Weight) => require.resolve(`${fallback.pkg}/files/${fallback.stem}-${key}-${weight}-normal.woff`);
      // Satori keeps one font per name and weight, so each subset gets a name of its own.
      return { family: `${fallback.name} ${key}`, files: { 400: file(400), 700: file(700) }, ranges: parseUnicodeRange(list) };
    });
}

const covers = (subset: Subset, code: number) => subset.ranges.some(([from, to]) => code >= from && code <= to);

/** Inter's regular and bold Latin files (satori reads WOFF, not WOFF2). */
const interFiles: Record<Weight, string> = {
  400: require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff'),
  700: require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff'),
};
const interRanges = parseUnicodeRange((JSON.parse(readFileSync(require.resolve('@fontsource/inter/unicode.json'), 'utf8')) as Record<string, string>)['latin'] ?? '');

/**
 * The fonts of one process or worker: Inter read at once, fallback subsets
 * read the first time a card needs them and kept.
 */
export class CardFonts {
  readonly inter: Font[];
  private readonly subsets: Subset[];
  private readonly loaded = new Map<string, Font>();

  constructor() {
    this.inter = WEIGHTS.map((weight) => ({ name: CARD_FONT, weight, style: 'normal', data: readFileSync(interFiles[weight]) }));
    this.subsets = FALLBACKS.flatMap(subsetsOf);
  }

  /** The fonts for `text`: Inter, then each fallback subset that covers a character of it Inter does not. */
  forText(text: string): Font[] {
    const needed = new Set<Subset>();
    for (const char of text) {
      const code = char.codePointAt(0) ?? 0;
      if (interRanges.some(([from, to]) => code >= from && code <= to)) continue;
      const subset = this.subsets.find((candidate) => covers(candidate, code));
      if (subset) needed.add(subset);
    }
    const extra = [...needed].flatMap((subset) => WEIGHTS.map((weight) => this.load(subset, weight)));
    return [...this.inter, ...extra];
  }

  /**
   * The characters of `text` no font claims, or combining marks, as `U+XXXX "c"` strings;
   * whitespace and format controls are skipped. Satori's own check of the
   * loaded glyphs is the final word (see render.ts); this one names the
   * characters before anything is drawn.
   */
  uncovered(text: string): string[] {
    const missing = new Set<string>();
    for (const char of text) {
      if (/[\s\p{Cc}\p{Cf}]/u.test(char)) continue;
      const code = char.codePointAt(0) ?? 0;
      // Satori misplaces combining marks (see drawableText in card.ts), so one that is left is refused.
      if (/\p{Mn}/u.test(char)) {
        missing.add(`U+${code.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(char)} (a combining mark satori cannot place)`);
        continue;
      }
      if (interRanges.some(([from, to]) => code >= from && code <= to) || this.subsets.some((subset) => covers(subset, code))) continue;
      missing.add(`U+${code.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(char)}`);
    }
    return [...missing];
  }

  private load(subset: Subset, weight: Weight): Font {
    const path = subset.files[weight];
    let font = this.loaded.get(path);
    if (!font) {
      font = { name: subset.family, weight, style: 'normal', data: readFileSync(path) };
      this.loaded.set(path, font);
    }
    return font;
  }

  /**
   * What identifies the fonts for the cache key: Inter's bytes and each
   * fallback package's name and version (a new version may draw differently).
   */
  fingerprint(): string[] {
    return [
      ...this.inter.map((font) => `${font.weight}:${createHash('sha256').update(Buffer.from(font.data as ArrayBuffer)).digest('hex')}`),
      ...FALLBACKS.map((fallback) => `${fallback.pkg}@${(require(`${fallback.pkg}/package.json`) as { version: string }).version}`),
    ];
  }
}
