// Random writer actions for the convergence fuzz, each done through the real repositories
// (as the UI does) and logged for the oracle: every field value a writer set, with its HLC.
import type { StoryPromptsDatabase } from '../../../src/db/database';
import {
  createCategory,
  deleteCategory,
  restoreCategory,
  updateCategory,
} from '../../../src/db/categories-repository';
import {
  createPrompt,
  deletePrompt,
  movePrompt,
  restorePrompt,
  updatePrompt,
} from '../../../src/db/prompts-repository';
import { updateStory } from '../../../src/db/stories-repository';
import type { SyncedTable } from '../../../src/domain/synced-tables';

export interface LoggedEdit {
  device: string;
  table: SyncedTable;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
  base_hlc: string | null;
}

export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T | undefined =>
  items.length ? items[Math.floor(random() * items.length)] : undefined;

/** Runs `write` and logs every field it changed (from the new outbox entry). */
export async function logged(
  db: StoryPromptsDatabase,
  device: string,
  log: LoggedEdit[],
  write: () => Promise<unknown>,
) {
  const before = (await db.changes.orderBy(':id').last())?.seq ?? 0;
  try {
    await write();
  } catch (error) {
    if ((error as { code?: string }).code === 'db/not-found') return; // raced with a pulled delete
    throw error;
  }
  for (const entry of await db.changes.where(':id').above(before).toArray()) {
    for (const [field, change] of Object.entries(entry.fields)) {
      log.push({
        device,
        table: entry.table,
        id: entry.row_id,
        field,
        value: change.value,
        hlc: change.hlc,
        base_hlc: change.base_hlc,
      });
    }
  }
}

function editLine(text: string, random: Random, token: string): string {
  const lines = text.split('\n');
  const index = Math.floor(random() * (lines.length + 1));
  if (index >= lines.length || random() < 0.3)
    lines.splice(Math.min(index, lines.length), 0, token);
  else lines[index] = token;
  return lines.join('\n');
}

export async function randomWrite(
  db: StoryPromptsDatabase,
  random: Random,
  token: string,
): Promise<void> {
  const stories = await db.stories.toArray();
  const categories = await db.prompt_categories.toArray();
  const prompts = await db.prompts.toArray();
  const roll = random();
  const story = pick(random, stories);
  const category = pick(
    random,
    categories.filter((c) => !c.deleted),
  );
  const prompt = pick(random, prompts);
  if (roll < 0.1 && category)
    return void (await createPrompt(db, category.id, { title: `Prompt ${token}` }));
  if (roll < 0.15 && story)
    return void (await createCategory(db, story.id, { title: `Category ${token}` }));
  if (roll < 0.22 && prompt)
    return void (await (prompt.deleted
      ? restorePrompt(db, prompt.id)
      : deletePrompt(db, prompt.id)));
  if (roll < 0.26 && category)
    return void (await (random() < 0.5
      ? deleteCategory(db, category.id)
      : restoreCategory(db, category.id)));
  if (roll < 0.34 && prompt && category)
    return void (await movePrompt(db, prompt.id, category.id, Math.floor(random() * 5)));
  if (roll < 0.5 && prompt)
    return void (await updatePrompt(db, prompt.id, {
      details: editLine(prompt.details, random, token),
    }));
  if (roll < 0.58 && story)
    return void (await updateStory(db, story.id, {
      synopsis: editLine(story.synopsis, random, token),
    }));
  if (roll < 0.7 && prompt)
    return void (await updatePrompt(db, prompt.id, { title: `Title ${token}` }));
  if (roll < 0.78 && prompt)
    return void (await updatePrompt(db, prompt.id, {
      tags: [`t${Math.floor(random() * 4)}`, `x${token}`.toLowerCase()],
    }));
  if (roll < 0.86 && category)
    return void (await updateCategory(db, category.id, {
      color: pick(random, ['#112233', '#445566', '#778899'])!,
    }));
  if (story)
    await updateStory(db, story.id, {
      [pick(random, ['title', 'logline', 'genre'] as const)!]: `Story ${token}`,
    });
}
