// What the sync indicator shows. One value at a time, emitted by the engine as an RxJS stream.
export type SyncPhase =
  | 'disabled' // no Supabase configured or not signed in: local only
  | 'offline'
  | 'idle' // synced
  | 'pushing'
  | 'pulling'
  | 'backing-off'
  | 'error';

export interface UploadProgress {
  done: number;
  /** null while more rows wait than are counted (domain/rows-waiting.ts). */
  total: number | null;
}

export interface SyncStatus {
  phase: SyncPhase;
  /**
   * Rows with local changes the server has not confirmed yet (distinct rows, not outbox
   * entries: one prompt edited five times is one). Counted up to ROWS_WAITING_COUNT_LIMIT
   * (domain/rows-waiting.ts);
   * a larger value means "more than that".
   */
  pending: number;
  /**
   * pushing: rows confirmed so far in this upload and the rows it has to send (those waiting
   * when it began, plus any the writer changed meanwhile). Derived from the waiting count
   * after each batch, so it costs no extra reads; null outside an upload.
   */
  upload: UploadProgress | null;
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
  upload: null,
  lastSyncedAt: null,
  nextRetryAt: null,
  pulledRows: 0,
  message: null,
  deadLetters: 0,
};
