// Browser-side measuring helpers shared by the bench pages: quantiles, a long-task recorder
// (PerformanceObserver 'longtask': main-thread tasks over 50 ms) and a wait for a repaint.
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export interface LongTaskRecorder {
  /** Durations (ms) of the long tasks seen since start; stops observing. */
  stop(): Promise<number[]>;
}

export function recordLongTasks(): LongTaskRecorder {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    async stop() {
      // Long-task entries are delivered after the task ends: give the observer a turn.
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return durations;
    },
  };
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // A connection left open elsewhere: deletion waits for it; do not hang the benchmark.
    request.onblocked = () => console.warn(`deleteDatabase(${name}) blocked`);
  });
}
