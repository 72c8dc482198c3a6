// Reads Dexie's 'storagemutated' notifications. Dexie fires them for every committed write in
// this context and relays them to every tab and worker of the origin (BroadcastChannel), which is
// why the index follows the database itself rather than the outbox: the outbox misses rows
// written by the sync engine and is emptied by it. Small writes name their primary keys; bulk
// writes (50+ rows), clear() and range deletes name a key range, which we treat as "anything in
// this table may have changed" (a reconcile of the table).
import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';
import type { SyncedTable } from '../domain/synced-tables';

export type TableMutation =
  { table: SyncedTable; keys: string[] } | { table: SyncedTable; all: true };

export function readMutations(
  parts: ObservabilitySet,
  dbName: string,
  tables: readonly SyncedTable[],
): TableMutation[] | 'everything' {
  if ('all' in parts) return 'everything'; // Dexie's "assume all changed" (e.g. back/forward cache)
  const mutations: TableMutation[] = [];
  for (const table of tables) {
    const tree = parts[`idb://${dbName}/${table}/`];
    if (!tree || !('from' in tree)) continue;
    const keys: string[] = [];
    if (collectKeys(tree as IntervalTreeNode, keys)) mutations.push({ table, keys });
    else mutations.push({ table, all: true });
  }
  return mutations;
}

/** Collects single string keys; false as soon as the tree holds a real range. */
function collectKeys(node: IntervalTree | null | undefined, keys: string[]): boolean {
  if (!node || !('from' in node)) return true;
  if (node.from !== node.to || typeof node.from !== 'string') return false;
  keys.push(node.from);
  return collectKeys(node.l, keys) && collectKeys(node.r, keys);
}
