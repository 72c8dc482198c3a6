// What the writer's choice in the Conflicts view writes. The chosen value goes to the entity's
// field through updateRow (so it syncs like any edit and every device converges on it) and the
// conflict row is marked resolved (also through updateRow: conflicts sync like entities), both
// in one transaction so a conflict is never marked resolved without its value written.
import type { StoryPromptsDatabase } from '../../db/database';
import { updateRow } from '../../db/write-rows';
import type { Conflict } from '../../domain/entities';
import { isSyncedTable } from '../../domain/synced-tables';
import type { SyncedTable } from '../../domain/synced-tables';
import { AppError } from '../../lib/app-error';

/** lww / text_overlap: keep the current winner or the other value. edit_vs_delete: restore or not. */
export type ConflictChoice = 'winner' | 'loser' | 'restore' | 'keep-deleted';

export function chosenPatch(conflict: Conflict, choice: ConflictChoice): Record<string, unknown> {
  switch (choice) {
    case 'restore':
      return { deleted: false };
    case 'keep-deleted':
      return { deleted: true };
    case 'winner':
      return { [conflict.field]: conflict.winner_value };
    case 'loser':
      return { [conflict.field]: conflict.loser_value };
  }
}

export async function resolveConflict(
  db: StoryPromptsDatabase,
  conflict: Conflict,
  choice: ConflictChoice,
): Promise<void> {
  const entity = conflict.entity;
  if (!isSyncedTable(entity) || entity === 'sync_conflicts') {
    throw new AppError(
      'conflicts/unknown-entity',
      `This conflict is about “${entity}”, which this version of the app does not know.`,
    );
  }
  const tables = [db.table(entity), db.sync_conflicts, db.changes, db.row_meta];
  await db.transaction('rw', tables, async () => {
    await updateRow(db, entity, conflict.row_id, chosenPatch(conflict, choice) as never);
    await updateRow(db, 'sync_conflicts', conflict.id, { resolved: true });
  });
}

/** Open conflicts, oldest first (the order they happened in). */
export async function listOpenConflicts(db: StoryPromptsDatabase): Promise<Conflict[]> {
  const open = await db.sync_conflicts
    .filter((conflict) => !conflict.resolved && !conflict.deleted)
    .toArray();
  return open.sort((a, b) => a.created_at.localeCompare(b.created_at));
}

const ENTITY_LABELS: Record<string, string> = {
  stories: 'Story',
  prompt_categories: 'Category',
  prompts: 'Prompt',
  personas: 'Persona',
  chats: 'Chat',
  messages: 'Message',
};

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

/** Fields that point at another row: the writer knows that row by its name, never its id. */
const REFERENCED_TABLES: Record<string, SyncedTable> = {
  story_id: 'stories',
  category_id: 'prompt_categories',
  chat_id: 'chats',
  persona_id: 'personas',
};

/** "system_prompt" → "System prompt", "category_id" → "Category". */
export function fieldLabel(field: string): string {
  const words = field.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The row's own name (title or name), for "Prompt “Opening scene” · Title". */
export async function rowName(
  db: StoryPromptsDatabase,
  entity: string,
  rowId: string,
): Promise<string | null> {
  if (!isSyncedTable(entity)) return null;
  const row = (await db.table(entity).get(rowId)) as
    { title?: unknown; name?: unknown } | undefined;
  const name = row?.title ?? row?.name;
  return typeof name === 'string' && name !== '' ? name : null;
}

/**
 * One side of a conflict as the writer reads it: a reference by the name of the row it points
 * at (two categories' ids say nothing), anything else as displayValue.
 */
export async function sideText(
  db: StoryPromptsDatabase,
  field: string,
  value: unknown,
): Promise<string> {
  const table = REFERENCED_TABLES[field];
  const name = table && typeof value === 'string' ? await rowName(db, table, value) : null;
  return name ? `“${name}”` : displayValue(value);
}

/** A value as the writer reads it: text as is, anything else as indented JSON. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '(empty)';
  return JSON.stringify(value, null, 2);
}
