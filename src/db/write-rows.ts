// The only way rows of synced tables change locally. Each write validates the whole row with
// its zod schema, stamps every changed field with a fresh HLC, and stores the row, its
// row_meta and one outbox entry in a single 'rw' transaction: all three or none.
import { compareHlc } from '../domain/hlc';
import { isLongTextField, ROW_SCHEMAS } from '../domain/synced-tables';
import type { SyncedRowByTable, SyncedTable } from '../domain/synced-tables';
import { clockFor } from './clock';
import type { ChangeEntry, FieldChangeEntry, RowMeta, StoryPromptsDatabase } from './database';
import { NotFoundError, toStorageError, ValidationError } from './errors';

const TABLE_LABELS: Record<SyncedTable, string> = {
  stories: 'Story',
  prompt_categories: 'Category',
  prompts: 'Prompt',
  personas: 'Persona',
  chats: 'Chat',
  messages: 'Message',
  sync_conflicts: 'Conflict',
};

/** Fields that are not merged as data: identity and the informational timestamp. */
const UNSYNCED_FIELDS = new Set(['id', 'updated_at']);

type Row<T extends SyncedTable> = SyncedRowByTable[T];

function validate<T extends SyncedTable>(table: T, row: unknown): Row<T> {
  const result = ROW_SCHEMAS[table].safeParse(row);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data as Row<T>;
}

function sameValue(a: unknown, b: unknown): boolean {
  // Arrays and objects (tags, action steps) are small: comparing their JSON is exact enough.
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

function highestHlc(fieldHlc: Record<string, string>): string | null {
  let highest: string | null = null;
  for (const hlc of Object.values(fieldHlc)) if (compareHlc(hlc, highest) > 0) highest = hlc;
  return highest;
}

/** Builds the outbox entry and the new row_meta for one row; null when nothing changed. */
function stampChanges<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  before: Row<T> | undefined,
  after: Row<T>,
  meta: RowMeta | undefined,
): { change: ChangeEntry; meta: RowMeta } | null {
  const clock = clockFor(database);
  const fieldHlc = { ...(meta?.field_hlc ?? {}) };
  const fields: Record<string, FieldChangeEntry> = {};
  for (const [field, value] of Object.entries(after)) {
    if (UNSYNCED_FIELDS.has(field)) continue;
    const previous = before ? (before as Record<string, unknown>)[field] : undefined;
    if (before && sameValue(previous, value)) continue;
    const baseHlc = fieldHlc[field] ?? null;
    if (baseHlc) clock.recv(baseHlc);
    const hlc = clock.send();
    fields[field] = { value, hlc, base_hlc: baseHlc };
    if (isLongTextField(table, field)) fields[field].base = before ? (previous as string) : null;
    fieldHlc[field] = hlc;
  }
  if (Object.keys(fields).length === 0) return null;
  const change: ChangeEntry = { table, row_id: after.id, fields, created_at: Date.now() };
  if (fields.deleted && after.deleted) change.row_hlc_seen = highestHlc(meta?.field_hlc ?? {});
  return {
    change,
    meta: { table, id: after.id, field_hlc: fieldHlc, server_version: meta?.server_version ?? null },
  };
}

function writeScope(database: StoryPromptsDatabase, table: SyncedTable) {
  return [database.table(table), database.changes, database.row_meta];
}

/** Inserts new rows (all fields become one outbox entry per row). */
export async function insertRows<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  rows: readonly Row<T>[],
): Promise<Row<T>[]> {
  const valid = rows.map((row) => validate(table, row));
  try {
    return await database.transaction('rw', writeScope(database, table), async () => {
      const stamped = valid.map((row) => stampChanges(database, table, undefined, row, undefined)!);
      await database.syncedTable(table).bulkAdd(valid);
      await database.row_meta.bulkPut(stamped.map((entry) => entry.meta));
      await database.changes.bulkAdd(stamped.map((entry) => entry.change));
      return valid;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function insertRow<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  row: Row<T>,
): Promise<Row<T>> {
  const [inserted] = await insertRows(database, table, [row]);
  return inserted!;
}

/**
 * Applies `patch` to a stored row. `update` may compute the patch from the current row inside
 * the transaction (for read-modify-write edits such as ticking one action step).
 */
export async function updateRow<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  id: string,
  update: Partial<Row<T>> | ((current: Row<T>) => Partial<Row<T>>),
): Promise<Row<T>> {
  try {
    return await database.transaction('rw', writeScope(database, table), async () => {
      const current = await database.syncedTable(table).get(id);
      if (!current) throw new NotFoundError(TABLE_LABELS[table], id);
      const patch = typeof update === 'function' ? update(current) : update;
      const next = validate(table, { ...current, ...patch, id, updated_at: new Date().toISOString() });
      const meta = await database.row_meta.get([table, id]);
      const stamped = stampChanges(database, table, current, next, meta);
      if (!stamped) return current;
      await database.syncedTable(table).put(next);
      await database.row_meta.put(stamped.meta);
      await database.changes.add(stamped.change);
      return next;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
