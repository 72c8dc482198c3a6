// Live board data: the story, its categories and every live prompt, read once per change and
// grouped in memory (one indexed read is cheaper than one query per category).
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/instance';
import { getStory, listCategories, listStoryPrompts } from '../../db/queries';
import type { Category, Prompt, Story } from '../../domain/entities';

export interface BoardData {
  /** undefined while loading, null when the story does not exist (or was deleted). */
  story: Story | null | undefined;
  categories: Category[] | undefined;
  prompts: Prompt[] | undefined;
}

export function useBoardData(storyId: string): BoardData {
  const story = useLiveQuery(async () => (await getStory(db, storyId)) ?? null, [storyId]);
  const categories = useLiveQuery(() => listCategories(db, storyId), [storyId]);
  const prompts = useLiveQuery(() => listStoryPrompts(db, storyId), [storyId]);
  return { story, categories, prompts };
}
