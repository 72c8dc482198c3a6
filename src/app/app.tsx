// Composition root: app-wide providers around the router.
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { ToastProvider } from '../components/ui/toast';
import { startChatQueueIfWaiting } from './chat-queue-starter';
import { router } from './router';

export function App() {
  useEffect(() => {
    void startChatQueueIfWaiting();
  }, []);
  return (
    <ToastProvider>
      <RouterProvider router={router} />
    </ToastProvider>
  );
}
