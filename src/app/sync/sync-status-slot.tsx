// The header's sync indicator, fed from the sync runtime.
import { SyncStatusIndicator } from '../../features/sync-status/sync-status-indicator';
import { SyncSummaryLine } from '../../features/sync-status/sync-summary-line';
import { useSyncNow, useSyncStatus } from './sync-context';

export function SyncStatusSlot() {
  return <SyncStatusIndicator status={useSyncStatus()} onRetry={useSyncNow()} />;
}

/** The same state as one plain line, for the Story Overview. */
export function SyncSummarySlot() {
  return <SyncSummaryLine status={useSyncStatus()} />;
}
