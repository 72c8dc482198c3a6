// A full download after the server purged tombstones this device never pulled (it was away
// longer than the purge waits, supabase/migrations/20261126000700_tombstone_purge.sql).
//
// Downloading everything again brings back every row the server still has, but says nothing
// about the rows it purged: those were deleted on another device, and without this step they
// would stay alive here for good. So the download marks each row it re-delivers; when it is
// complete, a local row this device knew from the server (a server version at or below where
// its cursor stood) that was not re-delivered is gone from the server, and is deleted here as
// if its tombstone had been pulled. A row with an edit still waiting to be pushed is left
// alone: the writer's edit goes to the server like any other (nothing typed is dropped).
import type { StoryPromptsDatabase } from '../db/database';
import { pendingFieldsFor, rowKey } from './pending-fields';
import { readSyncMeta, writeSyncMeta } from './sync-meta';
import type { ResyncMark } from './sync-meta';
import { syncScope } from './sync-tables';

/** Starts the download over from the beginning (the cursor `fromCursor` was refused). */
export async function beginResync(db: StoryPromptsDatabase, fromCursor: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const running = await readSyncMeta(db.meta, 'resync');
    // A reset during a reset keeps the first one's horizon: it covers every row known then.
    const resync: ResyncMark = running ?? { mark: Date.now(), up_to_version: fromCursor };
    await writeSyncMeta(db.meta, 'resync', resync);
    await writeSyncMeta(db.meta, 'pull_cursor', 0);
  });
}

/**
 * Once the download is complete: deletes the local rows the server no longer has. Returns how
 * many. Runs in one transaction, so a crash repeats the whole step on the next sync.
 */
export async function finishResync(db: StoryPromptsDatabase): Promise<number> {
  return db.transaction('rw', syncScope(db), async () => {
    const resync = await readSyncMeta(db.meta, 'resync');
    if (!resync) return 0;
    const gone = await db.row_meta
      .filter(
        (meta) =>
          meta.server_version !== null &&
          meta.server_version <= resync.up_to_version &&
          meta.resync_mark !== resync.mark,
      )
      .toArray();
    const pending = await pendingFieldsFor(db, gone, await readSyncMeta(db.meta, 'inflight'));
    let deleted = 0;
    for (const meta of gone) {
      if (pending.has(rowKey(meta.table, meta.id))) continue;
      const table = db.table(meta.table);
      const row: Record<string, unknown> | undefined = await table.get(meta.id);
      if (!row || row.deleted === true) continue;
      await table.put({ ...row, deleted: true });
      deleted += 1;
    }
    await writeSyncMeta(db.meta, 'resync', null);
    return deleted;
  });
}
