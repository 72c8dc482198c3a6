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
// Rows inserted together (an import, a pulled-in backup) share one such entry, up to
// INSERT_ENTRY_ROWS of them (`inserted_ids` beyond its `row_id`): an outbox entry per row cost
// as much as a third of the rows themselves (B2, B4). The first edit of one of them takes it
// out of that entry and writes its insert out in full right behind it (at a fractional seq
// below the next entry's), so its insert keeps its place. Such a row is found by reading the
// entries of rows inserted together (ids only): the first edit of an imported row not yet
// uploaded.
import { isLongTextField, syncedFieldsOf } from '../domain/synced-tables';
import type { SyncedTable } from '../domain/synced-tables';
import type { ChangeEntry, FieldChangeEntry, RowMeta, StoryPromptsDatabase } from './database';

/** The most rows one insert entry stands for (two such entries fill one push, PUSH_BATCH). */
export const INSERT_ENTRY_ROWS = 50;
/** And the most JSON they may weigh together, well inside a push's byte limit. */
export const INSERT_ENTRY_BYTES = 256 * 1024;

/** The rows an outbox entry changes: its row, and the rows inserted with it. */
export function rowIdsOf(entry: ChangeEntry): readonly string[] {
  return entry.inserted_ids ? [entry.row_id, ...entry.inserted_ids] : [entry.row_id];
}

/** Every outbox entry of rows inserted together (inside a transaction covering the outbox). */
export function readEntriesInsertedTogether(db: StoryPromptsDatabase): Promise<ChangeEntry[]> {
  return db.changes.where('inserted_count').aboveOrEqual(0).toArray();
}

/**
 * Groups rows inserted together into insert entries: at most INSERT_ENTRY_ROWS rows and
 * INSERT_ENTRY_BYTES of JSON each (a single row over that has an entry of its own).
 */
export function insertEntries(
  table: SyncedTable,
  rows: readonly { id: string }[],
  stamp: () => string,
  createdAt: number,
): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  let ids: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (ids.length === 0) return;
    const [rowId, ...others] = ids;
    const entry: ChangeEntry = {
      table,
      row_id: rowId!,
      fields: {},
      inserted_hlc: stamp(),
      created_at: createdAt,
    };
    if (others.length > 0) {
      entry.inserted_ids = others;
      entry.inserted_count = others.length;
    }
    entries.push(entry);
    ids = [];
    bytes = 0;
  };
  for (const row of rows) {
    const size = jsonLength(row);
    if (ids.length >= INSERT_ENTRY_ROWS || (ids.length > 0 && bytes + size > INSERT_ENTRY_BYTES))
      flush();
    ids.push(row.id);
    bytes += size;
  }
  flush();
  return entries;
}

/**
 * About the length of `row` as JSON, without serializing its long texts (an import weighs
 * thousands of them): strings by their length, nested values (tags, steps) as JSON.
 */
function jsonLength(row: object): number {
  let length = 2;
  for (const [key, value] of Object.entries(row)) {
    length += key.length + 4;
    if (typeof value === 'string') length += value.length + 2;
    else if (typeof value === 'object' && value !== null) length += JSON.stringify(value).length;
    else length += String(value).length;
  }
  return length;
}

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
  // Entries of one row sort by seq in the [table+row_id] index, so an insert is the first;
  // a row inserted with others may instead be one of an entry's `inserted_ids`.
  const first = await db.changes.where('[table+row_id]').equals([table, id]).first();
  const compactInsert =
    first?.inserted_hlc !== undefined
      ? first
      : (await readEntriesInsertedTogether(db)).find(
          (entry) => entry.table === table && entry.inserted_ids!.includes(id),
        );
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
  const {
    inserted_hlc: _compact,
    inserted_ids: _together,
    inserted_count: _count,
    ...rest
  } = entry;
  return { ...rest, row_id: row.id as string, fields };
}

/**
 * Before the first edit of a row still compact in the outbox (inside the edit's transaction):
 * writes its insert out in full with the values it was inserted with, in the insert's place.
 * A single-row insert is replaced; a row inserted with others leaves their entry and gets an
 * entry of its own right behind it (a fractional seq below the next entry's).
 */
export async function writeInsertOut(
  db: StoryPromptsDatabase,
  entry: ChangeEntry,
  row: Record<string, unknown> & { id: string },
): Promise<void> {
  const full = expandInsert(entry, row);
  const others = rowIdsOf(entry).filter((id) => id !== row.id);
  if (others.length === 0) {
    await db.changes.put(full);
    return;
  }
  const seq = entry.seq!;
  // At most INSERT_ENTRY_ROWS rows leave one entry: 1/64 steps stay exact and below seq + 1.
  const behind = await db.changes
    .where(':id')
    .between(seq, seq + 1, false, false)
    .count();
  const [rowId, ...rest] = others;
  const remaining: ChangeEntry = { ...entry, row_id: rowId! };
  if (rest.length > 0) {
    remaining.inserted_ids = rest;
    remaining.inserted_count = rest.length;
  } else {
    delete remaining.inserted_ids;
    delete remaining.inserted_count;
  }
  await Promise.all([
    db.changes.put(remaining),
    db.changes.add({ ...full, seq: seq + (behind + 1) / 64 }),
  ]);
}

export interface OutboxRead {
  /** The entries in seq order, in full form (an entry of rows inserted together: one per row, sharing its seq). */
  entries: ChangeEntry[];
  /** Seqs of inserts whose rows are all gone (removed outside the repositories): nothing to send. */
  orphanSeqs: number[];
}

/**
 * The oldest outbox entries in full form, about `limit` rows' worth (always at least one entry;
 * inside a transaction covering the outbox and the synced tables).
 */
export async function readOutbox(db: StoryPromptsDatabase, limit = Infinity): Promise<OutboxRead> {
  const stored = await db.changes.orderBy(':id').limit(limit).toArray();
  let rows = 0;
  const entries = stored.filter((entry) => {
    rows += rowIdsOf(entry).length;
    return rows <= limit || entry === stored[0];
  });
  // The rows of compact inserts, read in one go per table.
  const idsByTable = new Map<SyncedTable, string[]>();
  for (const entry of entries) {
    if (entry.inserted_hlc === undefined) continue;
    const ids = idsByTable.get(entry.table) ?? [];
    ids.push(...rowIdsOf(entry));
    idsByTable.set(entry.table, ids);
  }
  const rowsById = new Map<string, Record<string, unknown>>();
  for (const [table, ids] of idsByTable) {
    const found = await db.table(table).bulkGet(ids);
    found.forEach((row: Record<string, unknown> | undefined, index) => {
      if (row) rowsById.set(`${table}:${ids[index]}`, row);
    });
  }
  const read: OutboxRead = { entries: [], orphanSeqs: [] };
  for (const entry of entries) {
    if (entry.inserted_hlc === undefined) {
      read.entries.push(entry);
      continue;
    }
    let sent = 0;
    for (const id of rowIdsOf(entry)) {
      const row = rowsById.get(`${entry.table}:${id}`);
      if (!row) continue; // removed outside the repositories: nothing to send
      read.entries.push(expandInsert(entry, row));
      sent += 1;
    }
    if (sent === 0) read.orphanSeqs.push(entry.seq!);
  }
  return read;
}
