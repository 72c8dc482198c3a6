// Resolves what can be resolved without asking the writer:
// - text conflicts whose edits touch different lines: the three-way merge (run in the worker
//   pool through `Reconciler`) is written as a new local edit of the field, which syncs like
//   any edit, and the conflict is marked resolved;
// - conflicts whose two values are equal (two devices made the same change) are resolved.
// Anything else stays in the Conflicts view until the writer picks a value.
import type { StoryPromptsDatabase } from '../db/database';
import { updateRow } from '../db/write-rows';
import type { Conflict } from '../domain/entities';
import { isSyncedTable } from '../domain/synced-tables';
import type { TextMergeResult } from './text-merge';

export interface Reconciler {
  mergeText(base: string, ours: string, theirs: string): Promise<TextMergeResult>;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function resolveTextConflict(
  db: StoryPromptsDatabase,
  conflict: Conflict,
  reconciler: Reconciler,
): Promise<boolean> {
  const { entity, row_id, field, winner_value, loser_value, base_value } = conflict;
  if (!isSyncedTable(entity) || typeof winner_value !== 'string' || typeof loser_value !== 'string')
    return false;
  const row = (await db.table(entity).get(row_id)) as Record<string, unknown> | undefined;
  // Merge only on top of the winning text: if the field moved on since, the writer decides.
  if (!row || row[field] !== winner_value) return false;
  const merged = await reconciler.mergeText(
    typeof base_value === 'string' ? base_value : '',
    winner_value,
    loser_value,
  );
  if (!merged.clean) return false;
  await db.transaction(
    'rw',
    [db.table(entity), db.sync_conflicts, db.changes, db.row_meta],
    async () => {
      const current = (await db.table(entity).get(row_id)) as Record<string, unknown> | undefined;
      if (!current || current[field] !== winner_value) return;
      await updateRow(db, entity, row_id, { [field]: merged.text } as never);
      await updateRow(db, 'sync_conflicts', conflict.id, { resolved: true });
    },
  );
  return true;
}

/** Returns how many conflicts were resolved automatically. */
export async function reconcileConflicts(
  db: StoryPromptsDatabase,
  reconciler: Reconciler,
): Promise<number> {
  const open = await db.sync_conflicts
    .filter((conflict) => !conflict.resolved && !conflict.deleted)
    .toArray();
  let resolved = 0;
  for (const conflict of open) {
    if (sameJson(conflict.winner_value, conflict.loser_value)) {
      await updateRow(db, 'sync_conflicts', conflict.id, { resolved: true });
      resolved += 1;
    } else if (
      conflict.kind === 'text_overlap' &&
      (await resolveTextConflict(db, conflict, reconciler))
    ) {
      resolved += 1;
    }
  }
  return resolved;
}
