// Folds outbox entries into push mutations. A run of consecutive edits of one row becomes one
// mutation: each field keeps its newest value and HLC but its OLDEST base (the HLC and text
// this device had before those edits), which is what the server must compare against. Only
// consecutive entries fold, so mutations keep the order in which the writer made them: a row
// is always created before any row that refers to it (a prompt moved into a new category),
// and the server's foreign keys hold mutation by mutation. Batches stop at the size limits; a
// single oversized row still goes alone.
import { compareHlc } from '../domain/hlc';
import type { ChangeEntry, FieldChangeEntry } from '../db/database';
import type { FieldChange, Mutation } from './protocol';
import { PUSH_BATCH } from './protocol';

export interface FoldedRow {
  table: ChangeEntry['table'];
  id: string;
  fields: Record<string, FieldChange>;
  row_hlc_seen?: string | null;
}

function foldField(previous: FieldChange | undefined, next: FieldChangeEntry): FieldChange {
  const change: FieldChange = {
    v: next.value,
    hlc: next.hlc,
    base_hlc: previous ? previous.base_hlc : next.base_hlc,
  };
  if (previous && 'base' in previous) change.base = previous.base ?? null;
  else if ('base' in next) change.base = next.base ?? null;
  return change;
}

/** Folds runs of consecutive entries (in seq order) of the same row into one change set each. */
export function foldEntries(entries: readonly ChangeEntry[]): FoldedRow[] {
  const rows: FoldedRow[] = [];
  for (const entry of entries) {
    let row = rows.at(-1);
    if (!row || row.table !== entry.table || row.id !== entry.row_id) {
      row = { table: entry.table, id: entry.row_id, fields: {} };
      rows.push(row);
    }
    for (const [field, change] of Object.entries(entry.fields))
      row.fields[field] = foldField(row.fields[field], change);
    if (entry.row_hlc_seen !== undefined && compareHlc(entry.row_hlc_seen, row.row_hlc_seen) > 0) {
      row.row_hlc_seen = entry.row_hlc_seen;
    }
  }
  return rows;
}

/**
 * Picks how many leading entries fit one batch: at most `limits.mutations` folded mutations
 * (runs of one row) and about `limits.bytes` of JSON, but always at least one entry, and never
 * part of the rows of one insert entry (they share its seq: acknowledging it drops them all).
 */
export function takeBatch(
  entries: readonly ChangeEntry[],
  limits: { mutations: number; bytes: number } = PUSH_BATCH,
): ChangeEntry[] {
  let runs = 0;
  let bytes = 0;
  let count = 0;
  let previous: ChangeEntry | undefined;
  for (const entry of entries) {
    const newRun = !previous || previous.table !== entry.table || previous.row_id !== entry.row_id;
    const size = JSON.stringify(entry.fields).length;
    const sameStoredEntry = previous !== undefined && previous.seq === entry.seq;
    const full = (newRun && runs >= limits.mutations) || bytes + size > limits.bytes;
    if (count > 0 && !sameStoredEntry && full) break;
    if (newRun) runs += 1;
    bytes += size;
    count += 1;
    previous = entry;
  }
  return entries.slice(0, count);
}

export function numberMutations(rows: readonly FoldedRow[], firstMid: number): Mutation[] {
  return rows.map((row, index) => {
    const mutation: Mutation = {
      mid: firstMid + index,
      table: row.table,
      id: row.id,
      fields: row.fields,
    };
    if (row.row_hlc_seen !== undefined) mutation.row_hlc_seen = row.row_hlc_seen;
    return mutation;
  });
}
