// Rows this tab has just edited (updateRow), announced the moment their transaction commits.
//
// Why: every repository write runs in an explicit transaction, and Dexie's live-query cache
// does not apply explicit transactions optimistically; it re-reads every query the write
// touches once it commits. A board section of 200 prompts (≈ 2 KB each) then takes 15–30 ms
// to read and deserialize again before an edited title reaches the screen (B7). The screens
// that show the edited row take it from this announcement instead and keep their live query
// for everything else (other tabs, sync, inserts, moves, deletes); the re-read that follows
// then finds the same row and changes nothing.
//
// The announcement fires on the IndexedDB transaction's own `complete` event, so a write nested
// in a larger transaction is announced only when that whole transaction commits, and a write
// that aborts is never announced. Dexie's cache has already started its re-reads by then
// (its listener was added when the transaction was created), so a read that began before the
// commit can no longer deliver over an announced row.
import { Dexie } from 'dexie';
import type { SyncedRowByTable, SyncedTable } from '../domain/synced-tables';
import type { StoryPromptsDatabase } from './database';

export type CommittedRowsListener<T extends SyncedTable> = (
  rows: readonly SyncedRowByTable[T][],
) => void;

type AnyListener = (rows: readonly unknown[]) => void;

const listeners = new WeakMap<StoryPromptsDatabase, Map<SyncedTable, Set<AnyListener>>>();

/** Calls `listener` with the rows of `table` as each of this tab's committed edits stored them. */
export function watchCommittedRows<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  listener: CommittedRowsListener<T>,
): () => void {
  let byTable = listeners.get(database);
  if (!byTable) listeners.set(database, (byTable = new Map()));
  let set = byTable.get(table);
  if (!set) byTable.set(table, (set = new Set()));
  const entry = listener as AnyListener;
  set.add(entry);
  return () => set.delete(entry);
}

/**
 * Announces `rows` of `table` once the transaction this is called in commits. Must be called
 * inside a Dexie transaction; does nothing when no one watches the table.
 */
export function announceOnCommit<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  rows: readonly SyncedRowByTable[T][],
): void {
  const watching = listeners.get(database)?.get(table);
  if (!watching || watching.size === 0 || rows.length === 0) return;
  const transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('announceOnCommit must be called inside a transaction');
  // Frozen like the rows live queries deliver (the database caches them 'immutable').
  const frozen = rows.map((row) => Object.freeze({ ...row }));
  transaction.idbtrans.addEventListener('complete', () => {
    for (const listener of [...watching]) {
      // A listener that throws must not keep the others from hearing of the commit; its error
      // still surfaces as an uncaught one.
      try {
        listener(frozen);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  });
}
