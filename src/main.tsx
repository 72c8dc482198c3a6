// Entry: styles, then the app. Everything else (pages, the database) loads lazily per route,
// so the first paint needs only this chunk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadPageFor } from './app/router';
import './app/styles.css';
import { captureUncaughtErrors } from './platform/error-capture';

captureUncaughtErrors();
// The page's chunk loads while React renders the layout, not after.
preloadPageFor(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
