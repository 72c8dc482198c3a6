import type { StoryPromptsDatabase } from '../db/database';
import { SYNCED_TABLES } from '../domain/synced-tables';

/** Every table a sync step may touch, for one Dexie transaction around it. */
export function syncScope(db: StoryPromptsDatabase) {
  return [...SYNCED_TABLES.map((table) => db.table(table)), db.changes, db.row_meta, db.meta, db.dead_letters];
}
