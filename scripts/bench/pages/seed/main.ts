// Seeds the app's own database ('story-prompts', on the app's origin) through the import path
// for the board benchmarks: story A with 50 categories and 10k prompts (B6), story B with one
// category holding 10k prompts (B17). Exposes `window.seedBoard()` → the ids the driver needs.
import { DATABASE_NAME, StoryPromptsDatabase } from '../../../../src/db/database';
import { insertRows } from '../../../../src/db/write-rows';
import { generatePrompts, generateStory } from '../../generators';

async function seedBoard(count: number) {
  const db = new StoryPromptsDatabase(DATABASE_NAME);
  try {
    const a = generateStory(11);
    const b = generateStory(12, 1);
    await insertRows(db, 'stories', [a.story, b.story]);
    await insertRows(db, 'prompt_categories', [...a.categories, ...b.categories]);
    // In slices so no single transaction holds 20k rows (as an import of that size would).
    for (const prompts of [
      generatePrompts(11, a.categories, count),
      generatePrompts(12, b.categories, count),
    ]) {
      for (let i = 0; i < prompts.length; i += 2_500)
        await insertRows(db, 'prompts', prompts.slice(i, i + 2_500));
    }
    return {
      storyA: a.story.id,
      storyB: b.story.id,
      categoryB: b.categories[0]!.id,
      categoryBTitle: b.categories[0]!.title,
    };
  } finally {
    db.close();
  }
}

(globalThis as unknown as { seedBoard: typeof seedBoard }).seedBoard = seedBoard;
document.title = 'ready';
