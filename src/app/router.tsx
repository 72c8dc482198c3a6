// Routes. Every page is its own lazily loaded chunk so the entry chunk stays small (B16) and
// later features (chat, search, sync) add nothing to the first load.
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { chatAccessToken } from './chat-access-token';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { downloadBeforeRestore } from './restore-download';
import { RouteErrorPage } from './route-error-page';
import { syncRoutes } from './sync/sync-routes';

const StoriesPage = lazy(() =>
  import('../features/stories/stories-page').then((m) => ({ default: m.StoriesPage })),
);
const StoryOverviewPage = lazy(() =>
  import('../features/overview/story-overview-page').then((m) => ({
    default: m.StoryOverviewPage,
  })),
);
const PromptBoardPage = lazy(() =>
  import('../features/prompts/prompt-board-page').then((m) => ({ default: m.PromptBoardPage })),
);
const PromptEditorPage = lazy(() =>
  import('../features/prompts/prompt-editor-page').then((m) => ({ default: m.PromptEditorPage })),
);
const PromptPreviewPage = lazy(() =>
  import('../features/preview/prompt-preview-page').then((m) => ({ default: m.PromptPreviewPage })),
);
const BackupPage = lazy(() =>
  import('../features/import-export/backup-page').then((m) => ({ default: m.BackupPage })),
);
const DiagnosticsPage = lazy(() =>
  import('../features/diagnostics/diagnostics-page').then((m) => ({ default: m.DiagnosticsPage })),
);
const ChatsPage = lazy(() =>
  import('../features/chat/chats-page').then((m) => ({ default: m.ChatsPage })),
);
const ChatWindowPage = lazy(() =>
  import('../features/chat/chat-window-page').then((m) => ({ default: m.ChatWindowPage })),
);

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <StoriesPage /> },
      { path: 'stories/:storyId', element: <StoryOverviewPage /> },
      { path: 'stories/:storyId/prompts', element: <PromptBoardPage /> },
      { path: 'stories/:storyId/prompts/:promptId', element: <PromptEditorPage /> },
      { path: 'stories/:storyId/prompts/:promptId/preview', element: <PromptPreviewPage /> },
      { path: 'stories/:storyId/chats', element: <ChatsPage getAccessToken={chatAccessToken} /> },
      { path: 'chats', element: <ChatsPage getAccessToken={chatAccessToken} /> },
      { path: 'chats/:chatId', element: <ChatWindowPage getAccessToken={chatAccessToken} /> },
      { path: 'backup', element: <BackupPage downloadFirst={downloadBeforeRestore} /> },
      { path: 'diagnostics', element: <DiagnosticsPage /> },
      ...syncRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
