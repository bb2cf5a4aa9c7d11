/** Language tags to `lang`/`dir` attributes and to search index languages (src/atlas/model/language.ts). */
import { describe, expect, it } from 'vitest';
import { fieldLangAttributes, langAttributes, languageDirection, searchIndexLanguage, textDirection } from '../../src/atlas/model/language.ts';

describe('language and direction', () => {
  it('knows the right-to-left languages, with or without a region or script subtag', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG', 'yi'].map(languageDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'de', 'fr', 'ja', 'zh-Hant', 'tr'].map(languageDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });

  it('reads a tag Intl rejects by its language subtag instead of failing the build', () => {
    expect(languageDirection('ar-x1')).toBe('rtl');
    expect(searchIndexLanguage('ja-a1')).toBe('ja');
    expect(langAttributes('de-1996-1996')).toEqual({ lang: 'de-1996-1996' });
  });

  it('gives no attributes for the site language, lang for others, and dir only for right-to-left ones', () => {
    expect(langAttributes('en')).toEqual({});
    expect(langAttributes('de')).toEqual({ lang: 'de' });
    expect(langAttributes('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('marks a contributed field with the document language only when it is written in a script English does not use', () => {
    expect(fieldLangAttributes('تدريب الذكاء الاصطناعي', 'ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(fieldLangAttributes('個人情報を第三者に提供', 'ja')).toEqual({ lang: 'ja' });
    expect(fieldLangAttributes('AI training on your data', 'ar')).toEqual({});
    expect(fieldLangAttributes('Datenschutzerklärung', 'de')).toEqual({});
    // An Arabic title on an English document: no language to name, but still right to left.
    expect(fieldLangAttributes('واحة', 'en')).toEqual({ dir: 'rtl' });
  });

  it('sets direction by the first letter, as dir="auto" does', () => {
    expect(textDirection('«سياسة» Privacy')).toBe('rtl');
    expect(textDirection('Privacy سياسة')).toBe('ltr');
    expect(textDirection('2024')).toBe('ltr');
  });

  it('indexes languages written without spaces in their own index, the others in the site language', () => {
    expect(['ja', 'zh-Hans', 'th', 'ar', 'de', 'fr', 'en'].map(searchIndexLanguage)).toEqual(['ja', 'zh', 'th', 'en', 'en', 'en', 'en']);
  });
});
