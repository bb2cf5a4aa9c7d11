/**
 * The one OG card template: card data in, a satori element tree out. Pure, so
 * the same data always gives the same tree (and so the same PNG bytes). Text is
 * fitted with Inter's own advance widths, so a long title gets a smaller size
 * and, past three lines, is cut at a word boundary with an ellipsis instead of
 * running off the card.
 */
import { textDirection } from '../atlas/model/language.ts';
import type { Severity } from '../schema/common.ts';

/** Bump whenever the template's output changes, so every cached card is rendered again. */
export const TEMPLATE_VERSION = 2;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The family name the renderer registers the bundled Inter files under. */
export const CARD_FONT = 'Inter';

/** What the page behind a card is. */
export type CardKind = 'site' | 'platform' | 'document' | 'clause' | 'clause-type' | 'regulation';

/** Everything a card shows; the cache key is a hash of this, the template version and the fonts. */
export interface CardData {
  kind: CardKind;
  title: string;
  /** One short line under the title: the clause type, the document type, a clause type's family. */
  subtitle?: string;
  /** Name of the platform the page is about. */
  platform?: string;
  severity?: Severity;
  /** Permanent record ID, e.g. `CA-P-000012`. */
  recordId?: string;
  siteName: string;
  /** The site's host name, printed as the card's address line, e.g. `clauseatlas.org`. */
  siteHost: string;
}

/** A satori element: the same shape as a React element, built without React. */
export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardNode | CardNode[] } & Record<string, unknown>;
}
export type CardNode = CardElement | string;

const kindLabel: Record<CardKind, string | undefined> = {
  site: undefined,
  platform: 'Platform',
  document: 'Policy document',
  clause: 'Clause',
  'clause-type': 'Clause type',
  regulation: 'Regulation',
};

// Colours follow the site's light theme (src/styles/site.css); every text pair passes WCAG AA.
const colour = {
  background: '#fbfaf7',
  text: '#1b1d21',
  muted: '#50555d',
  rule: '#d9d4c9',
  accent: '#1a4fa0',
};
const severityColour: Record<Severity, { bar: string; background: string; text: string }> = {
  high: { bar: '#c0392b', background: '#fde3df', text: '#8b1a10' },
  medium: { bar: '#c98a0b', background: '#fcefcb', text: '#6a4500' },
  low: { bar: '#3c8d52', background: '#dff0e3', text: '#1b5a2a' },
};
const severityDots: Record<Severity, number> = { low: 1, medium: 2, high: 3 };

const stripe = 18;
const padX = 72;
const padY = 60;
/** Width every text line has, with a little slack because kerning is not modelled. */
const textWidth = (CARD_WIDTH - stripe - 2 * padX) * 0.96;

// Advance widths of Inter (fontsource latin files) for U+0020–U+007E, in thousandths of an em.
const regularAdvances = [
  281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610, 618, 646, 593, 620, 566, 619, 620, 288, 302, 662, 662,
  662, 511, 966, 690, 654, 730, 722, 601, 590, 746, 743, 269, 571, 672, 565, 903, 753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682, 679, 629, 365,
  360, 365, 471, 456, 323, 562, 612, 571, 612, 583, 370, 613, 591, 242, 242, 549, 242, 876, 591, 600, 612, 612, 376, 528, 327, 591, 562, 818, 546, 562,
  552, 426, 333, 426, 662,
];
const boldAdvances = [
  237, 338, 552, 649, 655, 1016, 672, 339, 377, 377, 559, 679, 334, 468, 334, 388, 674, 431, 630, 646, 676, 622, 649, 582, 651, 649, 334, 343, 679, 679,
  679, 560, 1016, 747, 662, 740, 722, 607, 587, 750, 747, 281, 584, 719, 565, 932, 762, 771, 648, 777, 657, 655, 667, 732, 747, 1038, 738, 731, 664, 377,
  388, 377, 487, 476, 365, 581, 630, 588, 630, 596, 398, 632, 623, 271, 271, 580, 271, 913, 623, 613, 630, 630, 407, 560, 366, 623, 600, 850, 580, 602,
  573, 469, 372, 469, 679,
];
/** Characters outside the table (curly quotes, dashes, letters with accents) count as wide, so text errs short. */
const otherAdvance = 1020;

type Weight = 400 | 700;

/** Width of `text` in ems. */
function measure(text: string, weight: Weight): number {
  const table = weight === 700 ? boldAdvances : regularAdvances;
  let thousandths = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    thousandths += table[code - 32] ?? otherAdvance;
  }
  return thousandths / 1000;
}

/** Splits a word wider than a line into line-wide pieces, as `word-break: break-word` does. */
function pieces(word: string, size: number, weight: Weight, width: number): string[] {
  if (measure(word, weight) * size <= width) return [word];
  const parts: string[] = [];
  let part = '';
  for (const char of word) {
    if (part && measure(part + char, weight) * size > width) {
      parts.push(part);
      part = '';
    }
    part += char;
  }
  return [...parts, part];
}

/** Breaks `text` into lines no wider than `width` pixels, the way a browser wraps at spaces. */
function wrap(text: string, size: number, weight: Weight, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').flatMap((w) => pieces(w, size, weight, width))) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, weight) * size > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Shortens `text` to at most `maxLines` lines, cutting at the last word that
 * fits and adding an ellipsis. A single word longer than a line is cut mid-word.
 */
export function clampText(text: string, size: number, weight: Weight, maxLines: number, width = textWidth): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const lines = wrap(clean, size, weight, width);
  if (lines.length <= maxLines) return clean;
  const words = clean.split(' ');
  for (let count = words.length - 1; count > 0; count--) {
    const candidate = `${words.slice(0, count).join(' ').replace(/[\s,;:.\-–—(]+$/, '')}…`;
    if (wrap(candidate, size, weight, width).length <= maxLines) return candidate;
  }
  // Not even the first word fits: cut it by characters.
  const first = words[0] ?? '';
  let end = first.length;
  while (end > 1 && measure(`${first.slice(0, end)}…`, weight) * size > width * maxLines) end--;
  return `${first.slice(0, end)}…`;
}

/** Title sizes, largest first; the first size at which the whole title fits is used. */
const titleSteps: ReadonlyArray<{ size: number; lines: number }> = [
  { size: 80, lines: 2 },
  { size: 68, lines: 2 },
  { size: 60, lines: 3 },
  { size: 52, lines: 3 },
];

/** The title's font size and text, shortened only when it does not fit at the smallest size. */
export function fitTitle(title: string): { size: number; text: string } {
  const clean = title.replace(/\s+/g, ' ').trim();
  for (const step of titleSteps) {
    if (wrap(clean, step.size, 700, textWidth).length <= step.lines) return { size: step.size, text: clean };
  }
  const smallest = titleSteps.at(-1) ?? { size: 52, lines: 3 };
  return { size: smallest.size, text: clampText(clean, smallest.size, 700, smallest.lines) };
}

const subtitleSize = 32;
const eyebrowSize = 26;
const chromeSize = 28;

function el(type: string, style: Record<string, string | number>, children?: CardNode | CardNode[]): CardElement {
  return { type, props: children === undefined ? { style } : { style, children } };
}

function severityBadge(severity: Severity): CardElement {
  const c = severityColour[severity];
  const dots = [1, 2, 3].map((n) =>
    el('div', {
      width: 16,
      height: 16,
      borderRadius: 8,
      marginRight: 6,
      border: `2px solid ${c.text}`,
      backgroundColor: n <= severityDots[severity] ? c.text : 'transparent',
    }),
  );
  const label = `${severity.charAt(0).toUpperCase()}${severity.slice(1)} severity`;
  return el('div', { display: 'flex', alignItems: 'center', backgroundColor: c.background, borderRadius: 999, padding: '12px 26px 12px 22px' }, [
    el('div', { display: 'flex', marginRight: 8 }, dots),
    el('div', { fontSize: chromeSize, fontWeight: 700, color: c.text }, label),
  ]);
}

/**
 * Arabic vowel signs and Quranic annotation marks (harakat, shadda, sukun,
 * superscript alef: U+064B–U+065F, U+0670, U+06D6–U+06ED). Satori (0.63) sets
 * combining marks in the wrong place, and Arabic is normally written without
 * these optional signs, so a card draws the unvocalised spelling.
 */
const ARABIC_VOWEL_SIGNS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/gu;

/**
 * `text` as a card draws it: composed (NFC), so a letter and its accent typed
 * as two code points become the one precomposed letter the fonts have, and
 * without Arabic vowel signs. Any combining mark left is refused by
 * CardFonts#uncovered, since satori cannot place it.
 */
export function drawableText(text: string): string {
  return text.normalize('NFC').replace(ARABIC_VOWEL_SIGNS, '');
}

/** The card for `data` as a satori element tree of CARD_WIDTH × CARD_HEIGHT. */
export function cardTemplate(card: CardData): CardElement {
  const data: CardData = {
    ...card,
    title: drawableText(card.title),
    siteName: drawableText(card.siteName),
    ...(card.platform !== undefined && { platform: drawableText(card.platform) }),
    ...(card.subtitle !== undefined && { subtitle: drawableText(card.subtitle) }),
  };
  const title = fitTitle(data.title);
  const eyebrowText = [data.platform, kindLabel[data.kind]].filter((part): part is string => Boolean(part)).join('  ·  ');
  const eyebrow = eyebrowText ? clampText(eyebrowText.toUpperCase(), eyebrowSize, 700, 1, textWidth * 0.85) : undefined;
  const subtitle = data.subtitle ? clampText(data.subtitle, subtitleSize, 400, 2) : undefined;
  const barColour = data.severity ? severityColour[data.severity].bar : colour.accent;

  const header = el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
    el('div', { display: 'flex', alignItems: 'center' }, [
      el('div', { width: 30, height: 30, borderRadius: 6, backgroundColor: colour.accent, marginRight: 16 }),
      el('div', { fontSize: chromeSize + 2, fontWeight: 700, color: colour.text }, clampText(data.siteName, chromeSize + 2, 700, 1, textWidth * 0.55)),
    ]),
    ...(data.recordId ? [el('div', { fontSize: chromeSize, color: colour.muted, letterSpacing: 1 }, data.recordId)] : []),
  ]);

  const body = el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, [
    ...(eyebrow ? [el('div', { fontSize: eyebrowSize, fontWeight: 700, color: colour.accent, letterSpacing: 2, marginBottom: 18 }, eyebrow)] : []),
    // A title or subtitle in a right-to-left script is set right to left, aligned to the right edge.
    el('div', { fontSize: title.size, fontWeight: 700, color: colour.text, lineHeight: 1.12, letterSpacing: -0.5, wordBreak: 'break-word', direction: textDirection(title.text) }, title.text),
    ...(subtitle ? [el('div', { fontSize: subtitleSize, color: colour.muted, lineHeight: 1.3, marginTop: 22, wordBreak: 'break-word', direction: textDirection(subtitle) }, subtitle)] : []),
  ]);

  const footer = el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderTop: `2px solid ${colour.rule}`, paddingTop: 26 }, [
    data.severity ? severityBadge(data.severity) : el('div', { display: 'flex' }),
    el('div', { fontSize: chromeSize, fontWeight: 700, color: colour.muted }, data.siteHost),
  ]);

  return el('div', { display: 'flex', width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: colour.background, fontFamily: CARD_FONT }, [
    el('div', { width: stripe, flexShrink: 0, height: CARD_HEIGHT, backgroundColor: barColour }),
    el('div', { display: 'flex', flexDirection: 'column', width: CARD_WIDTH - stripe, padding: `${padY}px ${padX}px` }, [header, body, footer]),
  ]);
}
