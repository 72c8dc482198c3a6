// The only way rows of synced tables change locally. Each write validates the whole row with
// its zod schema, stamps every changed field with a fresh HLC (a new row: one HLC for all its
// fields), and stores the row, its row_meta (a new row: none yet) and one outbox entry in a
// single 'rw' transaction: all or none.
import { isLongTextField, ROW_SCHEMAS, UNSYNCED_FIELDS } from '../domain/synced-tables';
import type { SyncedRowByTable, SyncedTable } from '../domain/synced-tables';
import { clockFor } from './clock';
import { announceOnCommit } from './committed-rows';
import type { ChangeEntry, FieldChangeEntry, RowMeta, StoryPromptsDatabase } from './database';
import { NotFoundError, toStorageError, ValidationError } from './errors';
import { writeInSlices } from './sliced-writes';
import {
  fieldHlcOf,
  highestFieldHlc,
  INSERT_ENTRY_ROWS,
  insertEntries,
  readRowClocks,
  writeInsertOut,
} from './outbox-entries';

/**
 * Import slices written at once: four keep IndexedDB busy while the next slice is validated and
 * cloned (B4: 100,000 messages 1.2× raw instead of 1.33× with two). Four slices of 50 rows
 * still clone in well under 50 ms in the first task.
 */
const IMPORT_SLICES_IN_FLIGHT = 4;

const TABLE_LABELS: Record<SyncedTable, string> = {
  stories: 'Story',
  prompt_categories: 'Category',
  prompts: 'Prompt',
  personas: 'Persona',
  chats: 'Chat',
  messages: 'Message',
  sync_conflicts: 'Conflict',
};

type Row<T extends SyncedTable> = SyncedRowByTable[T];

function validate<T extends SyncedTable>(table: T, row: unknown): Row<T> {
  const result = ROW_SCHEMAS[table].safeParse(row);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data as Row<T>;
}

function sameValue(a: unknown, b: unknown): boolean {
  // Arrays and objects (tags, action steps) are small: comparing their JSON is exact enough.
  return (
    a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b))
  );
}

/** Builds the outbox entry and the new row_meta for an edited row; null when nothing changed. */
function stampChanges<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  before: Row<T>,
  after: Row<T>,
  meta: RowMeta | undefined,
): { change: ChangeEntry; meta: RowMeta } | null {
  const clock = clockFor(database);
  const fieldHlc = { ...(meta?.field_hlc ?? {}) };
  const fields: Record<string, FieldChangeEntry> = {};
  for (const [field, value] of Object.entries(after)) {
    if (UNSYNCED_FIELDS.has(field)) continue;
    const previous = (before as Record<string, unknown>)[field];
    if (sameValue(previous, value)) continue;
    const baseHlc = fieldHlcOf(meta, field);
    if (baseHlc) clock.recv(baseHlc);
    const hlc = clock.send();
    fields[field] = { value, hlc, base_hlc: baseHlc };
    if (isLongTextField(table, field))
      fields[field].base = (previous as string | undefined) ?? null;
    fieldHlc[field] = hlc;
  }
  if (Object.keys(fields).length === 0) return null;
  const change: ChangeEntry = { table, row_id: after.id, fields, created_at: Date.now() };
  if (fields.deleted && after.deleted) change.row_hlc_seen = highestFieldHlc(meta);
  const nextMeta: RowMeta = {
    table,
    id: after.id,
    field_hlc: fieldHlc,
    server_version: meta?.server_version ?? null,
  };
  if (meta?.row_hlc) nextMeta.row_hlc = meta.row_hlc;
  return { change, meta: nextMeta };
}

function writeScope(database: StoryPromptsDatabase, table: SyncedTable) {
  return [database.table(table), database.changes, database.row_meta];
}

/**
 * Inserts new rows. Each gets one HLC for all its fields, kept in a compact outbox entry that
 * names the row (one entry for up to 50 rows inserted together): its values are read from the
 * row when pushed and it has no row_meta until then (outbox-entries.ts), so an import of
 * thousands of long prompts writes each text once, and few outbox entries.
 */
export async function insertRows<T extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: T,
  rows: readonly Row<T>[],
): Promise<Row<T>[]> {
  try {
    return await database.transaction('rw', writeScope(database, table), async () => {
      const clock = clockFor(database);
      const now = Date.now();
      const inserted: Row<T>[] = [];
      // Validated and written slice by slice (sliced-writes.ts); an invalid row in any slice
      // still writes nothing, as the transaction aborts.
      // A slice is the rows of one outbox entry (or a few, for long rows).
      await writeInSlices(
        rows,
        (slice) => {
          const valid = slice.map((row) => validate(table, row));
          const changes = insertEntries(table, valid, () => clock.send(), now);
          inserted.push(...valid);
          return Promise.all([
            database.syncedTable(table).bulkAdd(valid),
            database.changes.bulkAdd(changes),
          ]);
        },
        INSERT_ENTRY_ROWS,
        IMPORT_SLICES_IN_FLIGHT,
      );
      return inserted;
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
      // Both reads are issued at once: IndexedDB serves them in one round of the event loop.
      const [current, clocks] = await Promise.all([
        database.syncedTable(table).get(id),
        readRowClocks(database, table, id),
      ]);
      if (!current) throw new NotFoundError(TABLE_LABELS[table], id);
      const patch = typeof update === 'function' ? update(current) : update;
      const next = validate(table, {
        ...current,
        ...patch,
        id,
        updated_at: new Date().toISOString(),
      });
      const stamped = stampChanges(database, table, current, next, clocks.meta);
      if (!stamped) return current;
      const writes: Promise<unknown>[] = [
        database.syncedTable(table).put(next),
        database.row_meta.put(stamped.meta),
        database.changes.add(stamped.change),
      ];
      // The insert must go out with the values it was made with, not this edit's (outbox-entries.ts).
      if (clocks.compactInsert)
        writes.push(writeInsertOut(database, clocks.compactInsert, current));
      await Promise.all(writes);
      announceOnCommit(database, table, [next]);
      return next;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
