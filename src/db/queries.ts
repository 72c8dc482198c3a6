// Read queries for live views (wrap them in dexie-react-hooks' useLiveQuery). Deleted rows
// are tombstones: every query here hides them. Queries read a key range in one go (IndexedDB
// getAll) and drop tombstones in JS: a Dexie `.filter()` would walk a cursor row by row, which
// is several times slower for a story with 10,000 prompts.
import { Dexie } from 'dexie';
import type { Category, Prompt, Story } from '../domain/entities';
import type { StoryPromptsDatabase } from './database';

const alive = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((row) => !row.deleted);

export async function listStories(db: StoryPromptsDatabase): Promise<Story[]> {
  return alive(await db.stories.orderBy('updated_at').reverse().toArray());
}

export function getStory(db: StoryPromptsDatabase, id: string): Promise<Story | undefined> {
  return db.stories.get(id).then((story) => (story && !story.deleted ? story : undefined));
}

export async function listCategories(
  db: StoryPromptsDatabase,
  storyId: string,
): Promise<Category[]> {
  return alive(
    await db.prompt_categories
      .where('[story_id+position]')
      .between([storyId, Dexie.minKey], [storyId, Dexie.maxKey])
      .toArray(),
  );
}

export async function listCategoryPrompts(
  db: StoryPromptsDatabase,
  categoryId: string,
): Promise<Prompt[]> {
  return alive(
    await db.prompts
      .where('[category_id+position]')
      .between([categoryId, Dexie.minKey], [categoryId, Dexie.maxKey])
      .toArray(),
  );
}

export async function listStoryPrompts(
  db: StoryPromptsDatabase,
  storyId: string,
): Promise<Prompt[]> {
  return alive(await db.prompts.where('story_id').equals(storyId).toArray());
}

/** The most recently edited prompts of a story (reads pages until `limit` alive ones). */
export async function recentStoryPrompts(
  db: StoryPromptsDatabase,
  storyId: string,
  limit: number,
): Promise<Prompt[]> {
  const result: Prompt[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await db.prompts
      .where('[story_id+updated_at]')
      .between([storyId, Dexie.minKey], [storyId, Dexie.maxKey])
      .reverse()
      .offset(offset)
      .limit(limit)
      .toArray();
    result.push(...alive(page));
    if (result.length >= limit || page.length < limit) return result.slice(0, limit);
  }
}

export async function listPromptsWithTag(db: StoryPromptsDatabase, tag: string): Promise<Prompt[]> {
  return alive(await db.prompts.where('tags').equals(tag).toArray());
}

export function getPrompt(db: StoryPromptsDatabase, id: string): Promise<Prompt | undefined> {
  return db.prompts.get(id).then((prompt) => (prompt && !prompt.deleted ? prompt : undefined));
}

/** Number of outbox entries not yet pushed (the "N pending" of the sync indicator). */
export function countPendingChanges(db: StoryPromptsDatabase): Promise<number> {
  return db.changes.count();
}
