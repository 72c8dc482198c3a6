// Read queries for live views (wrap them in dexie-react-hooks' useLiveQuery). Deleted rows
// are tombstones: every query here hides them.
import { Dexie } from 'dexie';
import type { Category, Prompt, Story } from '../domain/entities';
import type { StoryPromptsDatabase } from './database';

const alive = <T extends { deleted: boolean }>(row: T) => !row.deleted;

export async function listStories(db: StoryPromptsDatabase): Promise<Story[]> {
  const stories = await db.stories.orderBy('updated_at').reverse().filter(alive).toArray();
  return stories;
}

export function getStory(db: StoryPromptsDatabase, id: string): Promise<Story | undefined> {
  return db.stories.get(id).then((story) => (story && !story.deleted ? story : undefined));
}

export function listCategories(db: StoryPromptsDatabase, storyId: string): Promise<Category[]> {
  return db.prompt_categories
    .where('[story_id+position]')
    .between([storyId, Dexie.minKey], [storyId, Dexie.maxKey])
    .filter(alive)
    .toArray();
}

export function listCategoryPrompts(db: StoryPromptsDatabase, categoryId: string): Promise<Prompt[]> {
  return db.prompts
    .where('[category_id+position]')
    .between([categoryId, Dexie.minKey], [categoryId, Dexie.maxKey])
    .filter(alive)
    .toArray();
}

export function listStoryPrompts(db: StoryPromptsDatabase, storyId: string): Promise<Prompt[]> {
  return db.prompts.where('story_id').equals(storyId).filter(alive).toArray();
}

export function recentStoryPrompts(db: StoryPromptsDatabase, storyId: string, limit: number): Promise<Prompt[]> {
  return db.prompts
    .where('[story_id+updated_at]')
    .between([storyId, Dexie.minKey], [storyId, Dexie.maxKey])
    .reverse()
    .filter(alive)
    .limit(limit)
    .toArray();
}

export function listPromptsWithTag(db: StoryPromptsDatabase, tag: string): Promise<Prompt[]> {
  return db.prompts.where('tags').equals(tag).filter(alive).toArray();
}

export function getPrompt(db: StoryPromptsDatabase, id: string): Promise<Prompt | undefined> {
  return db.prompts.get(id).then((prompt) => (prompt && !prompt.deleted ? prompt : undefined));
}

/** Number of outbox entries not yet pushed (the "N pending" of the sync indicator). */
export function countPendingChanges(db: StoryPromptsDatabase): Promise<number> {
  return db.changes.count();
}
