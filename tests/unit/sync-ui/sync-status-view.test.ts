// The indicator's wording for every state, as a table: what the writer reads and which action
// is offered.
import { describe, expect, it } from 'vitest';
import {
  describeSyncStatus,
  formatRelativeTime,
} from '../../../src/features/sync-status/sync-status-view';
import type { SyncUiStatus } from '../../../src/features/sync-status/sync-status-view';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const base: SyncUiStatus = {
  phase: 'idle',
  pending: 0,
  lastSyncedAt: null,
  nextRetryAt: null,
  pulledRows: 0,
  message: null,
  deadLetters: 0,
  openConflicts: 0,
};

describe('sync status wording', () => {
  it.each<[string, Partial<SyncUiStatus>, string, string | null]>([
    ['local only', { phase: 'disabled', message: 'Sync is off' }, 'Local only', null],
    [
      'session expired',
      { phase: 'disabled', accountNeeded: 'session-expired' },
      'Session expired',
      null,
    ],
    ['offline', { phase: 'offline' }, 'Offline', null],
    [
      'offline with rows waiting',
      { phase: 'offline', pending: 3 },
      'Offline · 3 changes waiting to upload',
      null,
    ],
    ['synced, never', {}, 'Synced', null],
    ['synced just now', { lastSyncedAt: NOW - 10_000 }, 'Synced · just now', null],
    ['synced minutes ago', { lastSyncedAt: NOW - 5 * 60_000 }, 'Synced · 5 min ago', null],
    ['synced hours ago', { lastSyncedAt: NOW - 3 * 3_600_000 }, 'Synced · 3 h ago', null],
    ['rows waiting', { pending: 904, lastSyncedAt: NOW }, '904 changes waiting to upload', null],
    [
      'more rows waiting than are counted',
      { pending: 1_001, lastSyncedAt: NOW },
      'More than 1,000 changes waiting to upload',
      null,
    ],
    [
      'offline with more rows waiting than are counted',
      { phase: 'offline', pending: 1_001 },
      'Offline · more than 1,000 changes waiting to upload',
      null,
    ],
    [
      'uploading more rows than are counted',
      { phase: 'pushing', pending: 1_001, upload: { done: 0, total: null } },
      'Uploading changes…',
      null,
    ],
    [
      'uploading more rows than are counted, some sent',
      { phase: 'pushing', pending: 1_001, upload: { done: 2_500, total: null } },
      'Uploading changes… 2,500 sent',
      null,
    ],
    ['one row waiting', { pending: 1, lastSyncedAt: NOW }, '1 change waiting to upload', null],
    [
      'pushing, nothing to upload',
      { phase: 'pushing', upload: { done: 0, total: 0 } },
      'Syncing…',
      null,
    ],
    [
      'uploading',
      { phase: 'pushing', pending: 80, upload: { done: 40, total: 120 } },
      'Uploading 40 of 120 changes…',
      null,
    ],
    [
      'uploading one row',
      { phase: 'pushing', pending: 1, upload: { done: 0, total: 1 } },
      'Uploading 1 change…',
      null,
    ],
    ['pulling, first page', { phase: 'pulling' }, 'Syncing…', null],
    [
      'pulling a large first sync',
      { phase: 'pulling', pulledRows: 2_500 },
      'Syncing… 2,500 received',
      null,
    ],
    [
      'backing off',
      { phase: 'backing-off', nextRetryAt: NOW + 12_300 },
      'Retrying in 13s',
      'retry-now',
    ],
    [
      'backing off with changes waiting',
      { phase: 'backing-off', nextRetryAt: NOW + 12_300, pending: 2 },
      'Retrying in 13s · 2 changes waiting to upload',
      'retry-now',
    ],
    [
      'backing off, due',
      { phase: 'backing-off', nextRetryAt: NOW - 500 },
      'Retrying in 0s',
      'retry-now',
    ],
    ['error', { phase: 'error', message: 'Your session has expired.' }, 'Sync error', 'retry'],
    [
      'another account signed in',
      { phase: 'error', accountNeeded: 'choose-data', message: 'Choose on the Account page' },
      'Sync paused',
      'open-account',
    ],
  ])('%s', (_name, patch, label, action) => {
    const text = describeSyncStatus({ ...base, ...patch }, NOW);
    expect(text.label).toBe(label);
    expect(text.action).toBe(action);
  });

  it('keeps the reason of an error and of a backoff as the detail', () => {
    expect(describeSyncStatus({ ...base, phase: 'error', message: 'Refused' }, NOW).detail).toBe(
      'Refused',
    );
    expect(
      describeSyncStatus(
        { ...base, phase: 'backing-off', nextRetryAt: NOW, message: 'HTTP 503' },
        NOW,
      ).detail,
    ).toBe('HTTP 503');
  });

  it('formats old syncs as a date', () => {
    expect(formatRelativeTime(Date.UTC(2026, 10, 20, 9), NOW)).toBe('Nov 20');
  });
});
