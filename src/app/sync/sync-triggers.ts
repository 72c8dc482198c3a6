// When the leader tab syncs, besides its start: the network coming back (probe at once), the
// tab regaining focus or visibility, a local write in any tab (debounced, so a burst of typing
// becomes one push), and a periodic safety net. A missed trigger only delays a sync: every run
// pushes and pulls everything outstanding.
import { liveQuery } from 'dexie';
import type { StoryPromptsDatabase } from '../../db/database';

export const LOCAL_WRITE_DEBOUNCE_MS = 500;
export const PERIODIC_SYNC_MS = 3 * 60_000;

export interface TriggerTargets {
  syncNow(): void;
  onOnline(): void;
}

function watchLocalWrites(db: StoryPromptsDatabase, onWrite: () => void): () => void {
  let lastSeq: number | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The outbox's highest seq only grows with new local writes (pushes remove entries but never
  // raise it), so the engine's own work does not trigger it again.
  const subscription = liveQuery(() => db.changes.orderBy(':id').lastKey()).subscribe({
    next: (seq) => {
      const grew = typeof seq === 'number' && (lastSeq === undefined || seq > lastSeq);
      if (typeof seq === 'number') lastSeq = seq;
      if (!grew) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        onWrite();
      }, LOCAL_WRITE_DEBOUNCE_MS);
    },
    error: () => {},
  });
  return () => {
    subscription.unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

export function installSyncTriggers(db: StoryPromptsDatabase, targets: TriggerTargets): () => void {
  const syncNow = () => targets.syncNow();
  const onOnline = () => targets.onOnline();
  const onVisible = () => {
    if (document.visibilityState === 'visible') syncNow();
  };
  window.addEventListener('online', onOnline);
  // Going offline: a run notices at once and reports "offline" instead of backing off.
  window.addEventListener('offline', syncNow);
  window.addEventListener('focus', syncNow);
  document.addEventListener('visibilitychange', onVisible);
  const interval = setInterval(syncNow, PERIODIC_SYNC_MS);
  const stopWatching = watchLocalWrites(db, syncNow);
  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', syncNow);
    window.removeEventListener('focus', syncNow);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(interval);
    stopWatching();
  };
}
