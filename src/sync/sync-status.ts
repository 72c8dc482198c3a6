// What the sync indicator shows. One value at a time, emitted by the engine as an RxJS stream.
export type SyncPhase =
  | 'disabled' // no Supabase configured or not signed in: local only
  | 'offline'
  | 'idle' // synced
  | 'pushing'
  | 'pulling'
  | 'backing-off'
  | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** Local changes not yet confirmed by the server (exact outbox size). */
  pending: number;
  lastSyncedAt: number | null;
  /** backing-off: when the next attempt is due. */
  nextRetryAt: number | null;
  /** pulling: rows received so far in this run (for a large first sync). */
  pulledRows: number;
  /** error / backing-off: what went wrong, for the writer. */
  message: string | null;
  /** Changes the server refused (shown in the dead-letter list). */
  deadLetters: number;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  phase: 'disabled',
  pending: 0,
  lastSyncedAt: null,
  nextRetryAt: null,
  pulledRows: 0,
  message: null,
  deadLetters: 0,
};
