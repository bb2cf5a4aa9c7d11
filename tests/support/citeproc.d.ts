/** citeproc-js ships without type declarations; this covers what the citation tests use. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  class Engine {
    constructor(sys: Sys, style: string, lang?: string);
    updateItems(ids: string[]): void;
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    makeBibliography(): [{ bibliography_errors: unknown[] }, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
