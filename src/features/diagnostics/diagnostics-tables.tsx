// The Diagnostics page's tables: counts, storage facts, timings and the error log.
import type { DeviceCounts } from '../../db/device-counts';
import type { LoggedError, MetricsSnapshot } from '../../lib/app-metrics';
import { formatBytes } from '../../platform/storage-health';
import type { StorageFacts } from '../../platform/storage-health';

const COUNT_LABELS: [keyof DeviceCounts, string][] = [
  ['stories', 'Stories'],
  ['prompt_categories', 'Categories'],
  ['prompts', 'Prompts'],
  ['personas', 'Personas'],
  ['chats', 'Chats'],
  ['messages', 'Chat messages'],
  ['pendingChanges', 'Changes waiting to sync'],
  ['outboxEntries', 'Outbox entries behind them'],
  ['refusedChanges', 'Changes the server refused'],
  ['openConflicts', 'Open conflicts'],
];

const TIMING_LABELS: Record<string, string> = {
  sync: 'Sync runs',
  search: 'Searches',
  'chat reply': 'Chat replies (to first words)',
};

const ms = (value: number) =>
  `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;

export function CountsTable({ counts }: { counts: DeviceCounts }) {
  return (
    <table className="diagnostics-table">
      <tbody>
        {COUNT_LABELS.map(([key, label]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{counts[key].toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StorageFactsList({ facts }: { facts: StorageFacts | null }) {
  if (!facts) return <p className="page-loading">Checking…</p>;
  const persisted =
    facts.persisted === null
      ? 'This browser does not say.'
      : facts.persisted
        ? 'Yes: the browser will not clear it to free space.'
        : 'No: the browser may clear it when space runs short.';
  return (
    <dl className="diagnostics-facts">
      <dt>Used</dt>
      <dd>
        {facts.usage === null ? 'Unknown' : formatBytes(facts.usage)}
        {facts.quota === null ? '' : ` of ${formatBytes(facts.quota)} available to this app`}
      </dd>
      <dt>Kept safe from clearing</dt>
      <dd>{persisted}</dd>
    </dl>
  );
}

export function TimingsTable({ metrics }: { metrics: MetricsSnapshot }) {
  const names = Object.keys(metrics.timings);
  if (names.length === 0) {
    return (
      <p className="muted">
        Nothing measured yet: sync, search or chat in this tab to see figures.
      </p>
    );
  }
  return (
    <table className="diagnostics-table">
      <thead>
        <tr>
          <th scope="col">Operation</th>
          <th scope="col">Count</th>
          <th scope="col">Failed</th>
          <th scope="col">Average</th>
          <th scope="col">p95</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const timing = metrics.timings[name]!;
          return (
            <tr key={name}>
              <th scope="row">{TIMING_LABELS[name] ?? name}</th>
              <td>{timing.count.toLocaleString('en')}</td>
              <td>{timing.errors.toLocaleString('en')}</td>
              <td>{ms(timing.avgMs)}</td>
              <td>{ms(timing.p95Ms)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ErrorLog({ errors }: { errors: readonly LoggedError[] }) {
  if (errors.length === 0) return <p className="muted">No errors since this tab opened.</p>;
  return (
    <ul className="diagnostics-errors" aria-label="Recent errors">
      {errors.map((error, index) => (
        <li key={`${error.at}-${index}`}>
          <time dateTime={new Date(error.at).toISOString()}>
            {new Date(error.at).toLocaleTimeString('en')}
          </time>{' '}
          <strong>{error.source}</strong>: {error.message}
        </li>
      ))}
    </ul>
  );
}
