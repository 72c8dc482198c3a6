// Folds outbox entries into push mutations. Several local edits of one row become one
// mutation: each field keeps its newest value and HLC but its OLDEST base (the HLC and text
// this device had before any of the pending edits), which is what the server must compare
// against. Batches stop at the size limits; a single oversized row still goes alone.
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
  const change: FieldChange = { v: next.value, hlc: next.hlc, base_hlc: previous ? previous.base_hlc : next.base_hlc };
  if (previous && 'base' in previous) change.base = previous.base ?? null;
  else if ('base' in next) change.base = next.base ?? null;
  return change;
}

/** Folds entries (in seq order) into one change set per row, in first-touched order. */
export function foldEntries(entries: readonly ChangeEntry[]): FoldedRow[] {
  const rows = new Map<string, FoldedRow>();
  for (const entry of entries) {
    const key = `${entry.table}:${entry.row_id}`;
    let row = rows.get(key);
    if (!row) {
      row = { table: entry.table, id: entry.row_id, fields: {} };
      rows.set(key, row);
    }
    for (const [field, change] of Object.entries(entry.fields)) row.fields[field] = foldField(row.fields[field], change);
    if (entry.row_hlc_seen !== undefined && compareHlc(entry.row_hlc_seen, row.row_hlc_seen) > 0) {
      row.row_hlc_seen = entry.row_hlc_seen;
    }
  }
  return [...rows.values()];
}

/**
 * Picks how many leading entries fit one batch. Entries of one row are folded together, so
 * the cut is by distinct rows; sizes are estimated from the JSON of each entry.
 */
export function takeBatch(
  entries: readonly ChangeEntry[],
  limits: { mutations: number; bytes: number } = PUSH_BATCH,
): ChangeEntry[] {
  const rows = new Set<string>();
  let bytes = 0;
  let count = 0;
  for (const entry of entries) {
    const key = `${entry.table}:${entry.row_id}`;
    const size = JSON.stringify(entry.fields).length;
    const newRow = !rows.has(key);
    if (count > 0 && ((newRow && rows.size >= limits.mutations) || bytes + size > limits.bytes)) break;
    rows.add(key);
    bytes += size;
    count += 1;
  }
  return entries.slice(0, count);
}

export function numberMutations(rows: readonly FoldedRow[], firstMid: number): Mutation[] {
  return rows.map((row, index) => {
    const mutation: Mutation = { mid: firstMid + index, table: row.table, id: row.id, fields: row.fields };
    if (row.row_hlc_seen !== undefined) mutation.row_hlc_seen = row.row_hlc_seen;
    return mutation;
  });
}
