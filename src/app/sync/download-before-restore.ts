// A backup restored before this device has downloaded the writer's synced work would write the
// backup's (possibly older) rows as new inserts over rows the server already holds: pushed,
// they win on the server and the newer values become conflicts. backup.ts keeps any live row
// already on the device, so the restore first runs a sync to completion and then imports.
// Resolves when a sync run has finished after this call (nothing to wait for when sync is off);
// rejects, with what to do, when the device cannot download now.
import { skip } from 'rxjs';
import type { BehaviorSubject } from 'rxjs';
import type { SyncUiStatus } from '../../features/sync-status/sync-status-view';
import { AppError } from '../../lib/app-error';

export class RestoreWaitError extends AppError {
  constructor(message: string) {
    super('backup/sync-first', message);
  }
}

const OFFLINE =
  'This device is offline. Restoring waits until it has downloaded your synced work, so that an older backup cannot overwrite newer changes. Nothing was restored; try again when online.';

function cannotDownload(status: SyncUiStatus): string | null {
  if (status.accountNeeded === 'session-expired' || status.accountNeeded === 'choose-data')
    return 'Sign in on the Account page first: restoring waits until this device has downloaded your synced work. Nothing was restored.';
  if (status.phase === 'offline') return OFFLINE;
  return null;
}

export function downloadBeforeRestore(
  status$: BehaviorSubject<SyncUiStatus>,
  requestSync: () => void,
  options: { now?: () => number; signal?: AbortSignal; sessionPending?: boolean } = {},
): Promise<void> {
  const now = options.now ?? Date.now;
  const first = status$.value;
  // Until Supabase Auth has reported the session, "not syncing" does not mean sync is off.
  if (options.sessionPending)
    return Promise.reject(
      new RestoreWaitError(
        'Sync is still checking your session. Nothing was restored; try again in a moment.',
      ),
    );
  const refused = cannotDownload(first);
  if (refused) return Promise.reject(new RestoreWaitError(refused));
  if (first.phase === 'disabled') return Promise.resolve(); // sync is off: the device is all there is
  const startedAt = now();
  return new Promise<void>((resolve, reject) => {
    let running = false;
    const settle = (error: Error | null) => {
      subscription.unsubscribe();
      options.signal?.removeEventListener('abort', abort);
      if (error) reject(error);
      else resolve();
    };
    const abort = () =>
      settle(new RestoreWaitError('Restoring was cancelled. Nothing was restored.'));
    // The current value was judged above; from here on, what the requested run reports.
    const subscription = status$.pipe(skip(1)).subscribe((status) => {
      if (status.phase === 'pushing' || status.phase === 'pulling') running = true;
      if (
        status.phase === 'idle' &&
        status.lastSyncedAt !== null &&
        status.lastSyncedAt >= startedAt
      )
        return settle(null);
      const refusal = cannotDownload(status);
      if (refusal) return settle(new RestoreWaitError(refusal));
      // A failure counts only once this run has started: the status may still show the last one.
      if (running && (status.phase === 'error' || status.phase === 'backing-off'))
        settle(
          new RestoreWaitError(
            `Restoring waits until this device has downloaded your synced work, and sync failed: ${status.message ?? 'unknown error'}. Nothing was restored; try again.`,
          ),
        );
    });
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort);
    requestSync();
  });
}
