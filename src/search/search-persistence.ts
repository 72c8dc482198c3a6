// The index is saved to the `search_index` table and restored on start instead of rebuilt.
//
// Model: one entry per shard holds the serialized index, the content stamp of every document,
// and a fingerprint of the database it was built from: the index format, the schema version and,
// for each table the shard follows, its row count and (where indexed) its highest updated_at.
// On start a different fingerprint means the stored index is behind (writes happened while no
// index followed them): it still answers at once, flagged incomplete, while a reconcile catches
// up. An unreadable entry or an older format is dropped and rebuilt. The fingerprint is a cheap
// hint, not a proof (an edit with an older timestamp and the same count slips by), so every
// restore is followed by a background reconcile that compares content stamps row by row.
import type { StoryPromptsDatabase } from '../db/database';
import type { SyncedTable } from '../domain/synced-tables';
import { SearchIndex } from './search-index';
import { SEARCH_INDEX_FORMAT } from './search-shard-config';
import type { ShardName } from './search-types';

export interface Fingerprint {
  format: number;
  schema: number;
  tables: Record<string, { count: number; maxUpdatedAt: string | null }>;
}

interface StoredShard {
  [field: string]: unknown;
  key: string;
  format: number;
  fingerprint: Fingerprint;
  index: string;
  stamps: Array<[string, string]>;
  savedAt: number;
}

const TABLES_WITH_UPDATED_AT = new Set<SyncedTable>(['stories', 'prompts', 'chats']);

export type LoadOutcome =
  | { kind: 'restored'; index: SearchIndex; upToDate: boolean }
  | { kind: 'missing' | 'outdated' }
  | { kind: 'corrupt'; error: unknown };

const keyOf = (shard: ShardName) => `shard:${shard}`;

export async function fingerprintOf(
  db: StoryPromptsDatabase,
  tables: readonly SyncedTable[],
): Promise<Fingerprint> {
  const entries = await Promise.all(
    tables.map(async (table) => {
      const source = db.syncedTable(table);
      const count = await source.count();
      const newest = TABLES_WITH_UPDATED_AT.has(table)
        ? await source.orderBy('updated_at').last()
        : undefined;
      return [table, { count, maxUpdatedAt: newest?.updated_at ?? null }] as const;
    }),
  );
  return { format: SEARCH_INDEX_FORMAT, schema: db.verno, tables: Object.fromEntries(entries) };
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function loadShard(
  db: StoryPromptsDatabase,
  shard: ShardName,
  tables: readonly SyncedTable[],
): Promise<LoadOutcome> {
  let stored: StoredShard | undefined;
  try {
    stored = (await db.search_index.get(keyOf(shard))) as StoredShard | undefined;
  } catch (error) {
    return { kind: 'corrupt', error };
  }
  if (!stored) return { kind: 'missing' };
  if (stored.format !== SEARCH_INDEX_FORMAT) return { kind: 'outdated' };
  if (typeof stored.index !== 'string' || !Array.isArray(stored.stamps) || !stored.fingerprint) {
    return { kind: 'corrupt', error: new Error('entry is missing parts') };
  }
  try {
    const index = await SearchIndex.restore(shard, { index: stored.index, stamps: stored.stamps });
    const current = await fingerprintOf(db, tables);
    return { kind: 'restored', index, upToDate: sameFingerprint(current, stored.fingerprint) };
  } catch (error) {
    return { kind: 'corrupt', error };
  }
}

/**
 * Saves `index` with the fingerprint taken while it was known to match the database; false
 * (nothing saved) when the index changed while it was being serialized.
 */
export async function saveShard(
  db: StoryPromptsDatabase,
  shard: ShardName,
  index: SearchIndex,
  fingerprint: Fingerprint,
): Promise<boolean> {
  const snapshot = await index.serialize();
  if (!snapshot) return false;
  const { index: serialized, stamps } = snapshot;
  const entry: StoredShard = {
    key: keyOf(shard),
    format: SEARCH_INDEX_FORMAT,
    fingerprint,
    index: serialized,
    stamps,
    savedAt: Date.now(),
  };
  await db.search_index.put(entry);
  return true;
}

export async function dropShard(db: StoryPromptsDatabase, shard: ShardName): Promise<void> {
  await db.search_index.delete(keyOf(shard));
}
