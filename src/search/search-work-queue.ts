// Pending index work of one shard, coalesced: changed keys of a table merge into one item, and
// a pending "reconcile the whole table" absorbs key items of that table.
import type { SyncedTable } from '../domain/synced-tables';
import type { TableMutation } from './search-mutations';

export type WorkItem =
  { table: SyncedTable; keys: Set<string> } | { table: SyncedTable; all: true };

export class WorkQueue {
  private items: WorkItem[] = [];

  get length(): number {
    return this.items.length;
  }

  add(mutation: TableMutation): void {
    const { table } = mutation;
    if ('all' in mutation) {
      if (this.items.some((item) => item.table === table && 'all' in item)) return;
      this.items = this.items.filter((item) => item.table !== table);
      this.items.push({ table, all: true });
      return;
    }
    if (this.items.some((item) => item.table === table && 'all' in item)) return;
    const pending = this.items.find(
      (item): item is { table: SyncedTable; keys: Set<string> } =>
        item.table === table && 'keys' in item,
    );
    if (pending) for (const key of mutation.keys) pending.keys.add(key);
    else this.items.push({ table, keys: new Set(mutation.keys) });
  }

  take(): WorkItem | undefined {
    return this.items.shift();
  }

  clear(): void {
    this.items = [];
  }
}
