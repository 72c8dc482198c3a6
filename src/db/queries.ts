// Read queries for live views (wrap them in dexie-react-hooks' useLiveQuery). Deleted rows
// are tombstones: every query here hides them, and a prompt is hidden too while its category
// or story is deleted (deleting a category marks only the category, so undo brings its prompts
// back untouched; search hides them the same way). Queries read a key range in one go
// (IndexedDB getAll) and drop tombstones in JS: a Dexie `.filter()` would walk a cursor row by
// row, which is several times slower for a story with 10,000 prompts.
import { Dexie } from 'dexie';
import type { Category, Prompt, Story } from '../domain/entities';
import type { StoryPromptsDatabase } from './database';
import { ROWS_WAITING_COUNT_LIMIT } from '../domain/rows-waiting';

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

/** Ids of the story's live categories: a prompt shows only while its category is one of them. */
async function liveCategoryIds(db: StoryPromptsDatabase, storyId: string): Promise<Set<string>> {
  return new Set((await listCategories(db, storyId)).map((category) => category.id));
}

export async function listStoryPrompts(
  db: StoryPromptsDatabase,
  storyId: string,
): Promise<Prompt[]> {
  const [prompts, categoryIds] = await Promise.all([
    db.prompts.where('story_id').equals(storyId).toArray(),
    liveCategoryIds(db, storyId),
  ]);
  return alive(prompts).filter((prompt) => categoryIds.has(prompt.category_id));
}

/**
 * The most recently edited prompts of a story. Reads pages, each twice the last, until `limit`
 * shown ones: a deleted category of thousands of prompts costs a few reads, not thousands.
 */
export async function recentStoryPrompts(
  db: StoryPromptsDatabase,
  storyId: string,
  limit: number,
): Promise<Prompt[]> {
  const categoryIds = await liveCategoryIds(db, storyId);
  const result: Prompt[] = [];
  let offset = 0;
  for (let pageSize = limit; ; pageSize *= 2) {
    const page = await db.prompts
      .where('[story_id+updated_at]')
      .between([storyId, Dexie.minKey], [storyId, Dexie.maxKey])
      .reverse()
      .offset(offset)
      .limit(pageSize)
      .toArray();
    offset += page.length;
    result.push(...alive(page).filter((prompt) => categoryIds.has(prompt.category_id)));
    if (result.length >= limit || page.length < pageSize) return result.slice(0, limit);
  }
}

export async function listPromptsWithTag(db: StoryPromptsDatabase, tag: string): Promise<Prompt[]> {
  return alive(await db.prompts.where('tags').equals(tag).toArray());
}

/** The prompt, unless it, its category or its story is deleted (a deep link then finds nothing). */
export async function getPrompt(db: StoryPromptsDatabase, id: string): Promise<Prompt | undefined> {
  const prompt = await db.prompts.get(id);
  if (!prompt || prompt.deleted) return undefined;
  const [category, story] = await Promise.all([
    db.prompt_categories.get(prompt.category_id),
    db.stories.get(prompt.story_id),
  ]);
  return category && !category.deleted && story && !story.deleted ? prompt : undefined;
}

/**
 * How many rows (stories, prompts, ...) have changes the server has not confirmed yet: the
 * "N changes waiting to upload" of the sync indicator. Distinct rows, not outbox entries: a
 * prompt typed into five times is one thing waiting, not five. Reads only index keys, never
 * the entries: the [table+row_id] index's, one per row (a unique-key cursor, at most `limit` + 1
 * of them), plus what each entry of rows inserted together adds (its `inserted_count`). A
 * result above `limit` means "more than `limit`".
 */
export async function countRowsWaitingToUpload(
  db: StoryPromptsDatabase,
  limit = ROWS_WAITING_COUNT_LIMIT,
): Promise<number> {
  const [rowKeys, insertedCounts] = await Promise.all([
    db.changes
      .orderBy('[table+row_id]')
      .limit(limit + 1)
      .uniqueKeys(),
    db.changes.orderBy('inserted_count').keys(),
  ]);
  let rows = rowKeys.length;
  for (const count of insertedCounts) rows += count as number;
  return Math.min(rows, limit + 1);
}
