/*
 * The search page's script: runs searches with Pagefind's JS API, lists the
 * filters as checkbox groups with live counts once the Filters panel is
 * opened (their files would otherwise be the largest part of a first
 * search), loads the details of only the results shown (a batch at a time),
 * and keeps the query, filters and sort order in the URL (replaceState) so
 * a search can be shared and reloaded. When Pagefind answered other words than
 * those typed (a stem, the start of a longer word), the summary says which.
 * Every node is built with textContent;
 * Pagefind's excerpt is reduced to text and <mark> before it is shown.
 */

import { resultContext, resultSummary } from './search-results.ts';

type Filters = Record<string, string[]>;
type FilterCounts = Record<string, Record<string, number>>;
type Sort = Record<string, 'asc' | 'desc'>;

/** The part of Pagefind's JS API (pagefind.js, 1.x) this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResponse {
  results: Array<{ data(): Promise<PagefindResultData> }>;
  filters: FilterCounts;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options: { filters: Filters; sort: Sort }): Promise<PagefindResponse>;
  debouncedSearch(term: string | null, options: { filters: Filters; sort: Sort }, wait: number): Promise<PagefindResponse | null>;
}

/** Served by the build's Pagefind bundle, not by Vite: a variable keeps the bundler off it. */
const PAGEFIND = '/pagefind/pagefind.js';
const BATCH = 10;
const DEBOUNCE_MS = 250;

const root = document.querySelector<HTMLElement>('[data-search]');
/** Index languages besides the site's, from the build (search.astro). */
const indexLanguages = JSON.parse(root?.dataset['indexLanguages'] ?? '[]') as string[];
const form = root?.querySelector('form');
const input = root?.querySelector<HTMLInputElement>('#search-q');
const sortSelect = root?.querySelector<HTMLSelectElement>('#search-sort');
const summary = root?.querySelector<HTMLElement>('[data-summary]');
const sortNote = root?.querySelector<HTMLElement>('[data-sort-note]');
const list = root?.querySelector<HTMLOListElement>('[data-results]');
const more = root?.querySelector<HTMLButtonElement>('[data-more]');
const panel = root?.querySelector<HTMLDetailsElement>('[data-filter-panel]');

if (root && form && input && sortSelect && summary && sortNote && list && more && panel) {
  const filterParams: Array<{ name: string; param: string }> = JSON.parse(root.dataset['filters'] ?? '[]');
  const groups = new Map([...root.querySelectorAll<HTMLFieldSetElement>('fieldset[data-filter]')].map((group) => [group.dataset['filter'] ?? '', group]));

  const sortFrom = (value: string): Sort => {
    const match = /^(first-seen|last-changed)-(asc|desc)$/.exec(value);
    return match ? { [match[1]!]: match[2] as 'asc' | 'desc' } : {};
  };

  // The state the URL starts with; the controls hold it from then on.
  const params = new URLSearchParams(location.search);
  input.value = params.get('q')?.trim() ?? '';
  const initialFilters: Filters = {};
  for (const { name, param } of filterParams) {
    const values = params.getAll(param).filter(Boolean);
    if (values.length) initialFilters[name] = values;
  }
  const sort = params.get('sort') ?? '';
  sortSelect.value = Object.keys(sortFrom(sort)).length ? sort : '';

  const selectedFilters = (): Filters => {
    const selected: Filters = {};
    for (const box of root.querySelectorAll<HTMLInputElement>('.search-filter input:checked')) (selected[box.name] ??= []).push(box.value);
    return selected;
  };

  const writeUrl = (term: string, filters: Filters) => {
    const next = new URLSearchParams();
    if (term) next.set('q', term);
    for (const { name, param } of filterParams) for (const value of filters[name] ?? []) next.append(param, value);
    if (sortSelect.value) next.set('sort', sortSelect.value);
    const search = next.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  };

  /** One checkbox per filter value, in alphabetical order, with the count of pages that have it. */
  const renderFilters = (available: FilterCounts, checked: Filters) => {
    for (const [name, group] of groups) {
      const options = group.querySelector('.search-filter__options');
      const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b));
      if (!options || !values.length) continue;
      for (const value of values) {
        const label = document.createElement('label');
        label.className = 'search-filter__option';
        label.dataset['value'] = value;
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = checked[name]?.includes(value) ?? false;
        const text = document.createElement('span');
        text.className = 'search-filter__value';
        text.textContent = value;
        const count = document.createElement('span');
        count.className = 'search-filter__count';
        label.append(box, text, count);
        options.append(label);
      }
      group.hidden = false;
    }
  };

  /** Counts for the current search; values with no matching page are hidden unless checked. */
  const updateCounts = (counts: FilterCounts) => {
    for (const [name, group] of groups) {
      let shown = 0;
      for (const label of group.querySelectorAll<HTMLLabelElement>('.search-filter__option')) {
        const count = counts[name]?.[label.dataset['value'] ?? ''] ?? 0;
        const checked = label.querySelector('input')?.checked ?? false;
        label.hidden = count === 0 && !checked;
        const countText = label.querySelector('.search-filter__count');
        if (countText) countText.textContent = String(count);
        if (!label.hidden) shown++;
      }
      group.hidden = shown === 0;
    }
  };

  /** Pagefind's excerpt is text with <mark> around matched words: keep exactly that, nothing else. */
  const excerptNodes = (excerpt: string): Node[] => {
    // DOMParser's document is inert (no scripts run, nothing loads); only its text and <mark> survive.
    const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html').body;
    return [...parsed.childNodes].map((node) => {
      if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    });
  };

  /** Only same-site or http(s) addresses become links. */
  const safeHref = (raw: string): string | undefined => {
    try {
      const url = new URL(raw, location.origin);
      return url.protocol === 'https:' || url.protocol === 'http:' ? (url.origin === location.origin ? `${url.pathname}${url.search}${url.hash}` : url.href) : undefined;
    } catch {
      return undefined;
    }
  };

  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>) => {
    const node = document.createElement(tag);
    node.className = className;
    node.append(...children);
    return node;
  };

  /** One result: what it is and where, the title, its severity, and the excerpt with the matched words marked. */
  const resultItem = ({ url, excerpt, meta }: PagefindResultData): HTMLLIElement => {
    const context = element('p', 'search-result__context');
    resultContext(meta).forEach((part, i) => {
      if (i > 0) context.append(element('span', 'search-result__separator', ' · '));
      context.append(part === meta['record_id'] ? element('span', 'search-result__id', part) : part);
    });
    const link = element('a', 'search-result__link', meta['title'] ?? url);
    const href = safeHref(meta['url'] ?? url);
    if (href) link.href = href;
    const item = element('li', 'search-result', context, element('p', 'search-result__title', link));
    const severity = meta['severity'];
    if (severity) {
      const badge = element('span', `badge badge--${severity.replace(/[^a-z-]/g, '')}`, element('span', 'search-result__level', severity), ' severity');
      item.append(element('p', 'search-result__severity', badge));
    }
    if (excerpt) item.append(element('p', 'search-result__excerpt', ...excerptNodes(excerpt)));
    return item;
  };

  let pagefind: Pagefind | undefined;
  let filtersShown: Promise<void> | undefined;
  let searchId = 0; // the latest search started
  let shownId = 0; // the search whose results are on screen
  let pending: PagefindResponse['results'] = []; // its results not shown yet

  const load = (batch: PagefindResponse['results']) => Promise.all(batch.map((result) => result.data()));

  /** Shows the next batch of the results on screen, unless another search has replaced them meanwhile. */
  const showMore = async () => {
    const id = shownId;
    const batch = pending.slice(0, BATCH);
    pending = pending.slice(BATCH);
    const items = (await load(batch)).map(resultItem);
    if (id !== shownId) return;
    const first = list.children.length;
    list.append(...items);
    more.hidden = pending.length === 0;
    list.children[first]?.querySelector('a')?.focus();
  };

  const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const say = (message: string, failed = false) => {
    summary.textContent = message;
    summary.classList.toggle('search__summary--error', failed);
  };

  /** Runs the search the controls describe (at once, or after typing pauses) and shows its first batch. */
  const run = async (wait: boolean) => {
    if (!pagefind) return;
    const id = ++searchId;
    const term = input.value.trim();
    const filters = selectedFilters();
    sortNote.hidden = !sortSelect.value;
    // With no query the filters alone list matching pages, so the page opens on everything.
    const options = { filters, sort: sortFrom(sortSelect.value) };
    try {
      const response = wait ? await pagefind.debouncedSearch(term || null, options, DEBOUNCE_MS) : await pagefind.search(term || null, options);
      if (!response || id !== searchId) return;
      const total = response.results.length;
      const data = await load(response.results.slice(0, BATCH));
      if (id !== searchId) return;
      shownId = id;
      pending = response.results.slice(BATCH);
      list.replaceChildren(...data.map(resultItem));
      more.hidden = pending.length === 0;
      // The URL and the counts describe the search whose results are on screen.
      writeUrl(term, filters);
      updateCounts(response.filters);
      say(resultSummary(term, total, data.map((d) => d.excerpt)));
    } catch (error) {
      if (id === searchId) say(`Search failed: ${messageOf(error)}. Try reloading the page.`, true);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(false);
  });
  input.addEventListener('input', () => void run(true));
  sortSelect.addEventListener('change', () => void run(false));
  root.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox') void run(false);
  });
  more.addEventListener('click', () => {
    showMore().catch((error: unknown) => say(`Loading more results failed: ${messageOf(error)}.`, true));
  });

  /** Loads the filter lists once, on the first call, and shows them as checkboxes. */
  const showFilters = (engine: Pagefind) => (filtersShown ??= engine.filters().then((available) => renderFilters(available, initialFilters)));

  panel.addEventListener('toggle', () => {
    if (!panel.open || !pagefind) return;
    // A search after loading brings the counts for the current query.
    showFilters(pagefind)
      .then(() => run(false))
      .catch((error: unknown) => say(`Filters could not load: ${messageOf(error)}. Try reloading the page.`, true));
  });

  const start = async () => {
    try {
      const loaded = (await import(/* @vite-ignore */ PAGEFIND)) as Pagefind;
      // On the main thread: the worker would be one more script to fetch before the first result.
      const options = { excerptLength: 28 };
      await loaded.options({ ...options, noWorker: true });
      await loaded.init();
      // Pages in a language written without spaces have an index of their own in the same bundle (src/integrations/search-index.ts);
      // each is merged in under its language, so its queries are split into words as its pages were. Pagefind skips a merge whose
      // address starts like its own bundle's, so the bundle is named by its full URL.
      const bundle = new URL('/pagefind/', location.origin).href;
      for (const language of indexLanguages) await loaded.mergeIndex(bundle, { ...options, language });
      // Filters named in the URL must be checked before the first search runs.
      if (Object.keys(initialFilters).length) {
        panel.open = true;
        await showFilters(loaded);
      }
      pagefind = loaded;
      await run(false);
    } catch (error) {
      say(`Search could not load: ${messageOf(error)}. Try reloading the page.`, true);
    }
  };
  void start();
}
