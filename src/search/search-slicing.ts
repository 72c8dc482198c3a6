// Cooperative time slicing for the search worker: long loops give the worker's event loop back
// every few milliseconds, so a query (or any Comlink message) waits at most one slice even while
// 100k messages are being indexed.
const SLICE_MS = 8;

/** A macrotask boundary that is not clamped like nested setTimeout (MessageChannel tick). */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Calls `work` for each item, yielding whenever a slice of SLICE_MS is used up. */
export async function forEachSliced<T>(
  items: readonly T[],
  work: (item: T) => void,
): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEvents();
      sliceStart = performance.now();
    }
  }
}
