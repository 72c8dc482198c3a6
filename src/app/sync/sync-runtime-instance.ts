// The one sync runtime of this tab, started on first use and kept for the page's life (React
// StrictMode mounts effects twice; the runtime must not be started twice). Loaded lazily so
// supabase-js and the engine stay out of the entry chunk.
import { db } from '../../db/instance';
import type { AccountService } from '../../features/account/account-service';
import { createAccountService } from './runtime-account-service';
import { SyncRuntime } from './sync-runtime';

export interface LoadedSync {
  runtime: SyncRuntime;
  account: AccountService;
}

let loaded: LoadedSync | null = null;

export function syncRuntime(): LoadedSync {
  if (!loaded) {
    const runtime = new SyncRuntime(db);
    loaded = { runtime, account: createAccountService(runtime, db) };
    runtime.start();
  }
  return loaded;
}
