// What the Story Overview shows about a story's prompts: per-category progress and the tags
// in use. Pure functions over rows so the overview, tests and benchmarks share them.
import type { Category, Prompt } from './entities';
import { sortByPosition } from './ordering';

export interface CategoryProgress {
  category: Category;
  promptCount: number;
  stepsDone: number;
  stepsTotal: number;
}

export function categoryProgress(
  categories: readonly Category[],
  prompts: readonly Prompt[],
): CategoryProgress[] {
  const byCategory = new Map<string, CategoryProgress>();
  for (const category of sortByPosition(categories)) {
    byCategory.set(category.id, { category, promptCount: 0, stepsDone: 0, stepsTotal: 0 });
  }
  for (const prompt of prompts) {
    const entry = byCategory.get(prompt.category_id);
    if (!entry || prompt.deleted) continue;
    entry.promptCount += 1;
    entry.stepsTotal += prompt.action_steps.length;
    entry.stepsDone += prompt.action_steps.filter((step) => step.done).length;
  }
  return [...byCategory.values()];
}

export interface TagUse {
  tag: string;
  count: number;
}

export function tagsInUse(prompts: readonly Prompt[]): TagUse[] {
  const counts = new Map<string, number>();
  for (const prompt of prompts) {
    if (prompt.deleted) continue;
    for (const tag of prompt.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
