// Reading the outbox and a row's field clocks in their full form. A row inserted on this
// device is stored compactly: its outbox entry names only the row and one HLC
// (`inserted_hlc`), the field values are read from the row itself when the entry is pushed,
// and it has no row_meta until the server's reply to that push brings one. Inserts come by
// the thousand (imports, a chat's messages) with kilobytes of text each: copying every value
// into the outbox and a clock per field into row_meta doubled what an import wrote.
// The first edit of such a row writes the insert out in full (the values before that edit)
// and then adds its own entry as usual. So a compact insert always means the row still holds
// the values it was inserted with, and mutations keep the order in which the writer made
// them: a prompt moved into a category created after it is sent before that move.
import { isLongTextField, syncedFieldsOf } from '../domain/synced-tables';
import type { SyncedTable } from '../domain/synced-tables';
import type { ChangeEntry, FieldChangeEntry, RowMeta, StoryPromptsDatabase } from './database';

export interface RowClocks {
  /** The row's field clocks: its row_meta, or for a compact insert its one HLC for every field. */
  meta: RowMeta | undefined;
  /** The row's insert, still compact in the outbox: an edit must write its values out first. */
  compactInsert: ChangeEntry | undefined;
}

/**
 * What an edit of a row needs to know about its clocks (inside a transaction covering row_meta
 * and the outbox). A row with a row_meta has no compact insert left: the first edit wrote it
 * out and wrote the row_meta, and the server's reply to a push writes the row_meta too.
 */
export async function readRowClocks(
  db: StoryPromptsDatabase,
  table: SyncedTable,
  id: string,
): Promise<RowClocks> {
  const meta = await db.row_meta.get([table, id]);
  if (meta) return { meta, compactInsert: undefined };
  // Entries of one row sort by seq in the [table+row_id] index, so an insert is the first.
  const first = await db.changes.where('[table+row_id]').equals([table, id]).first();
  const compactInsert = first?.inserted_hlc !== undefined ? first : undefined;
  if (!compactInsert) return { meta: undefined, compactInsert };
  return {
    meta: { table, id, field_hlc: {}, row_hlc: compactInsert.inserted_hlc, server_version: null },
    compactInsert,
  };
}

/** The HLC a field was last stamped with on this device, or null if never. */
export function fieldHlcOf(meta: RowMeta | undefined, field: string): string | null {
  return meta?.field_hlc[field] ?? meta?.row_hlc ?? null;
}

/**
 * A row's field clocks stored compactly: when the clocks cover every synced field, the most
 * common HLC (a row inserted in one go has one for all its fields) becomes `row_hlc` and only
 * the others are listed. A pulled row's clocks were a quarter of what a first sync wrote.
 */
export function compactRowMeta(
  table: SyncedTable,
  id: string,
  fieldHlc: Record<string, string>,
  serverVersion: number | null,
): RowMeta {
  const fields = syncedFieldsOf(table);
  if (!fields.every((field) => field in fieldHlc))
    return { table, id, field_hlc: fieldHlc, server_version: serverVersion };
  const counts = new Map<string, number>();
  let common = '';
  for (const field of fields) {
    const count = (counts.get(fieldHlc[field]!) ?? 0) + 1;
    counts.set(fieldHlc[field]!, count);
    if (count > (counts.get(common) ?? 0)) common = fieldHlc[field]!;
  }
  const rest: Record<string, string> = {};
  for (const [field, hlc] of Object.entries(fieldHlc)) if (hlc !== common) rest[field] = hlc;
  return { table, id, field_hlc: rest, row_hlc: common, server_version: serverVersion };
}

/** The highest HLC of any field of the row (HLC strings order like their clocks). */
export function highestFieldHlc(meta: RowMeta | undefined): string | null {
  let highest = meta?.row_hlc ?? null;
  for (const hlc of Object.values(meta?.field_hlc ?? {}))
    if (highest === null || hlc > highest) highest = hlc;
  return highest;
}

/** The names of the fields an outbox entry changes. */
export function changedFieldNames(entry: ChangeEntry): readonly string[] {
  return entry.inserted_hlc ? syncedFieldsOf(entry.table) : Object.keys(entry.fields);
}

/** An insert entry with every field's current value filled in from its row. */
export function expandInsert(entry: ChangeEntry, row: Record<string, unknown>): ChangeEntry {
  const hlc = entry.inserted_hlc!;
  const fields: Record<string, FieldChangeEntry> = {};
  for (const field of syncedFieldsOf(entry.table)) {
    if (!(field in row)) continue;
    fields[field] = { value: row[field], hlc, base_hlc: null };
    if (isLongTextField(entry.table, field)) fields[field].base = null;
  }
  const { inserted_hlc: _compact, ...rest } = entry;
  return { ...rest, fields };
}

export interface OutboxRead {
  /** The entries in seq order, in full form. */
  entries: ChangeEntry[];
  /** Seqs of inserts whose row is gone (removed outside the repositories): nothing to send. */
  orphanSeqs: number[];
}

/** The oldest `limit` outbox entries in full form (inside a transaction covering the outbox and the synced tables). */
export async function readOutbox(db: StoryPromptsDatabase, limit = Infinity): Promise<OutboxRead> {
  const entries = await db.changes.orderBy(':id').limit(limit).toArray();
  const insertsByTable = new Map<SyncedTable, ChangeEntry[]>();
  for (const entry of entries) {
    if (!entry.inserted_hlc) continue;
    const list = insertsByTable.get(entry.table) ?? [];
    list.push(entry);
    insertsByTable.set(entry.table, list);
  }
  if (insertsByTable.size === 0) return { entries, orphanSeqs: [] };
  const expanded = new Map<ChangeEntry, ChangeEntry | null>();
  for (const [table, inserts] of insertsByTable) {
    const rows = await db.table(table).bulkGet(inserts.map((entry) => entry.row_id));
    inserts.forEach((entry, index) => {
      const row = rows[index] as Record<string, unknown> | undefined;
      expanded.set(entry, row ? expandInsert(entry, row) : null);
    });
  }
  const read: OutboxRead = { entries: [], orphanSeqs: [] };
  for (const entry of entries) {
    const full = entry.inserted_hlc ? expanded.get(entry) : entry;
    if (full) read.entries.push(full);
    else read.orphanSeqs.push(entry.seq!);
  }
  return read;
}
