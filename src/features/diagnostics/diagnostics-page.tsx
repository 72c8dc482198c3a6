// The Diagnostics page (/diagnostics): what is on this device, storage use, how fast sync,
// search and chat have been in this tab, the recent errors, and a file to send when asking
// for help.
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../components/ui/button';
import { describeError } from '../../components/ui/describe-error';
import { Notice } from '../../components/ui/notice';
import { readDeviceCounts } from '../../db/device-counts';
import type { DeviceCounts } from '../../db/device-counts';
import { db } from '../../db/instance';
import { localDay } from '../../lib/local-day';
import { downloadFile } from '../../platform/download-file';
import { useStorageStatus } from '../../platform/storage';
import { diagnosticsReport } from './diagnostics-report';
import { CountsTable, ErrorLog, StorageFactsList, TimingsTable } from './diagnostics-tables';
import { useAppMetrics } from './use-app-metrics';
import './diagnostics.css';

function useDeviceCounts() {
  const [counts, setCounts] = useState<DeviceCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    readDeviceCounts(db).then(
      (next) => {
        setCounts(next);
        setError(null);
      },
      (caught: unknown) => setError(describeError(caught)),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return { counts, error, refresh };
}

export function DiagnosticsPage() {
  const { counts, error, refresh } = useDeviceCounts();
  const { facts } = useStorageStatus();
  const metrics = useAppMetrics();
  const exportReport = () =>
    downloadFile(
      `story-prompts-diagnostics-${localDay(new Date())}.json`,
      JSON.stringify(diagnosticsReport(counts, facts, metrics), null, 2),
      'application/json',
    );
  return (
    <section className="diagnostics-page stack" aria-labelledby="diagnostics-heading">
      <title>Diagnostics · Story Prompts</title>
      <div>
        <h1 id="diagnostics-heading">Diagnostics</h1>
        <p className="muted">
          How the app is doing on this device. The export holds numbers and error messages only,
          none of your writing.
        </p>
      </div>
      <div className="row">
        <Button onClick={exportReport}>Export diagnostics</Button>
        <Button variant="ghost" onClick={refresh}>
          Refresh counts
        </Button>
      </div>
      <section className="card stack-tight" aria-labelledby="diagnostics-counts">
        <h2 id="diagnostics-counts">On this device</h2>
        {error ? <Notice tone="error">Could not count: {error}</Notice> : null}
        {counts ? <CountsTable counts={counts} /> : <p className="page-loading">Counting…</p>}
      </section>
      <section className="card stack-tight" aria-labelledby="diagnostics-storage">
        <h2 id="diagnostics-storage">Storage</h2>
        <StorageFactsList facts={facts} />
      </section>
      <section className="card stack-tight" aria-labelledby="diagnostics-speed">
        <h2 id="diagnostics-speed">Speed in this tab</h2>
        <TimingsTable metrics={metrics} />
      </section>
      <section className="card stack-tight" aria-labelledby="diagnostics-errors">
        <h2 id="diagnostics-errors">Recent errors in this tab</h2>
        <ErrorLog errors={metrics.errors} />
      </section>
    </section>
  );
}
