// The parts of the status every tab reads straight from IndexedDB, live: the pending count (rows
// with changes in the outbox, exact even between two engine runs and in tabs that do not sync), refused
// changes, open conflicts and the last successful sync.
import { liveQuery } from 'dexie';
import { from } from 'rxjs';
import type { Observable } from 'rxjs';
import type { StoryPromptsDatabase } from '../../db/database';
import { countRowsWaitingToUpload } from '../../db/queries';
import { readSyncMeta } from '../../sync/sync-meta';

export interface LocalSyncCounts {
  pending: number;
  deadLetters: number;
  openConflicts: number;
  lastSyncedAt: number | null;
}

export function localSyncCounts(db: StoryPromptsDatabase): Observable<LocalSyncCounts> {
  return from(
    liveQuery(async () => {
      const [pending, deadLetters, openConflicts, lastSyncedAt] = await Promise.all([
        countRowsWaitingToUpload(db),
        db.dead_letters.count(),
        db.sync_conflicts.filter((conflict) => !conflict.resolved && !conflict.deleted).count(),
        readSyncMeta(db.meta, 'last_synced_at'),
      ]);
      return { pending, deadLetters, openConflicts, lastSyncedAt };
    }),
  );
}
