// How much is on this device, for the Diagnostics page: live rows per table, changes waiting to
// be pushed, changes the server refused and open conflicts. A full read (not live): it runs
// when the page opens or the writer asks.
import { SYNCED_TABLES } from '../domain/synced-tables';
import type { SyncedTable } from '../domain/synced-tables';
import type { StoryPromptsDatabase } from './database';

export type DeviceCounts = Record<Exclude<SyncedTable, 'sync_conflicts'>, number> & {
  pendingChanges: number;
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
  const [rows, pendingChanges, refusedChanges, openConflicts] = await Promise.all([
    Promise.all(tables.map(live)),
    db.changes.count(),
    db.dead_letters.count(),
    db.sync_conflicts.filter((conflict) => !conflict.deleted && !conflict.resolved).count(),
  ]);
  const counts = Object.fromEntries(tables.map((table, index) => [table, rows[index]!]));
  return {
    ...(counts as Record<(typeof tables)[number], number>),
    pendingChanges,
    refusedChanges,
    openConflicts,
  };
}
