import type { StoryPromptsDatabase } from '../db/database';
import { SYNCED_TABLES } from '../domain/synced-tables';

export function syncedTablesOf(db: StoryPromptsDatabase) {
  return SYNCED_TABLES.map((table) => db.table(table));
}

/** Every table a sync step may touch, for one Dexie transaction around it. */
export function syncScope(db: StoryPromptsDatabase) {
  return [...syncedTablesOf(db), db.changes, db.row_meta, db.meta, db.dead_letters];
}
