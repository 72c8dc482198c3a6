// App-wide messages from the platform: offline ready (once), a waiting update (never applied
// without the writer's click), and storage that may be evicted or is running low.
import { useState } from 'react';
import { Button } from '../components/ui/button';
import { Notice } from '../components/ui/notice';
import { Link } from 'react-router';
import { useSyncStatus } from './sync/sync-context';
import { formatBytes } from '../platform/storage-health';
import type { StorageWarning } from '../platform/storage-health';
import {
  isRefusalWarningDismissed,
  rememberRefusalWarningDismissed,
  useStorageStatus,
} from '../platform/storage';
import { useServiceWorker } from '../platform/service-worker';

function UpdatePrompt({ onReload, onLater }: { onReload: () => void; onLater: () => void }) {
  return (
    <div
      className="update-prompt"
      role="alertdialog"
      aria-labelledby="update-title"
      aria-describedby="update-text"
    >
      <strong id="update-title">New version available</strong>
      <p id="update-text">Reload to use it. Everything you wrote is saved on this device.</p>
      <div className="row">
        <Button variant="primary" onClick={onReload}>
          Reload
        </Button>
        <Button variant="ghost" onClick={onLater}>
          Later
        </Button>
      </div>
    </div>
  );
}

function StorageNotices() {
  const { facts, warnings } = useStorageStatus();
  // Signed in and syncing: a copy is already on the server, so "turn on sync" would be wrong.
  const syncing = useSyncStatus().phase !== 'disabled';
  const [dismissed, setDismissed] = useState<StorageWarning[]>(() =>
    isRefusalWarningDismissed() ? ['refused'] : [],
  );
  const visible = warnings.filter((warning) => !dismissed.includes(warning));
  const dismiss = (warning: StorageWarning) => {
    if (warning === 'refused') rememberRefusalWarningDismissed();
    setDismissed((current) => [...current, warning]);
  };
  return visible.map((warning) =>
    warning === 'low' ? (
      <Notice
        key="low"
        tone="warning"
        onDismiss={() => dismiss('low')}
        dismissLabel="Dismiss storage warning"
      >
        Storage is running low
        {facts?.usage != null && facts.quota != null
          ? ` (${formatBytes(facts.usage)} of ${formatBytes(facts.quota)} used)`
          : ''}
        . New changes may fail to save: free some space
        {syncing ? (
          '. Your synced work is also kept on your sync server.'
        ) : (
          <>
            , and <Link to="/backup">download a backup</Link> or turn on sync so a copy of your work
            is kept elsewhere.
          </>
        )}
      </Notice>
    ) : (
      <Notice
        key="refused"
        tone="warning"
        onDismiss={() => dismiss('refused')}
        dismissLabel="Dismiss storage warning"
      >
        Storage may be cleared by the browser when the device runs short of space.{' '}
        {syncing ? (
          'Your synced work is kept on your sync server; install the app to keep this copy too.'
        ) : (
          <>
            Install the app, turn on sync, or <Link to="/backup">download a backup</Link> now and
            then to keep your work safe.
          </>
        )}
      </Notice>
    ),
  );
}

export function AppBanners() {
  const { offlineReady, updateWaiting, applyUpdate, dismissOfflineReady, dismissUpdate } =
    useServiceWorker();
  return (
    <>
      <div className="app-banners">
        {offlineReady ? (
          <Notice
            tone="success"
            role="status"
            onDismiss={dismissOfflineReady}
            dismissLabel="Dismiss offline message"
          >
            Ready to work offline. Story Prompts now opens without a network.
          </Notice>
        ) : null}
        <StorageNotices />
      </div>
      {/* Always there, so its text is announced when it appears: the prompt itself does not
          take focus (never mid-edit), and an alertdialog without focus is not announced. */}
      <p className="sr-only" role="status">
        {updateWaiting
          ? 'New version available. Reload to use it: the Reload button is in the box at the bottom of the screen.'
          : ''}
      </p>
      {updateWaiting ? (
        <UpdatePrompt onReload={() => void applyUpdate()} onLater={dismissUpdate} />
      ) : null}
    </>
  );
}
