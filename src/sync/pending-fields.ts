// Which fields of which rows still have local edits the server has not confirmed: outbox
// entries plus the in-flight batch. A pulled value never overwrites such a field; the local
// edit will reach the server with its base HLC and be merged there.
import type { StoryPromptsDatabase } from '../db/database';
import { changedFieldNames, readEntriesInsertedTogether, rowIdsOf } from '../db/outbox-entries';
import type { InflightBatch } from './sync-meta';

export type PendingFields = Map<string, Set<string>>;

const SMALL_OUTBOX = 2_000;

export const rowKey = (table: string, id: string) => `${table}:${id}`;

export async function pendingFieldsFor(
  db: StoryPromptsDatabase,
  rows: readonly { table: string; id: string }[],
  inflight: InflightBatch | null,
): Promise<PendingFields> {
  const pending: PendingFields = new Map();
  const add = (table: string, id: string, fields: Iterable<string>) => {
    const key = rowKey(table, id);
    let set = pending.get(key);
    if (!set) pending.set(key, (set = new Set()));
    for (const field of fields) set.add(field);
  };
  for (const mutation of inflight?.mutations ?? [])
    add(mutation.table, mutation.id, Object.keys(mutation.fields));
  if (rows.length === 0) return pending;
  // Usually the outbox is empty or small while pulling (a first sync, a quiet device): then
  // reading it whole is much cheaper than an index lookup per pulled row.
  const outboxSize = await db.changes.count();
  if (outboxSize === 0) return pending;
  const entries =
    outboxSize <= SMALL_OUTBOX
      ? await db.changes.toArray()
      : [
          ...(await db.changes
            .where('[table+row_id]')
            .anyOf(rows.map((row) => [row.table, row.id]))
            .toArray()),
          ...(await readEntriesInsertedTogether(db)),
        ];
  for (const entry of entries)
    for (const id of rowIdsOf(entry)) add(entry.table, id, changedFieldNames(entry));
  return pending;
}
