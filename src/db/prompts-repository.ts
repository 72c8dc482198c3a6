import type { ActionStep, Prompt } from '../domain/entities';
import { normalizeTag } from '../domain/entities';
import { newId } from '../domain/ids';
import { positionAtEnd, positionForMove, sortByPosition } from '../domain/ordering';
import type { StoryPromptsDatabase } from './database';
import { NotFoundError } from './errors';
import { listCategoryPrompts } from './queries';
import { newRowBase } from './row-defaults';
import { insertRow, updateRow } from './write-rows';

export type PromptFields = Pick<Prompt, 'title' | 'details' | 'action_steps' | 'tags' | 'files'>;

export function createPrompt(
  db: StoryPromptsDatabase,
  categoryId: string,
  fields: Partial<PromptFields> & Pick<PromptFields, 'title'>,
) {
  return db.transaction(
    'rw',
    [db.prompt_categories, db.prompts, db.changes, db.row_meta],
    async () => {
      const category = await db.prompt_categories.get(categoryId);
      if (!category || category.deleted) throw new NotFoundError('Category', categoryId);
      const siblings = await listCategoryPrompts(db, categoryId);
      return insertRow(db, 'prompts', {
        ...newRowBase(),
        story_id: category.story_id,
        category_id: categoryId,
        details: '',
        action_steps: [],
        files: [],
        ...fields,
        tags: (fields.tags ?? []).map(normalizeTag),
        position: positionAtEnd(sortByPosition(siblings)),
      });
    },
  );
}

export function updatePrompt(db: StoryPromptsDatabase, id: string, patch: Partial<PromptFields>) {
  return updateRow(
    db,
    'prompts',
    id,
    patch.tags ? { ...patch, tags: patch.tags.map(normalizeTag) } : patch,
  );
}

export function deletePrompt(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'prompts', id, { deleted: true });
}

export function restorePrompt(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'prompts', id, { deleted: false });
}

/**
 * Moves a prompt to `targetIndex` within `categoryId` (its own or another of the story). Reads
 * the order in the write's transaction so quick successive moves never use a stale order.
 */
export function movePrompt(
  db: StoryPromptsDatabase,
  id: string,
  categoryId: string,
  targetIndex: number,
) {
  return db.transaction(
    'rw',
    [db.prompt_categories, db.prompts, db.changes, db.row_meta],
    async () => {
      const target = await db.prompt_categories.get(categoryId);
      if (!target || target.deleted) throw new NotFoundError('Category', categoryId);
      const siblings = sortByPosition(await listCategoryPrompts(db, categoryId));
      return updateRow(db, 'prompts', id, {
        category_id: categoryId,
        story_id: target.story_id,
        position: positionForMove(siblings, id, targetIndex),
      });
    },
  );
}

function editSteps(
  db: StoryPromptsDatabase,
  promptId: string,
  edit: (steps: ActionStep[]) => ActionStep[],
) {
  return updateRow(db, 'prompts', promptId, (current) => ({
    action_steps: edit([...current.action_steps]),
  }));
}

export function addActionStep(db: StoryPromptsDatabase, promptId: string, text: string) {
  return editSteps(db, promptId, (steps) => [
    ...steps,
    { id: newId(), text: text.trim(), done: false },
  ]);
}

export function addActionSteps(
  db: StoryPromptsDatabase,
  promptId: string,
  texts: readonly string[],
) {
  return editSteps(db, promptId, (steps) => [
    ...steps,
    ...texts.map((text) => ({ id: newId(), text: text.trim(), done: false })),
  ]);
}

export function setActionStepDone(
  db: StoryPromptsDatabase,
  promptId: string,
  stepId: string,
  done: boolean,
) {
  return editSteps(db, promptId, (steps) =>
    steps.map((step) => (step.id === stepId ? { ...step, done } : step)),
  );
}

export function renameActionStep(
  db: StoryPromptsDatabase,
  promptId: string,
  stepId: string,
  text: string,
) {
  return editSteps(db, promptId, (steps) =>
    steps.map((step) => (step.id === stepId ? { ...step, text } : step)),
  );
}

/** A removed step and where it was: what restoreActionStep needs to put it back in place. */
export interface RemovedActionStep {
  step: ActionStep;
  /** The step before it then (null: it was first), and its index as a fallback. */
  afterId: string | null;
  index: number;
}

/** Removes a step; returns it with its place (read in the write's transaction), or null if gone. */
export async function removeActionStep(
  db: StoryPromptsDatabase,
  promptId: string,
  stepId: string,
): Promise<RemovedActionStep | null> {
  let removed: RemovedActionStep | null = null;
  await editSteps(db, promptId, (steps) => {
    const index = steps.findIndex((step) => step.id === stepId);
    if (index < 0) return steps;
    removed = { step: steps[index]!, afterId: steps[index - 1]?.id ?? null, index };
    steps.splice(index, 1);
    return steps;
  });
  return removed;
}

/**
 * Undo of removeActionStep: the step comes back with its id, text and done state, right after
 * the step that preceded it (at its old index if that one is gone meanwhile). Nothing happens
 * if the step is there already, so a second Undo never doubles it.
 */
export function restoreActionStep(
  db: StoryPromptsDatabase,
  promptId: string,
  { step, afterId, index }: RemovedActionStep,
) {
  return editSteps(db, promptId, (steps) => {
    if (steps.some((existing) => existing.id === step.id)) return steps;
    const after = afterId === null ? -1 : steps.findIndex((existing) => existing.id === afterId);
    const at = afterId === null ? 0 : after >= 0 ? after + 1 : Math.min(index, steps.length);
    steps.splice(at, 0, step);
    return steps;
  });
}

export function moveActionStep(
  db: StoryPromptsDatabase,
  promptId: string,
  stepId: string,
  targetIndex: number,
) {
  return editSteps(db, promptId, (steps) => {
    const from = steps.findIndex((step) => step.id === stepId);
    if (from < 0) return steps;
    const [step] = steps.splice(from, 1);
    steps.splice(Math.max(0, Math.min(targetIndex, steps.length)), 0, step!);
    return steps;
  });
}

export function addTag(db: StoryPromptsDatabase, promptId: string, tag: string) {
  const normalized = normalizeTag(tag);
  return updateRow(db, 'prompts', promptId, (current) => ({
    tags: current.tags.includes(normalized) ? current.tags : [...current.tags, normalized],
  }));
}

export function removeTag(db: StoryPromptsDatabase, promptId: string, tag: string) {
  return updateRow(db, 'prompts', promptId, (current) => ({
    tags: current.tags.filter((t) => t !== tag),
  }));
}
