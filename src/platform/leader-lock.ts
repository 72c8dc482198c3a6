// Leader election between the tabs of one origin with the Web Locks API: the first tab to ask
// holds the named lock for as long as it lives; when it closes (or crashes) the browser hands
// the lock to the next tab waiting for it. Only the leader runs work that must happen once per
// device (the sync engine). Without Web Locks (very old browsers) every tab is its own leader,
// which is safe for sync (the server dedupes) but does more work.

export interface LeadershipHandle {
  /** Stops waiting for (or gives up) the lock. */
  release(): void;
}

/**
 * Waits for the lock `name`, then calls `onLeader` and holds the lock until `release()` or the
 * tab's end. `onLeader` may return a cleanup run when leadership ends.
 */
export function requestLeadership(
  name: string,
  onLeader: () => (() => void) | void,
): LeadershipHandle {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    const cleanup = onLeader();
    return { release: () => cleanup?.() };
  }
  const abort = new AbortController();
  let letGo: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  locks
    .request(name, { signal: abort.signal }, async () => {
      const cleanup = onLeader();
      try {
        await held;
      } finally {
        cleanup?.();
      }
    })
    // An abort before the lock was granted rejects with AbortError: that is the release.
    .catch((error: unknown) => {
      if ((error as { name?: string })?.name !== 'AbortError') throw error;
    });
  return {
    release: () => {
      abort.abort();
      letGo();
    },
  };
}
