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

export function isLongTextField(table: SyncedTable, field: string): boolean {
  return LONG_TEXT_FIELDS[table]?.includes(field) ?? false;
}

export function isSyncedTable(value: string): value is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(value);
}
