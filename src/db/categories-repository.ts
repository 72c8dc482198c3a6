import type { Category } from '../domain/entities';
import { positionAtEnd, positionForMove, sortByPosition } from '../domain/ordering';
import type { StoryPromptsDatabase } from './database';
import { listCategories } from './queries';
import { newRowBase } from './row-defaults';
import { insertRow, updateRow } from './write-rows';

export type CategoryFields = Pick<Category, 'title' | 'description' | 'color'>;

export const CATEGORY_COLORS = [
  '#5b3e96',
  '#2f6f9f',
  '#2e7d5b',
  '#b26a00',
  '#b3364a',
  '#6b6b6b',
] as const;

export function createCategory(
  db: StoryPromptsDatabase,
  storyId: string,
  fields: Partial<CategoryFields> & Pick<CategoryFields, 'title'>,
) {
  return db.transaction('rw', [db.prompt_categories, db.changes, db.row_meta], async () => {
    const existing = sortByPosition(await listCategories(db, storyId));
    return insertRow(db, 'prompt_categories', {
      ...newRowBase(),
      story_id: storyId,
      description: '',
      color: CATEGORY_COLORS[existing.length % CATEGORY_COLORS.length]!,
      position: positionAtEnd(existing),
      ...fields,
    });
  });
}

export function updateCategory(
  db: StoryPromptsDatabase,
  id: string,
  patch: Partial<CategoryFields>,
) {
  return updateRow(db, 'prompt_categories', id, patch);
}

export function deleteCategory(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'prompt_categories', id, { deleted: true });
}

export function restoreCategory(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'prompt_categories', id, { deleted: false });
}

/**
 * Moves a category to `targetIndex` in its story's order (one row written). The order is read
 * in the same transaction as the write, so quick successive moves never work from a stale order.
 */
export function moveCategory(db: StoryPromptsDatabase, id: string, targetIndex: number) {
  return db.transaction('rw', [db.prompt_categories, db.changes, db.row_meta], async () => {
    const category = await db.prompt_categories.get(id);
    if (!category) return undefined;
    const siblings = sortByPosition(await listCategories(db, category.story_id));
    return updateRow(db, 'prompt_categories', id, {
      position: positionForMove(siblings, id, targetIndex),
    });
  });
}
