// Adds a prompt pack (src/domain/prompt-pack.ts) to a story. A pack category whose title the
// story already has (ignoring case) receives its prompts at the end; any other becomes a new
// category at the end of the board. Prompts are written through insertRows in chunks (validated,
// with outbox entries: they sync like typed ones), each chunk one transaction, so a failure
// keeps what was added before it and says how far it got.
import { newId } from '../domain/ids';
import { positionsAfter, sortByPosition } from '../domain/ordering';
import type { PackCategory, PromptPack } from '../domain/prompt-pack';
import type { Prompt } from '../domain/entities';
import { createCategory } from './categories-repository';
import type { StoryPromptsDatabase } from './database';
import { NotFoundError } from './errors';
import { getStory, listCategories, listCategoryPrompts } from './queries';
import { newRowBase } from './row-defaults';
import { insertRows } from './write-rows';

const CHUNK = 200;

export interface PackPlan {
  /** Titles of the categories the pack adds. */
  newCategories: string[];
  /** Titles of the story's categories that receive prompts. */
  existingCategories: string[];
  prompts: number;
}

async function storyCategories(db: StoryPromptsDatabase, storyId: string) {
  const story = await getStory(db, storyId);
  if (!story || story.deleted) throw new NotFoundError('Story', storyId);
  return new Map(
    (await listCategories(db, storyId)).map((category) => [category.title.toLowerCase(), category]),
  );
}

export async function planPackImport(
  db: StoryPromptsDatabase,
  storyId: string,
  pack: PromptPack,
): Promise<PackPlan> {
  const existing = await storyCategories(db, storyId);
  const used = pack.categories.filter((category) => category.prompts.length > 0);
  return {
    newCategories: used.filter((c) => !existing.has(c.title.toLowerCase())).map((c) => c.title),
    existingCategories: used
      .filter((c) => existing.has(c.title.toLowerCase()))
      .map((c) => existing.get(c.title.toLowerCase())!.title),
    prompts: used.reduce((sum, category) => sum + category.prompts.length, 0),
  };
}

export async function importPack(
  db: StoryPromptsDatabase,
  storyId: string,
  pack: PromptPack,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<PackPlan> {
  const plan = await planPackImport(db, storyId, pack);
  const existing = await storyCategories(db, storyId);
  let done = 0;
  for (const category of pack.categories) {
    if (category.prompts.length === 0) continue;
    const categoryId =
      existing.get(category.title.toLowerCase())?.id ??
      (
        await createCategory(db, storyId, {
          title: category.title,
          description: category.description,
        })
      ).id;
    await addPrompts(db, storyId, categoryId, category, (count) =>
      onProgress((done += count), plan.prompts),
    );
  }
  return plan;
}

async function addPrompts(
  db: StoryPromptsDatabase,
  storyId: string,
  categoryId: string,
  category: PackCategory,
  onChunk: (count: number) => void,
): Promise<void> {
  const last = sortByPosition(await listCategoryPrompts(db, categoryId)).at(-1)?.position ?? null;
  const positions = positionsAfter(last, category.prompts.length);
  const rows: Prompt[] = category.prompts.map((prompt, index) => ({
    ...newRowBase(),
    story_id: storyId,
    category_id: categoryId,
    title: prompt.title,
    details: prompt.details,
    tags: [...new Set(prompt.tags)],
    action_steps: prompt.action_steps.map((text) => ({ id: newId(), text, done: false })),
    files: [],
    position: positions[index]!,
  }));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await insertRows(db, 'prompts', chunk);
    onChunk(chunk.length);
  }
}
