// How much is on this device, for the Diagnostics page: live rows per table, rows with changes
// waiting to be pushed (counted like the sync indicator's "N changes waiting to upload") and
// the outbox entries behind them, changes the server refused and open conflicts. A full read
// (not live): it runs when the page opens or the writer asks.
import { SYNCED_TABLES } from '../domain/synced-tables';
import type { SyncedTable } from '../domain/synced-tables';
import type { StoryPromptsDatabase } from './database';
import { countRowsWaitingToUpload } from './queries';

export type DeviceCounts = Record<Exclude<SyncedTable, 'sync_conflicts'>, number> & {
  /** Distinct rows with changes waiting, as the sync indicator counts them. */
  pendingChanges: number;
  /** The outbox entries behind them (several edits of one row are several entries). */
  outboxEntries: number;
  refusedChanges: number;
  openConflicts: number;
};

export async function readDeviceCounts(db: StoryPromptsDatabase): Promise<DeviceCounts> {
  const live = (table: SyncedTable) =>
    db
      .syncedTable(table)
      .filter((row) => !row.deleted)
      .count();
  const tables = SYNCED_TABLES.filter((table) => table !== 'sync_conflicts');
  const [rows, pendingChanges, outboxEntries, refusedChanges, openConflicts] = await Promise.all([
    Promise.all(tables.map(live)),
    countRowsWaitingToUpload(db, Infinity),
    db.changes.count(),
    db.dead_letters.count(),
    db.sync_conflicts.filter((conflict) => !conflict.deleted && !conflict.resolved).count(),
  ]);
  const counts = Object.fromEntries(tables.map((table, index) => [table, rows[index]!]));
  return {
    ...(counts as Record<(typeof tables)[number], number>),
    pendingChanges,
    outboxEntries,
    refusedChanges,
    openConflicts,
  };
}
