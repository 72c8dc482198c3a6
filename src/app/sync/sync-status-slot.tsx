// The header's sync indicator, fed from the sync runtime.
import { SyncStatusIndicator } from '../../features/sync-status/sync-status-indicator';
import { useSyncNow, useSyncStatus } from './sync-context';

export function SyncStatusSlot() {
  return <SyncStatusIndicator status={useSyncStatus()} onRetry={useSyncNow()} />;
}
