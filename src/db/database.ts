// The one Dexie database: the source of truth for everything the writer owns on this device.
//
// Model: synced tables are named like their Supabase tables and hold plain entity rows
// (tombstoned with `deleted`, never removed by the UI). Next to them:
// - `changes`: the outbox. Every repository write appends one entry (table, row id, changed
//   fields with their HLC and base HLC; an insert only its HLC; rows inserted together, one
//   entry for up to 50 of them) in the same transaction as the rows, so a row never changes
//   without the sync engine hearing of it, and a failed write leaves neither. Read it through
//   outbox-entries.ts.
// - `row_meta`: per-row sync metadata (field HLCs, last server version), kept apart so UI rows
//   stay plain entities.
// - `meta` / `settings`: device-local values (never synced).
// - `search_index`: the persisted search index, restored on start instead of rebuilt.
// - `dead_letters`: changes the server refused, shown to the writer.
// Transactions use durability 'strict' (design/sync.md): a write the writer saw saved is on
// disk, not only handed to the operating system, so it survives a power cut too.
// Live-query results are cached 'immutable' (frozen, shared) rather than 'cloned': the UI
// never mutates rows it reads, and deep-copying every re-read list of 2 KB prompts for each
// subscriber was a large part of an edit's time to screen (B5, B7).
import { Dexie, type Table } from 'dexie';
import type { Category, Chat, Conflict, Message, Persona, Prompt, Story } from '../domain/entities';
import type { SyncedRowByTable, SyncedTable } from '../domain/synced-tables';

export interface FieldChangeEntry {
  value: unknown;
  hlc: string;
  base_hlc: string | null;
  /** Long text fields: the value before this edit, the base of a later three-way merge. */
  base?: string | null;
}

export interface ChangeEntry {
  seq?: number;
  table: SyncedTable;
  row_id: string;
  fields: Record<string, FieldChangeEntry>;
  /** Deletes: the highest field HLC known for the row when it was deleted. */
  row_hlc_seen?: string | null;
  /**
   * Inserts: every synced field of the row, stamped with this one HLC, with `fields` left
   * empty; the values are read from the row when pushed (see outbox-entries.ts).
   */
  inserted_hlc?: string;
  /**
   * Inserts made together (an import): the ids of the other rows inserted with `row_id`, with
   * the same HLC, at this entry's place in the outbox. One entry stands for up to
   * INSERT_ENTRY_ROWS rows. Not indexed: an index key per row cost a fifth of an import (B2).
   */
  inserted_ids?: string[];
  /**
   * Inserts made together: the length of `inserted_ids`, which is what the entry adds to the
   * rows waiting to upload beyond `row_id`. Indexed: it finds every such entry.
   */
  inserted_count?: number;
  created_at: number;
}

export interface RowMeta {
  table: SyncedTable;
  id: string;
  field_hlc: Record<string, string>;
  /** The HLC of every field missing from `field_hlc` (a row inserted on this device). */
  row_hlc?: string;
  server_version: number | null;
  /** Set by a full download after a reset: this row was re-delivered (src/sync/resync.ts). */
  resync_mark?: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** A persisted search index shard (serialized MiniSearch JSON plus what it was built from). */
export interface SearchIndexEntry {
  key: string;
  [field: string]: unknown;
}

/** A change the server refused as invalid: kept and shown, never silently dropped. */
export interface DeadLetter {
  id?: number;
  table: SyncedTable;
  row_id: string;
  fields: Record<string, FieldChangeEntry>;
  code: string;
  message: string;
  failed_at: number;
}

export const DATABASE_NAME = 'story-prompts';

/** How IndexedDB commits our transactions (see the note at the top). */
export const TRANSACTION_DURABILITY = 'strict' satisfies IDBTransactionDurability;

/** The stores of schema version 1 (as shipped first; later versions change only what they name). */
export const VERSION_1_STORES: Readonly<Record<string, string>> = {
  stories: 'id, updated_at',
  prompt_categories: 'id, story_id, [story_id+position]',
  prompts:
    'id, story_id, category_id, [category_id+position], *tags, updated_at, [story_id+updated_at]',
  personas: 'id',
  chats: 'id, story_id, updated_at, [story_id+updated_at]',
  messages: 'id, chat_id, [chat_id+created_at]',
  sync_conflicts: 'id, row_id, entity',
  changes: '++seq, [table+row_id]',
  row_meta: '[table+id]',
  meta: 'key',
  settings: 'key',
  search_index: 'key',
  dead_letters: '++id, [table+row_id]',
};

export class StoryPromptsDatabase extends Dexie {
  stories!: Table<Story, string>;
  prompt_categories!: Table<Category, string>;
  prompts!: Table<Prompt, string>;
  personas!: Table<Persona, string>;
  chats!: Table<Chat, string>;
  messages!: Table<Message, string>;
  sync_conflicts!: Table<Conflict, string>;
  changes!: Table<ChangeEntry, number>;
  row_meta!: Table<RowMeta, [string, string]>;
  meta!: Table<MetaEntry, string>;
  settings!: Table<MetaEntry, string>;
  search_index!: Table<SearchIndexEntry, string>;
  dead_letters!: Table<DeadLetter, number>;

  constructor(name: string = DATABASE_NAME) {
    super(name, { chromeTransactionDurability: TRANSACTION_DURABILITY, cache: 'immutable' });
    this.version(1).stores(VERSION_1_STORES);
    // Inserts made together share one outbox entry; the index finds those entries.
    this.version(2).stores({ changes: '++seq, [table+row_id], inserted_count' });
  }

  syncedTable<T extends SyncedTable>(table: T): Table<SyncedRowByTable[T], string> {
    return this.table(table);
  }
}
