// A one-line, non-live summary of the sync state for pages such as the Story Overview (the
// header's indicator is the live region; this one is plain text so it is not announced twice).
import { describeSyncStatus, refreshIntervalMs } from './sync-status-view';
import type { SyncUiStatus } from './sync-status-view';
import { useNow } from './use-now';

export function SyncSummaryLine({ status }: { status: SyncUiStatus }) {
  const text = describeSyncStatus(status, useNow(refreshIntervalMs(status)));
  return (
    <p className={`sync-line sync-line--${text.tone}`}>
      <span className="sync-line__dot" aria-hidden="true" />
      <span>
        Sync: <strong>{text.label}</strong>
        {text.detail ? ` · ${text.detail}` : ''}
      </span>
    </p>
  );
}
