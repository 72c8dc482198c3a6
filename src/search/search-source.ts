// How a shard follows the database: which tables feed it, how to catch up with a whole table or
// with a few changed rows, and how to turn hits into displayable results.
import type { StoryPromptsDatabase } from '../db/database';
import type { SyncedTable } from '../domain/synced-tables';
import type { RawHit, SearchIndex } from './search-index';
import type { SearchHit } from './search-types';

export interface ShardSource {
  /** Tables that change this shard, parents first (the order of a full reconcile). */
  readonly tables: readonly SyncedTable[];
  reconcile(table: SyncedTable): Promise<void>;
  applyKeys(table: SyncedTable, keys: readonly string[]): Promise<void>;
  toHits(raw: readonly RawHit[]): Promise<SearchHit[]>;
}

export type ShardSourceFactory = (
  db: StoryPromptsDatabase,
  index: () => SearchIndex,
) => ShardSource;
