import { afterEach, describe, expect, it } from 'vitest';
import {
  createCategory,
  deleteCategory,
  moveCategory,
} from '../../../src/db/categories-repository';
import { StoryPromptsDatabase } from '../../../src/db/database';
import {
  listCategories as listBoardCategories,
  listStoryPrompts as listBoardPrompts,
} from '../../../src/db/queries';
import { createPrompt, deletePrompt, movePrompt } from '../../../src/db/prompts-repository';
import { createStory } from '../../../src/db/stories-repository';
import { buildSections, indexForStep, NO_FILTER } from '../../../src/features/prompts/board-model';

let db: StoryPromptsDatabase;

afterEach(async () => {
  db?.close();
  await db?.delete();
});

async function seed() {
  db = new StoryPromptsDatabase(`board-${crypto.randomUUID()}`);
  const story = await createStory(db, { title: 'Mine' });
  const other = await createStory(db, { title: 'Other' });
  const characters = await createCategory(db, story.id, { title: 'Characters' });
  const plot = await createCategory(db, story.id, { title: 'Plot' });
  const foreign = await createCategory(db, other.id, { title: 'Foreign' });
  const hero = await createPrompt(db, characters.id, { title: 'Hero' });
  const rival = await createPrompt(db, characters.id, { title: 'Rival' });
  await createPrompt(db, foreign.id, { title: 'Not mine' });
  return { story, characters, plot, hero, rival };
}

describe('board queries', () => {
  it('read only the story’s live categories and prompts', async () => {
    const { story, plot, rival } = await seed();
    await deletePrompt(db, rival.id);
    await deleteCategory(db, plot.id);
    expect((await listBoardCategories(db, story.id)).map((c) => c.title)).toEqual(['Characters']);
    expect((await listBoardPrompts(db, story.id)).map((p) => p.title)).toEqual(['Hero']);
  });

  it('a move button step writes one row and the board reads the new order back', async () => {
    const { story, characters, rival } = await seed();
    const before = buildSections(
      await listBoardCategories(db, story.id),
      await listBoardPrompts(db, story.id),
      NO_FILTER,
    );
    const list = before[0]!.prompts;
    const changesBefore = await db.changes.count();
    await movePrompt(db, rival.id, characters.id, indexForStep(list, list, rival.id, 'up')!);
    expect(await db.changes.count()).toBe(changesBefore + 1);
    const after = buildSections(
      await listBoardCategories(db, story.id),
      await listBoardPrompts(db, story.id),
      NO_FILTER,
    );
    expect(after[0]!.prompts.map((p) => p.title)).toEqual(['Rival', 'Hero']);
  });

  it('category moves reorder the sections', async () => {
    const { story, plot } = await seed();
    await moveCategory(db, plot.id, 0);
    const sections = buildSections(
      await listBoardCategories(db, story.id),
      await listBoardPrompts(db, story.id),
      NO_FILTER,
    );
    expect(sections.map((s) => s.category.title)).toEqual(['Plot', 'Characters']);
  });
});
