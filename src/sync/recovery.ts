// Failures the engine repairs itself before retrying once: an expired session (refresh it),
// a clock the server finds far ahead (re-stamp), a mutation-id gap (learn the server's ack by
// pulling, renumber), a client id owned by another account (new id), a batch the server finds
// too large (smaller batches). Everything else is for the caller (backoff or error).
import type { StoryPromptsDatabase } from '../db/database';
import { repairClockAhead } from './clock-repair';
import { SyncTransportError } from './sync-errors';
import { writeSyncMeta } from './sync-meta';

export interface RecoveryContext {
  db: StoryPromptsDatabase;
  refreshSession: () => Promise<boolean>;
  pullForAck: () => Promise<void>;
  shrinkBatches: () => boolean;
  now: () => number;
}

async function startNewClient(db: StoryPromptsDatabase) {
  await db.transaction('rw', db.meta, async () => {
    await writeSyncMeta(db.meta, 'client_id', crypto.randomUUID());
    await writeSyncMeta(db.meta, 'last_mid', 0);
    await writeSyncMeta(db.meta, 'acked_mid', 0);
    await writeSyncMeta(db.meta, 'inflight', null);
  });
}

/** Returns true when the failure was repaired and the step should be tried again. */
export async function recover(error: unknown, context: RecoveryContext): Promise<boolean> {
  if (!(error instanceof SyncTransportError)) return false;
  switch (error.kind) {
    case 'unauthorized':
      return context.refreshSession();
    case 'clock-ahead':
      await repairClockAhead(context.db, error.serverTimeMs ?? context.now(), context.now);
      return true;
    case 'mutation-gap':
      await context.pullForAck();
      return true;
    case 'client-owned-by-other-user':
      await startNewClient(context.db);
      return true;
    case 'batch-too-large':
      return context.shrinkBatches();
    default:
      return false;
  }
}

/** Runs `step`, repairing and retrying up to `attempts` times for repairable failures. */
export async function withRecovery<T>(step: () => Promise<T>, context: RecoveryContext, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !(await recover(error, context))) throw error;
    }
  }
}
