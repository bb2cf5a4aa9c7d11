/**
 * The pages this build copies from the last one instead of rendering, decided
 * by the page cache at the start of the build (src/integrations/page-cache.ts)
 * and read by the routes of reusable pages. Kept on globalThis because the
 * integration and the page bundle hold separate copies of this module.
 */
const planKey = Symbol.for('clause-atlas:page-plan');
type Store = typeof globalThis & { [planKey]?: ReadonlySet<string> };

/** Records the site paths (`/platform/x/privacy-policy/ai-training/`) this build reuses; an empty set renders every page. */
export function setReusedPages(paths: ReadonlySet<string>): void {
  (globalThis as Store)[planKey] = paths;
}

/** The static paths of a route without the pages being reused: `path` gives each entry's site path. Without a plan (dev server, tests), every entry. */
export function pagesToRender<T>(entries: readonly T[], path: (entry: T) => string): T[] {
  const reused = (globalThis as Store)[planKey];
  return reused?.size ? entries.filter((entry) => !reused.has(path(entry))) : [...entries];
}
