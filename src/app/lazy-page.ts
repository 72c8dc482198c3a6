// A page component loaded on first render (React.lazy) that can also be asked to load earlier.
// On a cold start the lazy import would begin only once React has rendered the layout down to
// the page; `preloadPageFor` (router.tsx) starts it while the entry chunk is still running, so
// the page's chunk and its database chunk load in parallel with React's first render (B6).
// A route opts in by carrying `preloads(Page)` as its handle.
import { lazy } from 'react';
import type { ComponentType } from 'react';
import { matchRoutes } from 'react-router';
import type { RouteObject } from 'react-router';

export type PageLoader = () => Promise<unknown>;

/** What a route's `handle` carries for `preloadPageFor`. */
export interface PageHandle {
  preload: PageLoader;
}

export function lazyPage<Module, Props extends object>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType<Props>,
): ComponentType<Props> & PageHandle {
  const Page = lazy(() => load().then((module) => ({ default: pick(module) })));
  // The module system caches the import: a preload and the render share one load.
  return Object.assign(Page, { preload: load }) as unknown as ComponentType<Props> & PageHandle;
}

/** The `handle` of a route showing `page`, so `preloadPageFor` can start loading it. */
export function preloads(page: PageHandle): PageHandle {
  return { preload: page.preload };
}

/**
 * Starts loading the pages of the routes `pathname` matches. A failed load is not reported
 * here: the lazy page reports it (through the route's error boundary) when it renders.
 */
export function preloadPagesFor(routes: RouteObject[], pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? []) {
    const { handle } = match.route;
    if (isPageHandle(handle)) handle.preload().catch(() => undefined);
  }
}

function isPageHandle(handle: unknown): handle is PageHandle {
  return (
    typeof handle === 'object' &&
    handle !== null &&
    typeof (handle as Partial<PageHandle>).preload === 'function'
  );
}
