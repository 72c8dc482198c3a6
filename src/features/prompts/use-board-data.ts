// Live board data: the story, its categories, and the prompts of each category from one live
// query per category (see category-prompts-store.ts for why not one query for the story), with
// this tab's own edits shown as soon as they commit (committed-rows.ts).
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { watchCommittedRows } from '../../db/committed-rows';
import { db } from '../../db/instance';
import { getStory, listCategories, listCategoryPrompts } from '../../db/queries';
import type { Category, Story } from '../../domain/entities';
import type { PromptGroups } from './board-model';
import { CategoryPromptsStore } from './category-prompts-store';

export interface BoardData {
  /** undefined while loading, null when the story does not exist (or was deleted). */
  story: Story | null | undefined;
  categories: Category[] | undefined;
  /** Prompts per category id; a category not in it yet is still being read. */
  groups: PromptGroups;
}

interface CategoriesState {
  storyId: string;
  categories?: Category[];
  error?: unknown;
}

/**
 * The story's categories, live, handing their ids to `store` as each result arrives: the
 * prompt reads of the first categories start in the same task, not a render later.
 */
function useLiveCategories(storyId: string, store: CategoryPromptsStore): Category[] | undefined {
  const [state, setState] = useState<CategoriesState>({ storyId });
  useEffect(() => {
    const subscription = liveQuery(() => listCategories(db, storyId)).subscribe({
      next: (categories) => {
        store.setCategories(categories.map((category) => category.id));
        setState({ storyId, categories });
      },
      error: (error: unknown) => setState({ storyId, error }),
    });
    return () => {
      subscription.unsubscribe();
      store.close();
    };
  }, [storyId, store]);
  if (state.storyId !== storyId) return undefined;
  if (state.error) throw state.error;
  return state.categories;
}

export function useBoardData(storyId: string): BoardData {
  const [store] = useState(
    () => new CategoryPromptsStore((categoryId) => listCategoryPrompts(db, categoryId)),
  );
  useEffect(() => watchCommittedRows(db, 'prompts', store.applyCommitted), [store]);
  const story = useLiveQuery(async () => (await getStory(db, storyId)) ?? null, [storyId]);
  const categories = useLiveCategories(storyId, store);
  const groups = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const error = store.getError();
  if (error) throw error;
  return { story, categories, groups };
}
