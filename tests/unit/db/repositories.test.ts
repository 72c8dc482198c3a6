import { describe, expect, it } from 'vitest';
import { categoryProgress, tagsInUse } from '../../../src/domain/story-summary';
import { sortByPosition } from '../../../src/domain/ordering';
import {
  createCategory,
  deleteCategory,
  moveCategory,
  restoreCategory,
} from '../../../src/db/categories-repository';
import {
  addActionStep,
  addTag,
  createPrompt,
  moveActionStep,
  movePrompt,
  removeActionStep,
  removeTag,
  restoreActionStep,
  setActionStepDone,
} from '../../../src/db/prompts-repository';
import {
  getPrompt,
  listCategories,
  listCategoryPrompts,
  listPromptsWithTag,
  listStoryPrompts,
  recentStoryPrompts,
} from '../../../src/db/queries';
import { createStory, deleteStory, restoreStory } from '../../../src/db/stories-repository';
import { freshDatabase } from './test-database';

async function storyWithCategories(titles: string[]) {
  const db = freshDatabase();
  const story = await createStory(db, { title: 'Salt Roads' });
  const categories = [];
  for (const title of titles) categories.push(await createCategory(db, story.id, { title }));
  return { db, story, categories };
}

describe('categories', () => {
  it('keeps the order they were created in and moves one by writing one row', async () => {
    const { db, story, categories } = await storyWithCategories(['Plot', 'Characters', 'World']);
    const before = await db.changes.count();
    await moveCategory(db, categories[2]!.id, 0);
    expect(await db.changes.count()).toBe(before + 1);
    const order = sortByPosition(await listCategories(db, story.id)).map((c) => c.title);
    expect(order).toEqual(['World', 'Plot', 'Characters']);
  });

  it('hides a deleted category until it is restored', async () => {
    const { db, story, categories } = await storyWithCategories(['Plot', 'World']);
    await deleteCategory(db, categories[0]!.id);
    expect((await listCategories(db, story.id)).map((c) => c.title)).toEqual(['World']);
    await restoreCategory(db, categories[0]!.id);
    expect(await listCategories(db, story.id)).toHaveLength(2);
  });

  it('refuses a colour that is not a hex colour', async () => {
    const { db, story } = await storyWithCategories([]);
    await expect(createCategory(db, story.id, { title: 'X', color: 'red' })).rejects.toMatchObject({
      code: 'validation/invalid',
    });
  });
});

describe('prompts', () => {
  it('moves a prompt into another category at a chosen index', async () => {
    const { db, categories } = await storyWithCategories(['Plot', 'World']);
    const [plot, world] = categories;
    const a = await createPrompt(db, plot!.id, { title: 'A' });
    await createPrompt(db, world!.id, { title: 'B' });
    await createPrompt(db, world!.id, { title: 'C' });
    await movePrompt(db, a.id, world!.id, 1);
    expect(await listCategoryPrompts(db, plot!.id)).toHaveLength(0);
    const worldOrder = sortByPosition(await listCategoryPrompts(db, world!.id)).map((p) => p.title);
    expect(worldOrder).toEqual(['B', 'A', 'C']);
  });

  it('adds, ticks, reorders and removes action steps', async () => {
    const { db, categories } = await storyWithCategories(['Plot']);
    const prompt = await createPrompt(db, categories[0]!.id, { title: 'Opening' });
    await addActionStep(db, prompt.id, 'Outline');
    await addActionStep(db, prompt.id, 'Draft');
    let steps = (await db.prompts.get(prompt.id))!.action_steps;
    await setActionStepDone(db, prompt.id, steps[0]!.id, true);
    await moveActionStep(db, prompt.id, steps[1]!.id, 0);
    steps = (await db.prompts.get(prompt.id))!.action_steps;
    expect(steps.map((s) => [s.text, s.done])).toEqual([
      ['Draft', false],
      ['Outline', true],
    ]);
    await removeActionStep(db, prompt.id, steps[0]!.id);
    expect((await db.prompts.get(prompt.id))!.action_steps.map((s) => s.text)).toEqual(['Outline']);
  });

  it('puts a removed action step back in its place with its text and done state, once', async () => {
    const { db, categories } = await storyWithCategories(['Plot']);
    const prompt = await createPrompt(db, categories[0]!.id, { title: 'Opening' });
    for (const text of ['Outline', 'Draft', 'Revise']) await addActionStep(db, prompt.id, text);
    const texts = async () =>
      (await db.prompts.get(prompt.id))!.action_steps.map((s) => `${s.text}${s.done ? ' ✓' : ''}`);
    const draft = (await db.prompts.get(prompt.id))!.action_steps[1]!;
    await setActionStepDone(db, prompt.id, draft.id, true);

    const removed = await removeActionStep(db, prompt.id, draft.id);
    expect(removed).toMatchObject({ step: { id: draft.id, text: 'Draft', done: true }, index: 1 });
    await addActionStep(db, prompt.id, 'Polish'); // edits after the delete stay
    await restoreActionStep(db, prompt.id, removed!);
    expect(await texts()).toEqual(['Outline', 'Draft ✓', 'Revise', 'Polish']);
    await restoreActionStep(db, prompt.id, removed!); // a second Undo adds nothing
    expect(await texts()).toEqual(['Outline', 'Draft ✓', 'Revise', 'Polish']);
    expect(await removeActionStep(db, prompt.id, crypto.randomUUID())).toBeNull();

    // The first step comes back first; a step whose neighbour went meanwhile, at its index.
    const first = await removeActionStep(
      db,
      prompt.id,
      (await db.prompts.get(prompt.id))!.action_steps[0]!.id,
    );
    await restoreActionStep(db, prompt.id, first!);
    expect(await texts()).toEqual(['Outline', 'Draft ✓', 'Revise', 'Polish']);
    const steps = (await db.prompts.get(prompt.id))!.action_steps;
    const revise = await removeActionStep(db, prompt.id, steps[2]!.id);
    await removeActionStep(db, prompt.id, steps[1]!.id);
    await restoreActionStep(db, prompt.id, revise!);
    expect(await texts()).toEqual(['Outline', 'Polish', 'Revise']);
  });

  it('normalizes tags, ignores duplicates and finds prompts by tag', async () => {
    const { db, categories } = await storyWithCategories(['Plot']);
    const prompt = await createPrompt(db, categories[0]!.id, { title: 'Opening' });
    await addTag(db, prompt.id, '  Night Scene ');
    await addTag(db, prompt.id, 'night scene');
    expect((await db.prompts.get(prompt.id))!.tags).toEqual(['night-scene']);
    expect(await listPromptsWithTag(db, 'night-scene')).toHaveLength(1);
    await removeTag(db, prompt.id, 'night-scene');
    expect(await listPromptsWithTag(db, 'night-scene')).toHaveLength(0);
  });

  it('refuses a prompt in a category that does not exist', async () => {
    const db = freshDatabase();
    await expect(createPrompt(db, crypto.randomUUID(), { title: 'Lost' })).rejects.toMatchObject({
      code: 'db/not-found',
    });
  });

  it('lists the most recently edited prompts first', async () => {
    const { db, story, categories } = await storyWithCategories(['Plot']);
    for (const title of ['One', 'Two', 'Three']) {
      await createPrompt(db, categories[0]!.id, { title });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect((await recentStoryPrompts(db, story.id, 2)).map((p) => p.title)).toEqual([
      'Three',
      'Two',
    ]);
  });

  it('hides the prompts of a deleted category or story until it is restored', async () => {
    const { db, story, categories } = await storyWithCategories(['Plot', 'World']);
    const [plot, world] = categories;
    const opening = await createPrompt(db, plot!.id, { title: 'Opening', tags: ['night'] });
    await createPrompt(db, world!.id, { title: 'Map' });
    const titles = (prompts: { title: string }[]) => prompts.map((p) => p.title).sort();

    await deleteCategory(db, plot!.id);
    expect(titles(await listStoryPrompts(db, story.id))).toEqual(['Map']);
    expect(titles(await recentStoryPrompts(db, story.id, 5))).toEqual(['Map']);
    expect(await getPrompt(db, opening.id)).toBeUndefined();

    await restoreCategory(db, plot!.id);
    expect(titles(await listStoryPrompts(db, story.id))).toEqual(['Map', 'Opening']);
    expect(titles(await recentStoryPrompts(db, story.id, 5))).toEqual(['Map', 'Opening']);
    expect((await getPrompt(db, opening.id))?.tags).toEqual(['night']);

    await deleteStory(db, story.id);
    expect(await getPrompt(db, opening.id)).toBeUndefined();
    await restoreStory(db, story.id);
    expect((await getPrompt(db, opening.id))?.title).toBe('Opening');
  });
});

describe('story summary', () => {
  it('counts prompts and action steps per category and the tags in use', async () => {
    const { db, story, categories } = await storyWithCategories(['Plot', 'World']);
    const prompt = await createPrompt(db, categories[0]!.id, {
      title: 'Opening',
      tags: ['night', 'sea'],
    });
    await createPrompt(db, categories[1]!.id, { title: 'Map', tags: ['sea'] });
    await addActionStep(db, prompt.id, 'Outline');
    await addActionStep(db, prompt.id, 'Draft');
    await setActionStepDone(
      db,
      prompt.id,
      (await db.prompts.get(prompt.id))!.action_steps[0]!.id,
      true,
    );
    const prompts = await listStoryPrompts(db, story.id);
    const progress = categoryProgress(await listCategories(db, story.id), prompts);
    expect(
      progress.map((p) => [p.category.title, p.promptCount, p.stepsDone, p.stepsTotal]),
    ).toEqual([
      ['Plot', 1, 1, 2],
      ['World', 1, 0, 0],
    ]);
    expect(tagsInUse(prompts)).toEqual([
      { tag: 'sea', count: 2 },
      { tag: 'night', count: 1 },
    ]);
  });
});
