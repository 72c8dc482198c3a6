// Composition root: app-wide providers around the router.
import { RouterProvider } from 'react-router';
import { ToastProvider } from '../components/ui/toast';
import { router } from './router';

export function App() {
  return (
    <ToastProvider>
      <RouterProvider router={router} />
    </ToastProvider>
  );
}
