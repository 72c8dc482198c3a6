// Routes. Every page is its own lazily loaded chunk so the entry chunk stays small (B16) and
// later features (chat, search, sync) add nothing to the first load. Each page route's handle
// can preload its chunk, which the entry does for the URL the app opens at.
import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { chatAccessToken } from './chat-access-token';
import { AppLayout } from './layout';
import { lazyPage, preloadPagesFor, preloads } from './lazy-page';
import { NotFoundPage } from './not-found-page';
import { downloadBeforeRestore } from './restore-download';
import { RouteErrorPage } from './route-error-page';
import { syncRoutes } from './sync/sync-routes';

const StoriesPage = lazyPage(
  () => import('../features/stories/stories-page'),
  (m) => m.StoriesPage,
);
const StoryOverviewPage = lazyPage(
  () => import('../features/overview/story-overview-page'),
  (m) => m.StoryOverviewPage,
);
const PromptBoardPage = lazyPage(
  () => import('../features/prompts/prompt-board-page'),
  (m) => m.PromptBoardPage,
);
const PromptEditorPage = lazyPage(
  () => import('../features/prompts/prompt-editor-page'),
  (m) => m.PromptEditorPage,
);
const PromptPreviewPage = lazyPage(
  () => import('../features/preview/prompt-preview-page'),
  (m) => m.PromptPreviewPage,
);
const BackupPage = lazyPage(
  () => import('../features/import-export/backup-page'),
  (m) => m.BackupPage,
);
const DiagnosticsPage = lazyPage(
  () => import('../features/diagnostics/diagnostics-page'),
  (m) => m.DiagnosticsPage,
);
const ChatsPage = lazyPage(
  () => import('../features/chat/chats-page'),
  (m) => m.ChatsPage,
);
const ChatWindowPage = lazyPage(
  () => import('../features/chat/chat-window-page'),
  (m) => m.ChatWindowPage,
);

const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <StoriesPage />, handle: preloads(StoriesPage) },
      {
        path: 'stories/:storyId',
        element: <StoryOverviewPage />,
        handle: preloads(StoryOverviewPage),
      },
      {
        path: 'stories/:storyId/prompts',
        element: <PromptBoardPage />,
        handle: preloads(PromptBoardPage),
      },
      {
        path: 'stories/:storyId/prompts/:promptId',
        element: <PromptEditorPage />,
        handle: preloads(PromptEditorPage),
      },
      {
        path: 'stories/:storyId/prompts/:promptId/preview',
        element: <PromptPreviewPage />,
        handle: preloads(PromptPreviewPage),
      },
      {
        path: 'stories/:storyId/chats',
        element: <ChatsPage getAccessToken={chatAccessToken} />,
        handle: preloads(ChatsPage),
      },
      {
        path: 'chats',
        element: <ChatsPage getAccessToken={chatAccessToken} />,
        handle: preloads(ChatsPage),
      },
      {
        path: 'chats/:chatId',
        element: <ChatWindowPage getAccessToken={chatAccessToken} />,
        handle: preloads(ChatWindowPage),
      },
      {
        path: 'backup',
        element: <BackupPage downloadFirst={downloadBeforeRestore} />,
        handle: preloads(BackupPage),
      },
      { path: 'diagnostics', element: <DiagnosticsPage />, handle: preloads(DiagnosticsPage) },
      ...syncRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);

/**
 * Starts loading the page at `pathname`: the entry calls it before React renders. Resolves
 * once the page's chunks have loaded (or failed to), never rejecting.
 */
export function preloadPageFor(pathname: string): Promise<void> {
  return preloadPagesFor(routes, pathname);
}
