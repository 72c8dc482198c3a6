// Failures the engine repairs itself before retrying once: an expired session (refresh it),
// a clock the server finds far ahead (re-stamp), a mutation-id gap (learn the server's ack by
// pulling, renumber), a batch the server finds too large (smaller batches). Everything else is
// for the caller (backoff or error). A client id owned by another account is deliberately NOT
// repaired: it means this device's data belongs to someone else, and pushing it under a new id
// would move one writer's data into another's account. The writer decides on the Account screen.
import type { StoryPromptsDatabase } from '../db/database';
import { repairClockAhead } from './clock-repair';
import { SyncTransportError } from './sync-errors';

export interface RecoveryContext {
  db: StoryPromptsDatabase;
  refreshSession: () => Promise<boolean>;
  pullForAck: () => Promise<void>;
  shrinkBatches: () => boolean;
  now: () => number;
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
    case 'batch-too-large':
      return context.shrinkBatches();
    default:
      return false;
  }
}

/** Runs `step`, repairing and retrying up to `attempts` times for repairable failures. */
export async function withRecovery<T>(
  step: () => Promise<T>,
  context: RecoveryContext,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !(await recover(error, context))) throw error;
    }
  }
}
