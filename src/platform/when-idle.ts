// Start-up work that the first screen does not need (the sync runtime, the chat queue, the search
// workers) waits until the browser is idle, so on a 2-core phone or laptop it does not compete
// with reading and drawing what the writer opened. `timeoutMs` bounds the wait on a page that
// never goes idle. Returns a cancel function (for effects that unmount first).
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof window === 'undefined') {
    run();
    return () => {};
  }
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback: after the current rendering work, at least.
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}
