// Reads for the categories-and-prompts board. Unlike queries.ts these read with a plain key
// range (Dexie uses IndexedDB getAll) and drop tombstones in JS afterwards: a `.filter()` on
// the collection would make Dexie walk a cursor row by row, which is several times slower for
// a story with 10,000 prompts.
import { Dexie } from 'dexie';
import type { Category, Prompt } from '../domain/entities';
import type { StoryPromptsDatabase } from './database';

const alive = <T extends { deleted: boolean }>(row: T) => !row.deleted;

export async function listBoardPrompts(db: StoryPromptsDatabase, storyId: string): Promise<Prompt[]> {
  const rows = await db.prompts.where('story_id').equals(storyId).toArray();
  return rows.filter(alive);
}

export async function listBoardCategories(db: StoryPromptsDatabase, storyId: string): Promise<Category[]> {
  const rows = await db.prompt_categories
    .where('[story_id+position]')
    .between([storyId, Dexie.minKey], [storyId, Dexie.maxKey])
    .toArray();
  return rows.filter(alive);
}
