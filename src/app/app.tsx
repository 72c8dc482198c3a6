// Composition root: app-wide providers around the router.
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { ToastProvider } from '../components/ui/toast';
import { whenIdle } from '../platform/when-idle';
import { startChatQueueIfWaiting } from './chat-queue-starter';
import { router } from './router';

const CHAT_QUEUE_START_TIMEOUT_MS = 2_000;

export function App() {
  // Messages queued in an earlier session go out once the first screen is drawn.
  useEffect(() => whenIdle(() => void startChatQueueIfWaiting(), CHAT_QUEUE_START_TIMEOUT_MS), []);
  return (
    <ToastProvider>
      <RouterProvider router={router} />
    </ToastProvider>
  );
}
