/**
 * Language and writing direction of the text a page shows. The site, its
 * analysis and its chrome are in English (SITE_LANGUAGE); a document's own
 * words (quotes, snapshot text) are in the document's `language`, a BCP 47 tag.
 */

/** The language the atlas writes its analysis and pages in. */
export const SITE_LANGUAGE = 'en';

/**
 * Languages written right to left, for runtimes without `Intl.Locale#getTextInfo`
 * or `#textInfo` (both from the TC39 Intl Locale Info proposal): the languages
 * whose usual script is Arabic, Hebrew, Syriac, Thaana, N'Ko or Adlam.
 */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ff-Adlm', 'he', 'iw', 'ks', 'ku-Arab', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

type LocaleWithInfo = Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };

/**
 * The locale of `tag`. The document schema checks only the tag's shape, so a
 * tag Intl rejects (e.g. `en-a1`, a repeated variant) is read by its language
 * subtag alone, which the shape check guarantees is two or three letters.
 */
function localeOf(tag: string): LocaleWithInfo {
  try {
    return new Intl.Locale(tag);
  } catch {
    return new Intl.Locale(tag.split('-')[0] ?? 'und');
  }
}

/** `rtl` or `ltr` for a BCP 47 tag, from the runtime's locale data when it has it (a script subtag such as `-Arab` counts). */
export function languageDirection(tag: string): 'ltr' | 'rtl' {
  const locale = localeOf(tag);
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  const maximal = locale.maximize();
  return RTL_LANGUAGES.has(locale.language) || RTL_LANGUAGES.has(`${locale.language}-${maximal.script ?? ''}`) ? 'rtl' : 'ltr';
}

/** Letters of the right-to-left scripts (Unicode Script property). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

/** Direction of `text` by its first letter, as the HTML `dir="auto"` rule decides it; `ltr` when it has no letter. */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first && RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}

/** HTML attributes for text in language `tag` on a page in the site language: none when it is the site language, else `lang` and, for a right-to-left language, `dir`. */
export function langAttributes(tag: string): { lang?: string; dir?: 'rtl' } {
  if (tag.toLowerCase() === SITE_LANGUAGE) return {};
  return languageDirection(tag) === 'rtl' ? { lang: tag, dir: 'rtl' } : { lang: tag };
}

/**
 * Attributes for a field a contributor writes (a clause title or summary, a
 * document title, a platform name) about a document in language `tag`. These
 * are written in English by the contributing guide, but may be given in the
 * document's own words; a field written in a script English does not use (any
 * letter outside Latin) is taken to be in the document's language. A field in
 * Latin letters stays English: German and French titles cannot be told apart
 * from English by their letters, and English is what the guide asks for.
 */
export function fieldLangAttributes(text: string, tag: string): { lang?: string; dir?: 'rtl' } {
  const foreign = /\p{L}/u.test(text) && [...text].some((char) => /\p{L}/u.test(char) && !/\p{Script=Latin}/u.test(char));
  if (!foreign) return {};
  return langAttributes(tag).lang ? langAttributes(tag) : textDirection(text) === 'rtl' ? { dir: 'rtl' } : {};
}

/**
 * Languages written without spaces between words, which a search index must
 * split into words with a dictionary (Pagefind does so for a page indexed in
 * one of them): Chinese, Japanese, Thai, Lao, Khmer, Burmese.
 */
const UNSPACED_LANGUAGES = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);

/**
 * The language a page about a document in language `tag` is indexed in for
 * search: the document's own for a language written without spaces, so its
 * words are segmented at indexing and in queries; the site language otherwise.
 * The search page merges every language's index into the site language's, and
 * Pagefind (1.6) stems queries to a merged index with the site language's
 * stemmer, so a language indexed with a stemmer of its own (Arabic, German,
 * French) would miss inflected words; indexed with the site's, the same
 * stemmer treats both ends alike and leaves non-Latin words whole.
 */
export function searchIndexLanguage(tag: string): string {
  const language = localeOf(tag).language;
  return UNSPACED_LANGUAGES.has(language) ? language : SITE_LANGUAGE;
}
