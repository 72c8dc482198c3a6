// A page component loaded on first render (React.lazy) that can also be asked to load earlier.
// On a cold start the lazy import would begin only once React has rendered the layout down to
// the page; `preloadPageFor` (router.tsx) starts it while the entry chunk is still running, so
// the page's chunk and its database chunk load in parallel with React's first render (B6).
// A route opts in by carrying `preloads(Page)` as its handle.
//
// A page whose chunk has already loaded renders directly, without suspending. This matters
// because React throttles the reveal of a Suspense boundary: once its fallback is on screen,
// content that resolves through a retry is committed no sooner than 300 ms after the fallback
// appeared. The entry therefore waits for the page's chunk before the first render (the static
// shell in index.html stays on screen meanwhile), and the page then mounts with its content.
import { createElement, lazy, useState } from 'react';
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
  let loaded: ComponentType<Props> | null = null;
  // The module system caches the import: a preload and the render share one load.
  const loadPage = () =>
    load().then((module) => {
      loaded = pick(module);
      return module;
    });
  const Suspending = lazy(() => loadPage().then((module) => ({ default: pick(module) })));
  function Page(props: Props) {
    // Chosen once per mount: switching from the lazy wrapper to the component itself while
    // mounted would remount the page and lose its state.
    const [Component] = useState<ComponentType<Props>>(() => loaded ?? Suspending);
    return createElement(Component, props);
  }
  return Object.assign(Page, { preload: loadPage });
}

/** The `handle` of a route showing `page`, so `preloadPageFor` can start loading it. */
export function preloads(page: PageHandle): PageHandle {
  return { preload: page.preload };
}

/**
 * Starts loading the pages of the routes `pathname` matches; resolves once each has loaded or
 * failed, never rejecting. A failed load is not reported here: the lazy page reports it
 * (through the route's error boundary) when it renders.
 */
export async function preloadPagesFor(routes: RouteObject[], pathname: string): Promise<void> {
  const loads: Promise<unknown>[] = [];
  for (const match of matchRoutes(routes, pathname) ?? []) {
    const { handle } = match.route;
    if (isPageHandle(handle)) loads.push(handle.preload().catch(() => undefined));
  }
  await Promise.all(loads);
}

function isPageHandle(handle: unknown): handle is PageHandle {
  return (
    typeof handle === 'object' &&
    handle !== null &&
    typeof (handle as Partial<PageHandle>).preload === 'function'
  );
}
