// What the sync indicator shows, as this feature needs it (src/app fills it from the engine's
// status plus live local counts), and the pure wording of each state.
import { changesText } from '../../domain/rows-waiting';

export type SyncPhaseView =
  'disabled' | 'offline' | 'idle' | 'pushing' | 'pulling' | 'backing-off' | 'error';

export interface SyncUiStatus {
  phase: SyncPhaseView;
  /** Rows (a story, a prompt, a chat...) with changes the server has not confirmed yet. */
  pending: number;
  /** pushing: rows confirmed so far in this upload, of how many (null: more than are counted). */
  upload?: { done: number; total: number | null } | null;
  lastSyncedAt: number | null;
  nextRetryAt: number | null;
  /** Rows received so far in this run (a large first sync). */
  pulledRows: number;
  message: string | null;
  deadLetters: number;
  openConflicts: number;
  /** This tab runs the device's sync (the others show its status). */
  leader?: boolean;
  /**
   * Sync waits for the writer on the Account page: the session ended without them signing out,
   * or they signed in as another account than the one whose data this device holds.
   */
  accountNeeded?: 'session-expired' | 'choose-data' | null;
}

export type SyncAction = 'retry-now' | 'retry' | 'open-account' | null;

export interface SyncStatusText {
  label: string;
  /** Longer explanation (tooltip and screen readers). */
  detail: string | null;
  action: SyncAction;
  tone: 'neutral' | 'busy' | 'ok' | 'warning' | 'error';
}

const numberFormat = new Intl.NumberFormat('en');

export function formatRelativeTime(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(then).toLocaleDateString('en', { day: 'numeric', month: 'short' });
}

/** Counts rows, not outbox entries: a prompt typed into many times is one change waiting. */
function pendingText(pending: number): string {
  return `${changesText(pending)} waiting to upload`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const PENDING_DETAIL = 'Saved on this device until the sync server confirms them.';

function uploadingText(upload: SyncUiStatus['upload']): string | null {
  if (!upload || upload.total === 0) return null;
  if (upload.total === null)
    return upload.done > 0
      ? `Uploading changes… ${numberFormat.format(upload.done)} sent`
      : 'Uploading changes…';
  if (upload.total === 1) return 'Uploading 1 change…';
  return `Uploading ${numberFormat.format(upload.done)} of ${numberFormat.format(upload.total)} changes…`;
}

export function describeSyncStatus(status: SyncUiStatus, now: number): SyncStatusText {
  switch (status.phase) {
    case 'disabled':
      return status.accountNeeded === 'session-expired'
        ? { label: 'Session expired', detail: status.message, action: null, tone: 'warning' }
        : { label: 'Local only', detail: status.message, action: null, tone: 'neutral' };
    case 'offline':
      return {
        label: status.pending > 0 ? `Offline · ${pendingText(status.pending)}` : 'Offline',
        detail: 'Changes are saved on this device and sync when you are back online.',
        action: null,
        tone: 'warning',
      };
    case 'pushing':
    case 'pulling': {
      const uploading = status.phase === 'pushing' ? uploadingText(status.upload) : null;
      if (uploading)
        return { label: uploading, detail: PENDING_DETAIL, action: null, tone: 'busy' };
      const rows =
        status.phase === 'pulling' && status.pulledRows > 0
          ? ` ${numberFormat.format(status.pulledRows)} received`
          : '';
      return { label: `Syncing…${rows}`, detail: null, action: null, tone: 'busy' };
    }
    case 'backing-off': {
      const seconds =
        status.nextRetryAt === null ? 0 : Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000));
      // The writer's first question while the server is away: is my work still waiting?
      const waiting = status.pending > 0 ? ` · ${pendingText(status.pending)}` : '';
      return {
        label: `Retrying in ${seconds}s${waiting}`,
        detail: status.message,
        action: 'retry-now',
        tone: 'warning',
      };
    }
    case 'error':
      // A retry cannot help while the writer has to choose whose data stays on this device.
      if (status.accountNeeded === 'choose-data')
        return {
          label: 'Sync paused',
          detail: status.message,
          action: 'open-account',
          tone: 'warning',
        };
      return {
        label: 'Sync error',
        detail: status.message ?? 'Sync stopped.',
        action: 'retry',
        tone: 'error',
      };
    case 'idle':
      if (status.pending > 0)
        return {
          label: capitalized(pendingText(status.pending)),
          detail: PENDING_DETAIL,
          action: null,
          tone: 'busy',
        };
      return {
        label:
          status.lastSyncedAt === null
            ? 'Synced'
            : `Synced · ${formatRelativeTime(status.lastSyncedAt, now)}`,
        detail: null,
        action: null,
        tone: 'ok',
      };
  }
}

/** How often the wording can change: every second while counting down, else every 30 s. */
export function refreshIntervalMs(status: SyncUiStatus): number {
  return status.phase === 'backing-off' ? 1_000 : 30_000;
}
