// The synced tables, the same names in IndexedDB and in Supabase, with their schemas and the
// fields whose edits merge as text (three-way, line level) rather than last-writer-wins.
import {
  categorySchema,
  chatSchema,
  conflictSchema,
  messageSchema,
  personaSchema,
  promptSchema,
  storySchema,
} from './entities';
import type { Category, Chat, Conflict, Message, Persona, Prompt, Story } from './entities';

export const SYNCED_TABLES = [
  'stories',
  'prompt_categories',
  'prompts',
  'personas',
  'chats',
  'messages',
  'sync_conflicts',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export interface SyncedRowByTable {
  stories: Story;
  prompt_categories: Category;
  prompts: Prompt;
  personas: Persona;
  chats: Chat;
  messages: Message;
  sync_conflicts: Conflict;
}

export const ROW_SCHEMAS = {
  stories: storySchema,
  prompt_categories: categorySchema,
  prompts: promptSchema,
  personas: personaSchema,
  chats: chatSchema,
  messages: messageSchema,
  sync_conflicts: conflictSchema,
} as const;

/** Long text fields: concurrent edits merge line by line against the stored base. */
export const LONG_TEXT_FIELDS: Readonly<Partial<Record<SyncedTable, readonly string[]>>> = {
  stories: ['synopsis', 'notes'],
  prompts: ['details'],
  personas: ['system_prompt'],
};

/** Fields set once at creation and never edited (they are not merged field by field). */
export const IMMUTABLE_FIELDS = ['id', 'created_at'] as const;

/** Fields that are not merged as data: identity and the informational timestamp. */
export const UNSYNCED_FIELDS: ReadonlySet<string> = new Set(['id', 'updated_at']);

const entityFieldCache = new Map<SyncedTable, readonly string[]>();
const syncedFieldCache = new Map<SyncedTable, readonly string[]>();

/** Every field of a table's entity, as its schema lists them. */
export function entityFieldsOf(table: SyncedTable): readonly string[] {
  let fields = entityFieldCache.get(table);
  if (!fields) entityFieldCache.set(table, (fields = Object.keys(ROW_SCHEMAS[table].shape)));
  return fields;
}

/** Every field of a table that syncs (is merged field by field). */
export function syncedFieldsOf(table: SyncedTable): readonly string[] {
  let fields = syncedFieldCache.get(table);
  if (!fields) {
    fields = entityFieldsOf(table).filter((field) => !UNSYNCED_FIELDS.has(field));
    syncedFieldCache.set(table, fields);
  }
  return fields;
}

export function isLongTextField(table: SyncedTable, field: string): boolean {
  return LONG_TEXT_FIELDS[table]?.includes(field) ?? false;
}

export function isSyncedTable(value: string): value is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(value);
}
