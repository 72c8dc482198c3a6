// The entry starts loading the page the app opens at before React renders; only the pages
// of the routes the URL matches load early, and a failed early load is left to the page.
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

    preloadPagesFor(routes, '/stories/7f1c/prompts');
    expect(layout.load).toHaveBeenCalledTimes(1);
    expect(board.load).toHaveBeenCalledTimes(1);
    expect(overview.load).not.toHaveBeenCalled();
    expect(chats.load).not.toHaveBeenCalled();

    // A URL no page matches (the not-found route has no handle) loads nothing more.
    preloadPagesFor(routes, '/nowhere/at/all');
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
      preloadPagesFor([{ path: '/board', handle: preloads(offline.Page) }], '/board');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(offline.load).toHaveBeenCalledTimes(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
