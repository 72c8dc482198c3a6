// Reading rows for the index in chunks by primary key: bounded memory, and each chunk is one
// IndexedDB request, so nothing holds a long transaction open while the index is built.
import type { Table } from 'dexie';
import type { StoryPromptsDatabase } from '../db/database';
import type { SyncedRowByTable, SyncedTable } from '../domain/synced-tables';
import type { SearchDoc } from './search-documents';
import type { SearchIndex } from './search-index';
import { forEachSliced } from './search-slicing';
import type { SearchKind } from './search-types';

export const SCAN_CHUNK = 1_000;

export async function scanTable<T extends SyncedTable>(
  db: StoryPromptsDatabase,
  table: T,
  onChunk: (rows: SyncedRowByTable[T][]) => Promise<void>,
): Promise<void> {
  const source = db.syncedTable(table) as Table<SyncedRowByTable[T], string>;
  let last: string | null = null;
  for (;;) {
    const rows: SyncedRowByTable[T][] =
      last === null
        ? await source.orderBy(':id').limit(SCAN_CHUNK).toArray()
        : await source.where(':id').above(last).limit(SCAN_CHUNK).toArray();
    if (rows.length === 0) return;
    await onChunk(rows);
    last = rows[rows.length - 1]!.id;
    if (rows.length < SCAN_CHUNK) return;
  }
}

/** Indexes each row's document, or removes the row when `docFor` says it is not searchable. */
export function indexRows<R extends { id: string }>(
  index: SearchIndex,
  rows: readonly R[],
  docFor: (row: R) => SearchDoc | null,
): Promise<void> {
  return forEachSliced(rows, (row) => {
    const doc = docFor(row);
    if (doc) index.upsert(doc);
    else index.remove(row.id);
  });
}

/**
 * Streams a whole table into the index and drops documents of `kind` whose rows are gone. On a
 * first build (no document of `kind` yet) the documents are added oldest first, so index
 * segments run from oldest to newest (search-index.ts); a catch-up adds what changed as it
 * goes, and changed documents are the newest anyway. With `timeIndex` (the table's index on
 * the documents' time) a first build reads rows in that order and indexes each chunk while the
 * next one is read; without it, it reads the whole table first and sorts.
 */
export async function reconcileTable<T extends SyncedTable>(
  db: StoryPromptsDatabase,
  index: SearchIndex,
  table: T,
  kind: SearchKind,
  docFor: (row: SyncedRowByTable[T]) => SearchDoc | null,
  timeIndex?: string,
): Promise<void> {
  const seen = new Set<string>();
  const firstBuild = index.idsOfKind(kind).length === 0;
  if (firstBuild && timeIndex) {
    await scanInOrder(db, table, timeIndex, (rows) => indexRows(index, rows, docFor));
    return;
  }
  const pending: SearchDoc[] = [];
  await scanTable(db, table, async (rows) => {
    for (const row of rows) seen.add(row.id);
    if (!firstBuild) return indexRows(index, rows, docFor);
    for (const row of rows) {
      const doc = docFor(row);
      if (doc) pending.push(doc);
    }
  });
  if (firstBuild) {
    pending.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    await forEachSliced(pending, (doc) => index.upsert(doc));
  }
  const gone = index.idsOfKind(kind).filter((id) => !seen.has(id));
  await forEachSliced(gone, (id) => index.remove(id));
}

/**
 * Every row in the order of `orderIndex`, a chunk at a time, the next chunk's read in flight
 * while `onChunk` works: IndexedDB reads on the browser's side while this worker indexes, so a
 * first build of 10k prompts costs the indexing and little of the reading. The keys come first
 * (small, one request); a row deleted since is skipped, one added since arrives as a change.
 */
async function scanInOrder<T extends SyncedTable>(
  db: StoryPromptsDatabase,
  table: T,
  orderIndex: string,
  onChunk: (rows: SyncedRowByTable[T][]) => Promise<void>,
): Promise<void> {
  const source = db.syncedTable(table) as Table<SyncedRowByTable[T], string>;
  const keys = await source.orderBy(orderIndex).primaryKeys();
  const read = (from: number) =>
    from < keys.length ? source.bulkGet(keys.slice(from, from + SCAN_CHUNK)) : null;
  let next = read(0);
  for (let from = 0; next; from += SCAN_CHUNK) {
    const rows = await next;
    next = read(from + SCAN_CHUNK);
    await onChunk(rows.filter((row): row is SyncedRowByTable[T] => row !== undefined));
  }
}

/** Re-reads rows by key and indexes them; keys with no row are removed (hard deletes). */
export async function applyRowKeys<T extends SyncedTable>(
  db: StoryPromptsDatabase,
  index: SearchIndex,
  table: T,
  keys: readonly string[],
  docFor: (row: SyncedRowByTable[T]) => SearchDoc | null,
): Promise<void> {
  const rows = await db.syncedTable(table).bulkGet([...keys]);
  keys.forEach((key, i) => {
    if (!rows[i]) index.remove(key);
  });
  await indexRows(
    index,
    rows.filter((row): row is SyncedRowByTable[T] => row !== undefined),
    docFor,
  );
}

/** What a child document needs of its parent row (a category for prompts, a chat for messages). */
export interface ParentFacts {
  title: string;
  deleted: boolean;
}

/** Updates `facts` from parent rows; returns the ids whose facts changed. */
export function refreshFacts<R extends { id: string }>(
  facts: Map<string, ParentFacts>,
  rows: ReadonlyArray<R | undefined>,
  keys: readonly string[],
  read: (row: R) => ParentFacts,
): string[] {
  const changed: string[] = [];
  keys.forEach((key, i) => {
    const row = rows[i];
    const next = row ? read(row) : { title: '', deleted: true };
    const previous = facts.get(key);
    if (previous?.title !== next.title || previous.deleted !== next.deleted) changed.push(key);
    facts.set(key, next);
  });
  return changed;
}
