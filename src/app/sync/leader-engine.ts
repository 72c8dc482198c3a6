// The sync engine as the leader tab runs it for one (server, account): the engine over the
// guarded RPC transport, the pool reconciler, its triggers and the Realtime hint. `stop()`
// undoes all of it; the runtime builds a new one when the server or the account changes.
import type { Observable } from 'rxjs';
import type { StoryPromptsDatabase } from '../../db/database';
import type { SupabaseConnection } from '../../remote/supabase-client';
import type { Reconciler } from '../../sync/reconcile';
import { RpcSyncTransport } from '../../sync/rpc-transport';
import { SyncEngine } from '../../sync/sync-engine';
import type { SyncStatus } from '../../sync/sync-status';
import { readLocalOwner } from '../../features/account/local-data-owner';
import { GuardedTransport } from './guarded-transport';
import { noRealtimeHint, openRealtimeHint } from './realtime-hint';
import type { RealtimeHint } from './realtime-hint';
import { installSyncTriggers } from './sync-triggers';

export interface LeaderEngineOptions {
  db: StoryPromptsDatabase;
  connection: SupabaseConnection;
  reconciler: Reconciler;
  userId: string;
}

export interface LeaderEngine {
  status$: Observable<SyncStatus>;
  syncNow(): void;
  /** The writer's "Retry now": one attempt at once, even while the breaker waits. */
  retryNow(): void;
  stop(): void;
}

async function refreshSession(connection: SupabaseConnection): Promise<boolean> {
  const { data, error } = await connection.client.auth.refreshSession();
  return !error && data.session !== null;
}

export function startLeaderEngine({
  db,
  connection,
  reconciler,
  userId,
}: LeaderEngineOptions): LeaderEngine {
  const auth = connection.client.auth;
  let hint: RealtimeHint = noRealtimeHint();
  const transport = new GuardedTransport(
    new RpcSyncTransport(connection),
    {
      sessionUserId: async () => (await auth.getSession()).data.session?.user.id ?? null,
      ownerUserId: async () => (await readLocalOwner(db)).userId,
    },
    () => hint.notifyChanged(),
  );
  const engine = new SyncEngine({
    db,
    transport,
    reconciler,
    refreshSession: () => refreshSession(connection),
    isOnline: () => navigator.onLine,
  });
  const syncNow = () => void engine.syncNow();
  // Triggers (focus, writes, hints) respect the backoff; a writer who presses "Retry now" has
  // just seen the server come back and must not be told "Retrying in 2 min" again.
  const retryNow = () => {
    engine.breaker.probeNow();
    void engine.syncNow();
  };
  // Where the project has no Realtime the channel never joins: no hints, the other triggers remain.
  hint = openRealtimeHint(connection.client, userId, syncNow);
  const removeTriggers = installSyncTriggers(db, {
    syncNow,
    onOnline: () => void engine.onOnline(),
  });
  syncNow();
  return {
    status$: engine.status$,
    syncNow,
    retryNow,
    stop: () => {
      removeTriggers();
      hint.close();
      transport.close();
      engine.stop();
    },
  };
}
