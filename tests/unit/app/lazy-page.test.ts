// The entry starts loading the page the app opens at before React renders; only the pages
// of the routes the URL matches load early, and a failed early load is left to the page. A page
// whose chunk is already here renders at once, not behind a Suspense fallback (which React keeps
// on screen for at least 300 ms).
import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { RouteObject } from 'react-router';
import { lazyPage, preloadPagesFor, preloads } from '../../../src/app/lazy-page';

function page(name: string, load = vi.fn(async () => ({ [name]: () => null }))) {
  return { load, Page: lazyPage(load, (module) => module[name]!) };
}

describe('preloading the page of a URL', () => {
  it('loads the pages the URL matches, and no other', async () => {
    const layout = page('Layout');
    const board = page('Board');
    const overview = page('Overview');
    const chats = page('Chats');
    const routes: RouteObject[] = [
      {
        path: '/',
        handle: preloads(layout.Page),
        children: [
          { path: 'stories/:storyId', handle: preloads(overview.Page) },
          { path: 'stories/:storyId/prompts', handle: preloads(board.Page) },
          { path: 'chats', handle: preloads(chats.Page) },
          { path: '*' },
        ],
      },
    ];

    void preloadPagesFor(routes, '/stories/7f1c/prompts');
    expect(layout.load).toHaveBeenCalledTimes(1);
    expect(board.load).toHaveBeenCalledTimes(1);
    expect(overview.load).not.toHaveBeenCalled();
    expect(chats.load).not.toHaveBeenCalled();

    // A URL no page matches (the not-found route has no handle) loads nothing more.
    void preloadPagesFor(routes, '/nowhere/at/all');
    expect(board.load).toHaveBeenCalledTimes(1);
    expect(chats.load).not.toHaveBeenCalled();
  });

  it('leaves a failed early load to the page, without an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const offline = page(
        'Board',
        vi.fn(() => Promise.reject(new Error('Failed to fetch dynamically imported module'))),
      );
      await expect(
        preloadPagesFor([{ path: '/board', handle: preloads(offline.Page) }], '/board'),
      ).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(offline.load).toHaveBeenCalledTimes(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('rendering a lazily loaded page', () => {
  function boardPage() {
    let finishLoading = () => {};
    const chunk = new Promise<void>((resolve) => (finishLoading = resolve));
    const load = vi.fn(async () => {
      await chunk;
      return { Board: ({ title }: { title: string }) => createElement('h1', null, title) };
    });
    const Page = lazyPage(load, (module) => module.Board);
    const render = () =>
      renderToString(
        createElement(
          Suspense,
          { fallback: createElement('p', null, 'Loading…') },
          createElement(Page, { title: 'Storm chapter' }),
        ),
      );
    return { Page, load, render, finishLoading };
  }

  it('shows the fallback while the chunk is still loading', () => {
    const { render, load } = boardPage();
    const html = render();
    expect(html).toContain('Loading…');
    expect(html).not.toContain('Storm chapter');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders with its content, without suspending, once a preload has finished', async () => {
    const { Page, render, load, finishLoading } = boardPage();
    const preloaded = preloadPagesFor([{ path: '/board', handle: preloads(Page) }], '/board');
    finishLoading();
    await preloaded;
    const html = render();
    expect(html).toContain('<h1>Storm chapter</h1>');
    expect(html).not.toContain('Loading…');
    // The render shares the preload's import.
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('waits for every page of the URL before it settles', async () => {
    const layout = boardPage();
    const board = boardPage();
    const routes: RouteObject[] = [
      {
        path: '/',
        handle: preloads(layout.Page),
        children: [{ path: 'board', handle: preloads(board.Page) }],
      },
    ];
    let settled = false;
    const preloaded = preloadPagesFor(routes, '/board').then(() => (settled = true));
    layout.finishLoading();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    board.finishLoading();
    await preloaded;
    expect(settled).toBe(true);
  });
});
