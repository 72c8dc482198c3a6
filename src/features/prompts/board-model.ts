// What the board shows, as pure functions over rows: prompts grouped under their categories in
// position order, the tag and text filters, and where a moved prompt lands. Kept apart from
// React so the ordering rules are unit-tested and the 10k-prompt board stays a cheap pass.
import type { Category, Prompt } from '../../domain/entities';
import { comparePositioned, sortByPosition } from '../../domain/ordering';

export interface BoardSection {
  category: Category;
  /** Every live prompt of the category, in position order (what moves are computed against). */
  prompts: readonly Prompt[];
  /** The prompts that pass the current filter (what the section shows). */
  visible: readonly Prompt[];
  /** The category's prompts are still being read (its lists are empty meanwhile). */
  loading: boolean;
}

/** Prompts of each category, in position order, keyed by category id. */
export type PromptGroups = ReadonlyMap<string, readonly Prompt[]>;

export interface BoardFilter {
  tag: string | null;
  text: string;
}

export const NO_FILTER: BoardFilter = { tag: null, text: '' };

export function isFiltering(filter: BoardFilter): boolean {
  return filter.tag !== null || filter.text.trim() !== '';
}

export function matchesFilter(prompt: Prompt, filter: BoardFilter): boolean {
  return filterGroup([prompt], filter).length === 1;
}

// Lower-cased titles per group array, computed once per array the live query delivers, so a
// keystroke in the filter is one `includes` per prompt rather than one `toLowerCase` too.
const lowerTitles = new WeakMap<readonly Prompt[], string[]>();

function lowerTitlesOf(group: readonly Prompt[]): string[] {
  let titles = lowerTitles.get(group);
  if (!titles) {
    titles = group.map((prompt) => prompt.title.toLowerCase());
    lowerTitles.set(group, titles);
  }
  return titles;
}

/** The prompts of one (position-ordered) group that pass the filter; the group itself when none filters. */
export function filterGroup(group: readonly Prompt[], filter: BoardFilter): readonly Prompt[] {
  if (!isFiltering(filter)) return group;
  const needle = filter.text.trim().toLowerCase();
  const titles = needle === '' ? null : lowerTitlesOf(group);
  const { tag } = filter;
  const visible: Prompt[] = [];
  for (let i = 0; i < group.length; i++) {
    const prompt = group[i]!;
    if (tag !== null && !prompt.tags.includes(tag)) continue;
    if (titles && !titles[i]!.includes(needle)) continue;
    visible.push(prompt);
  }
  return visible;
}

/** Groups prompts by category; prompts of unknown (e.g. deleted) categories are left out. */
export function groupPrompts(
  categories: readonly Category[],
  prompts: readonly Prompt[],
): Map<string, Prompt[]> {
  const groups = new Map<string, Prompt[]>();
  for (const category of categories) groups.set(category.id, []);
  for (const prompt of prompts) {
    if (prompt.deleted) continue;
    groups.get(prompt.category_id)?.push(prompt);
  }
  for (const list of groups.values()) list.sort(comparePositioned);
  return groups;
}

const filterKey = (filter: BoardFilter) =>
  isFiltering(filter) ? `${filter.tag ?? ''}\u0000${filter.text.trim().toLowerCase()}` : '';

/**
 * Builds the sections from per-category groups (a category whose group is missing is still
 * loading). Remembers its last result: a section whose category, group and filter are all
 * unchanged is returned as the same object, so a memoized section skips re-rendering when
 * another category's prompts change.
 */
export function createSectionBuilder() {
  let previous = new Map<string, { section: BoardSection; key: string }>();
  return (
    categories: readonly Category[],
    groups: PromptGroups,
    filter: BoardFilter,
  ): BoardSection[] => {
    const key = filterKey(filter);
    const next = new Map<string, { section: BoardSection; key: string }>();
    const live = sortByPosition(categories.filter((category) => !category.deleted));
    const sections = live.map((category) => {
      const group = groups.get(category.id);
      const last = previous.get(category.id);
      const reusable =
        last &&
        last.key === key &&
        last.section.category === category &&
        (group ? last.section.prompts === group : last.section.loading);
      const section: BoardSection = reusable
        ? last.section
        : group
          ? { category, prompts: group, visible: filterGroup(group, filter), loading: false }
          : { category, prompts: [], visible: [], loading: true };
      next.set(category.id, { section, key });
      return section;
    });
    previous = next;
    return sections;
  };
}

export function buildSections(
  categories: readonly Category[],
  prompts: readonly Prompt[],
  filter: BoardFilter,
): BoardSection[] {
  return createSectionBuilder()(categories, groupPrompts(categories, prompts), filter);
}

// Tags per group array, so the tag list is a union of small cached sets when one group changes.
const groupTags = new WeakMap<readonly Prompt[], readonly string[]>();

function tagsOf(group: readonly Prompt[]): readonly string[] {
  let tags = groupTags.get(group);
  if (!tags) {
    const set = new Set<string>();
    for (const prompt of group) if (!prompt.deleted) for (const tag of prompt.tags) set.add(tag);
    tags = [...set];
    groupTags.set(group, tags);
  }
  return tags;
}

/** Every tag used by the given prompts (or groups of prompts), alphabetical, for the tag filter. */
export function boardTags(prompts: readonly Prompt[] | PromptGroups): string[] {
  const groups = Array.isArray(prompts)
    ? [prompts as readonly Prompt[]]
    : [...(prompts as PromptGroups).values()];
  const tags = new Set<string>();
  for (const group of groups) for (const tag of tagsOf(group)) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

export interface PromptPlacement {
  id: string;
  category_id: string;
  position: string;
  /**
   * The prompt as it was when moved. Shown when no group holds it: the old category's query
   * can bring its new result (without the prompt) a frame before the new category's query
   * brings it, and the card must not vanish and remount meanwhile.
   */
  row?: Prompt;
}

/**
 * The groups with each placement applied (a prompt shown in its new category at its new
 * position), as the board shows a move before the live queries bring it back. Applying a
 * placement the data already has changes nothing; untouched groups keep their arrays.
 */
export function placePrompts(
  groups: PromptGroups,
  placements: readonly PromptPlacement[],
): PromptGroups {
  if (placements.length === 0) return groups;
  const next = new Map(groups);
  for (const placement of placements) {
    const target = next.get(placement.category_id);
    if (!target) continue;
    let found: Prompt | undefined;
    for (const [categoryId, group] of next) {
      const at = group.findIndex((prompt) => prompt.id === placement.id);
      if (at < 0) continue;
      found ??= group[at];
      next.set(
        categoryId,
        group.filter((prompt) => prompt.id !== placement.id),
      );
    }
    found ??= placement.row;
    if (!found) continue;
    const moved = { ...found, category_id: placement.category_id, position: placement.position };
    next.set(
      placement.category_id,
      [...next.get(placement.category_id)!, moved].sort(comparePositioned),
    );
  }
  return next;
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
  return indexBesideAnchor(
    fullSorted,
    movingId,
    neighbour.id,
    direction === 'up' ? 'before' : 'after',
  );
}

export function stepProgress(prompt: Pick<Prompt, 'action_steps'>): {
  done: number;
  total: number;
} {
  return {
    done: prompt.action_steps.filter((step) => step.done).length,
    total: prompt.action_steps.length,
  };
}
