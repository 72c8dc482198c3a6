// Keeps the outbox from growing without bound while nothing pushes it: a writer who works
// local-only, or offline for weeks, adds an outbox entry per autosave, each with the edited
// long text and its merge base (an hour of typing into a 5 KB prompt: megabytes). Runs of
// consecutive entries of one row fold into the run's first entry, exactly as the push folds
// them (outbox.ts), so what the server eventually receives is the same; entries of different
// rows never fold across each other, so mutations keep the order the writer made them in.
//
// Never touched: entries the push in flight carries (up to its `up_to_seq`: they are deleted
// when the server confirms the batch, and an edit folded into one would be lost with it), and
// compact inserts (their values are read from the row when pushed). Each slice of the outbox
// is compacted in its own short transaction over the outbox and `meta`, so writes and the push
// wait for one slice at most, and the in-flight boundary is read in the same transaction.
import type { ChangeEntry, FieldChangeEntry, StoryPromptsDatabase } from '../db/database';
import { compareHlc } from '../domain/hlc';
import { readSyncMeta } from './sync-meta';

/** Entries read per transaction. */
export const COMPACTION_SLICE = 500;

const sameRow = (a: ChangeEntry, b: ChangeEntry) => a.table === b.table && a.row_id === b.row_id;

/** Two consecutive entries of one row as one, with the push's folding rules (outbox.ts). */
export function foldIntoEntry(previous: ChangeEntry, next: ChangeEntry): ChangeEntry {
  const fields: Record<string, FieldChangeEntry> = { ...previous.fields };
  for (const [field, change] of Object.entries(next.fields)) {
    const before = previous.fields[field];
    const folded: FieldChangeEntry = {
      value: change.value,
      hlc: change.hlc,
      base_hlc: before ? before.base_hlc : change.base_hlc,
    };
    if (before && 'base' in before) folded.base = before.base ?? null;
    else if ('base' in change) folded.base = change.base ?? null;
    fields[field] = folded;
  }
  const merged: ChangeEntry = { ...previous, fields };
  if (next.row_hlc_seen !== undefined && compareHlc(next.row_hlc_seen, previous.row_hlc_seen) > 0)
    merged.row_hlc_seen = next.row_hlc_seen;
  return merged;
}

/** Splits entries (in seq order) into runs of consecutive entries of one row. */
function runsOf(entries: readonly ChangeEntry[]): ChangeEntry[][] {
  const runs: ChangeEntry[][] = [];
  for (const entry of entries) {
    const run = runs.at(-1);
    if (run && sameRow(run[0]!, entry)) run.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

/**
 * Compacts one slice of the outbox after seq `after`. Returns the seq to continue after (null
 * at the end) and how many entries it removed.
 */
async function compactSlice(
  db: StoryPromptsDatabase,
  after: number,
  sliceSize: number,
): Promise<{ next: number | null; removed: number }> {
  return db.transaction('rw', [db.changes, db.meta], async () => {
    const inflight = await readSyncMeta(db.meta, 'inflight');
    const from = Math.max(after, inflight?.up_to_seq ?? 0);
    const entries = await db.changes.where(':id').above(from).limit(sliceSize).toArray();
    if (entries.length === 0) return { next: null, removed: 0 };
    const runs = runsOf(entries);
    const full = entries.length === sliceSize;
    // The slice's last run may go on in the next slice: it starts that one, unless it fills
    // this whole slice (then it is folded here, and the rest of it next time).
    const last = runs.at(-1)!;
    const deferred = full && runs.length > 1 ? runs.pop()! : null;
    const folded: ChangeEntry[] = [];
    const gone: number[] = [];
    for (const run of runs) {
      if (run.length < 2 || run.some((entry) => entry.inserted_hlc !== undefined)) continue;
      folded.push(run.reduce(foldIntoEntry));
      gone.push(...run.slice(1).map((entry) => entry.seq!));
    }
    await Promise.all([db.changes.bulkPut(folded), db.changes.bulkDelete(gone)]);
    const next = !full ? null : deferred ? deferred[0]!.seq! - 1 : last.at(-1)!.seq!;
    return { next, removed: gone.length };
  });
}

/** Folds every run of one row's consecutive edits in the outbox. Returns the entries removed. */
export async function compactOutbox(
  db: StoryPromptsDatabase,
  sliceSize = COMPACTION_SLICE,
): Promise<number> {
  let removed = 0;
  let after = 0;
  for (;;) {
    const slice = await compactSlice(db, after, sliceSize);
    removed += slice.removed;
    if (slice.next === null) return removed;
    after = slice.next;
  }
}
