// Sync for the UI: the status (a hook over the runtime's stream), "sync now", and the account
// service. The runtime (supabase-js, the engine) is imported lazily once the first screen is
// drawn and the browser is idle; until it is ready the app shows "Local only" and the account
// screen waits.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import type { AccountService } from '../../features/account/account-service';
import type { SyncUiStatus } from '../../features/sync-status/sync-status-view';
import { whenIdle } from '../../platform/when-idle';
import type { LoadedSync } from './sync-runtime-instance';

const STARTING: SyncUiStatus = {
  phase: 'disabled',
  pending: 0,
  lastSyncedAt: null,
  nextRetryAt: null,
  pulledRows: 0,
  message: 'Starting…',
  deadLetters: 0,
  openConflicts: 0,
};

/** Longest wait for an idle moment before sync starts anyway. */
const SYNC_START_TIMEOUT_MS = 1_000;

const SyncContext = createContext<LoadedSync | null>(null);

export function SyncProvider({ children }: { children: ReactNode }) {
  const [sync, setSync] = useState<LoadedSync | null>(null);
  useEffect(() => {
    let active = true;
    // Sync is not needed to show the first screen: it starts once that screen is drawn.
    const cancel = whenIdle(() => {
      void import('./sync-runtime-instance').then(({ syncRuntime }) => {
        if (active) setSync(syncRuntime());
      });
    }, SYNC_START_TIMEOUT_MS);
    return () => {
      active = false;
      cancel();
    };
  }, []);
  return <SyncContext.Provider value={sync}>{children}</SyncContext.Provider>;
}

export function useSyncStatus(): SyncUiStatus {
  const sync = useContext(SyncContext);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = sync?.runtime.status$.subscribe(onChange);
      return () => subscription?.unsubscribe();
    },
    [sync],
  );
  return useSyncExternalStore(subscribe, () => sync?.runtime.status$.value ?? STARTING);
}

/** Asks for a sync at once (in this tab if it leads, else through the leader). */
export function useSyncNow(): () => void {
  const sync = useContext(SyncContext);
  return useCallback(() => sync?.runtime.syncNow(), [sync]);
}

/** The account service, or null while the runtime is still loading. */
export function useAccountService(): AccountService | null {
  return useContext(SyncContext)?.account ?? null;
}
