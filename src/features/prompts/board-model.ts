// What the board shows, as pure functions over rows: prompts grouped under their categories in
// position order, the tag and text filters, and where a moved prompt lands. Kept apart from
// React so the ordering rules are unit-tested and the 10k-prompt board stays a cheap pass.
import type { Category, Prompt } from '../../domain/entities';
import { comparePositioned, sortByPosition } from '../../domain/ordering';

export interface BoardSection {
  category: Category;
  /** Every live prompt of the category, in position order (what moves are computed against). */
  prompts: Prompt[];
  /** The prompts that pass the current filter (what the section shows). */
  visible: Prompt[];
}

export interface BoardFilter {
  tag: string | null;
  text: string;
}

export const NO_FILTER: BoardFilter = { tag: null, text: '' };

export function isFiltering(filter: BoardFilter): boolean {
  return filter.tag !== null || filter.text.trim() !== '';
}

export function matchesFilter(prompt: Prompt, filter: BoardFilter): boolean {
  if (filter.tag !== null && !prompt.tags.includes(filter.tag)) return false;
  const needle = filter.text.trim().toLowerCase();
  return needle === '' || prompt.title.toLowerCase().includes(needle);
}

/** Groups prompts by category; prompts of unknown (e.g. deleted) categories are left out. */
export function groupPrompts(categories: readonly Category[], prompts: readonly Prompt[]): Map<string, Prompt[]> {
  const groups = new Map<string, Prompt[]>();
  for (const category of categories) groups.set(category.id, []);
  for (const prompt of prompts) {
    if (prompt.deleted) continue;
    groups.get(prompt.category_id)?.push(prompt);
  }
  for (const list of groups.values()) list.sort(comparePositioned);
  return groups;
}

export function buildSections(
  categories: readonly Category[],
  prompts: readonly Prompt[],
  filter: BoardFilter,
): BoardSection[] {
  const live = sortByPosition(categories.filter((category) => !category.deleted));
  const groups = groupPrompts(live, prompts);
  const filtering = isFiltering(filter);
  return live.map((category) => {
    const list = groups.get(category.id) ?? [];
    return { category, prompts: list, visible: filtering ? list.filter((p) => matchesFilter(p, filter)) : list };
  });
}

/** Every tag used by the given prompts, alphabetical, for the tag filter. */
export function boardTags(prompts: readonly Prompt[]): string[] {
  const tags = new Set<string>();
  for (const prompt of prompts) if (!prompt.deleted) for (const tag of prompt.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/**
 * The index (in the full list of the target category, as it looks after the move) that puts
 * `movingId` just before or after `anchorId`. Working from a neighbour rather than a visible
 * index keeps moves right when a filter hides some prompts.
 */
export function indexBesideAnchor(
  fullSorted: readonly { id: string }[],
  movingId: string,
  anchorId: string,
  place: 'before' | 'after',
): number {
  const others = fullSorted.filter((item) => item.id !== movingId);
  const anchor = others.findIndex((item) => item.id === anchorId);
  if (anchor < 0) return others.length;
  return place === 'before' ? anchor : anchor + 1;
}

export type Direction = 'up' | 'down';

/** Target index for a "Move up"/"Move down" button among the visible items; null at an end. */
export function indexForStep(
  fullSorted: readonly { id: string }[],
  visible: readonly { id: string }[],
  movingId: string,
  direction: Direction,
): number | null {
  const at = visible.findIndex((item) => item.id === movingId);
  const neighbour = visible[direction === 'up' ? at - 1 : at + 1];
  if (at < 0 || !neighbour) return null;
  return indexBesideAnchor(fullSorted, movingId, neighbour.id, direction === 'up' ? 'before' : 'after');
}

export function stepProgress(prompt: Pick<Prompt, 'action_steps'>): { done: number; total: number } {
  return { done: prompt.action_steps.filter((step) => step.done).length, total: prompt.action_steps.length };
}
