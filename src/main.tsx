// Entry: styles, then the app. Everything else (pages, the database) loads lazily per route,
// so the first paint needs only this chunk and the page the app opens at.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadPageFor } from './app/router';
import './app/styles.css';
import { captureUncaughtErrors } from './platform/error-capture';

captureUncaughtErrors();

/**
 * Longest wait for the page's chunk before React renders anyway (showing its own "Loading…").
 * The wait is invisible: index.html's static shell is on screen until React's first render.
 */
const PAGE_CHUNK_WAIT_MS = 1_000;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The page's chunk loads while the entry finishes. Rendering only once it is here lets the page
// mount with its content instead of behind a Suspense fallback, which React would keep on
// screen for at least 300 ms (lazy-page.ts).
const pageLoaded = preloadPageFor(window.location.pathname);
let waitTimer: ReturnType<typeof setTimeout> | undefined;
const waitedLongEnough = new Promise<void>((resolve) => {
  waitTimer = setTimeout(resolve, PAGE_CHUNK_WAIT_MS);
});
void Promise.race([pageLoaded, waitedLongEnough]).then(() => {
  clearTimeout(waitTimer);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
