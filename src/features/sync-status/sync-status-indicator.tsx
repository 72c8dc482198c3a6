// The sync indicator in the header: one short line for the current state (offline, synced and
// when, N changes waiting to upload, syncing, retrying in Ns, error), the action that state allows, and a link to
// Conflicts when something needs the writer. A polite live region (role="status") so changes
// are announced without stealing focus.
import { Link } from 'react-router';
import { describeSyncStatus, refreshIntervalMs } from './sync-status-view';
import { useNow } from './use-now';
import type { SyncUiStatus } from './sync-status-view';
import './sync-status.css';

export interface SyncStatusIndicatorProps {
  status: SyncUiStatus;
  /** "Retry now" / "Retry": asks for a sync at once. */
  onRetry: () => void;
  conflictsHref?: string;
  accountHref?: string;
}

function attentionText(status: SyncUiStatus): string | null {
  const parts: string[] = [];
  if (status.openConflicts > 0)
    parts.push(`${status.openConflicts} conflict${status.openConflicts === 1 ? '' : 's'}`);
  if (status.deadLetters > 0) parts.push(`${status.deadLetters} refused`);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function SyncStatusIndicator({
  status,
  onRetry,
  conflictsHref = '/conflicts',
  accountHref = '/account',
}: SyncStatusIndicatorProps) {
  const now = useNow(refreshIntervalMs(status));
  const text = describeSyncStatus(status, now);
  const attention = attentionText(status);
  return (
    <div
      className={`sync-indicator sync-indicator--${text.tone}`}
      role="status"
      data-phase={status.phase}
      data-leader={status.leader ? 'true' : 'false'}
    >
      {status.phase === 'disabled' ? (
        <Link to={accountHref} className="sync-indicator__label" title={text.detail ?? undefined}>
          {text.label}
        </Link>
      ) : (
        <span className="sync-indicator__label" title={text.detail ?? undefined}>
          {text.label}
        </span>
      )}
      {text.detail && status.phase === 'error' ? (
        <span className="sync-indicator__detail">{text.detail}</span>
      ) : null}
      {text.action === 'open-account' ? (
        <Link to={accountHref} className="sync-indicator__action">
          Open Account
        </Link>
      ) : text.action ? (
        <button type="button" className="sync-indicator__action" onClick={onRetry}>
          {text.action === 'retry-now' ? 'Retry now' : 'Retry'}
        </button>
      ) : null}
      {attention ? (
        <Link to={conflictsHref} className="sync-indicator__attention">
          {attention}
        </Link>
      ) : null}
    </div>
  );
}
