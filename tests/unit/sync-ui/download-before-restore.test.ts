// A backup restore first waits for a sync run to finish (rows the server holds are then on the
// device and kept), resolves at once when sync is off, and refuses, saying why, when the device
// cannot download now.
import { BehaviorSubject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import {
  downloadBeforeRestore,
  RestoreWaitError,
} from '../../../src/app/sync/download-before-restore';
import type { SyncUiStatus } from '../../../src/features/sync-status/sync-status-view';

const START = 1_000_000;
const status = (patch: Partial<SyncUiStatus>): SyncUiStatus => ({
  phase: 'idle',
  pending: 0,
  lastSyncedAt: null,
  nextRetryAt: null,
  pulledRows: 0,
  message: null,
  deadLetters: 0,
  openConflicts: 0,
  ...patch,
});

function setup(initial: Partial<SyncUiStatus>) {
  const status$ = new BehaviorSubject(status(initial));
  const requestSync = vi.fn();
  let settled: 'pending' | 'resolved' | Error = 'pending';
  const controller = new AbortController();
  const promise = downloadBeforeRestore(status$, requestSync, {
    now: () => START,
    signal: controller.signal,
  }).then(
    () => void (settled = 'resolved'),
    (error: Error) => void (settled = error),
  );
  const emit = async (patch: Partial<SyncUiStatus>) => {
    status$.next({ ...status$.value, ...patch });
    await Promise.resolve();
  };
  return { requestSync, emit, promise, controller, settled: () => settled };
}

describe('download before restore', () => {
  it('resolves at once when sync is off: the device is all there is', async () => {
    const run = setup({ phase: 'disabled', message: 'Sync is off' });
    await run.promise;
    expect(run.settled()).toBe('resolved');
    expect(run.requestSync).not.toHaveBeenCalled();
  });

  it('asks for a sync and waits for a run that finishes after the request', async () => {
    const run = setup({ phase: 'idle', lastSyncedAt: START - 60_000 });
    expect(run.requestSync).toHaveBeenCalledOnce();
    await run.emit({ pending: 3 }); // live counts change: still the old sync
    await run.emit({ phase: 'pushing' });
    await run.emit({ phase: 'pulling', pulledRows: 500 });
    expect(run.settled()).toBe('pending');
    await run.emit({ phase: 'idle', lastSyncedAt: START + 2_000 });
    await run.promise;
    expect(run.settled()).toBe('resolved');
  });

  it('is not refused by the failure of an earlier run, only by a failure of its own', async () => {
    const run = setup({ phase: 'backing-off', message: 'Server error' });
    await run.emit({ pending: 1 });
    expect(run.settled()).toBe('pending');
    await run.emit({ phase: 'pushing' });
    await run.emit({ phase: 'backing-off', message: 'The sync server had a problem (503).' });
    await run.promise;
    expect(run.settled()).toBeInstanceOf(RestoreWaitError);
    expect((run.settled() as Error).message).toMatch(/sync failed: The sync server had a problem/);
  });

  it.each<[string, Partial<SyncUiStatus>]>([
    ['offline', { phase: 'offline' }],
    ['signed out by an expired session', { phase: 'disabled', accountNeeded: 'session-expired' }],
    [
      'waiting for the writer to choose whose data stays',
      { phase: 'error', accountNeeded: 'choose-data' },
    ],
  ])('refuses at once when %s, restoring nothing', async (_name, initial) => {
    const run = setup(initial);
    await run.promise;
    expect(run.settled()).toBeInstanceOf(RestoreWaitError);
    expect((run.settled() as Error).message).toMatch(/Nothing was restored/);
    expect(run.requestSync).not.toHaveBeenCalled();
  });

  it('refuses when the device goes offline while waiting, or the writer cancels', async () => {
    const offline = setup({ phase: 'idle' });
    await offline.emit({ phase: 'offline' });
    await offline.promise;
    expect((offline.settled() as Error).message).toMatch(/offline/);

    const cancelled = setup({ phase: 'idle' });
    cancelled.controller.abort();
    await cancelled.promise;
    expect((cancelled.settled() as Error).message).toMatch(/cancelled/);
  });

  it('refuses while Supabase Auth has not reported the session yet', async () => {
    const status$ = new BehaviorSubject(status({ phase: 'disabled', message: 'Checking…' }));
    await expect(
      downloadBeforeRestore(status$, () => {}, { sessionPending: true }),
    ).rejects.toThrow(/still checking your session/);
  });
});
