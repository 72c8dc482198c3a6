// This tab's edits are announced when, and only when, their transaction commits; a prompt's live
// view shows an edit from the announcement and keeps its query for everything else.
import { describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { watchCommittedRows } from '../../../src/db/committed-rows';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import { livePromptInStory } from '../../../src/db/live-with-own-edits';
import {
  createPrompt,
  deletePrompt,
  movePrompt,
  updatePrompt,
} from '../../../src/db/prompts-repository';
import { createStory } from '../../../src/db/stories-repository';
import type { Prompt } from '../../../src/domain/entities';
import { freshDatabase } from './test-database';

async function storyWithPrompt(db: StoryPromptsDatabase) {
  const story = await createStory(db, { title: 'Story' });
  const category = await createCategory(db, story.id, { title: 'Scenes' });
  const other = await createCategory(db, story.id, { title: 'Later' });
  const prompt = await createPrompt(db, category.id, { title: 'Opening' });
  return { story, category, other, prompt };
}

function recordCommits(db: StoryPromptsDatabase) {
  const seen: string[][] = [];
  const stop = watchCommittedRows(db, 'prompts', (rows) => seen.push(rows.map((r) => r.title)));
  return { seen, stop };
}

describe('watchCommittedRows', () => {
  it('hands over the stored row once the edit commits, frozen like live query results', async () => {
    const db = freshDatabase();
    const { prompt } = await storyWithPrompt(db);
    let received: readonly Prompt[] = [];
    const stop = watchCommittedRows(db, 'prompts', (rows) => (received = rows));
    const stored = await updatePrompt(db, prompt.id, { title: 'Storm' });
    expect(received).toEqual([stored]);
    expect(Object.isFrozen(received[0])).toBe(true);
    stop();
    await updatePrompt(db, prompt.id, { title: 'Calm' });
    expect(received[0]!.title).toBe('Storm');
  });

  it('says nothing of an edit whose transaction aborts', async () => {
    const db = freshDatabase();
    const { prompt } = await storyWithPrompt(db);
    const { seen } = recordCommits(db);
    db.changes.hook('creating', () => {
      throw new Error('disk unplugged');
    });
    await expect(updatePrompt(db, prompt.id, { title: 'Lost' })).rejects.toThrow('disk unplugged');
    expect(seen).toEqual([]);
  });

  it('announces an edit inside a larger transaction only when that one commits', async () => {
    const db = freshDatabase();
    const { prompt } = await storyWithPrompt(db);
    const { seen } = recordCommits(db);
    let seenInside: string[][] = [];
    await db.transaction('rw', [db.prompts, db.changes, db.row_meta], async () => {
      await updatePrompt(db, prompt.id, { title: 'Inside' });
      seenInside = [...seen];
    });
    expect(seenInside).toEqual([]);
    expect(seen).toEqual([['Inside']]);

    await expect(
      db.transaction('rw', [db.prompts, db.changes, db.row_meta], async () => {
        await updatePrompt(db, prompt.id, { title: 'Rolled back' });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(seen).toEqual([['Inside']]);
    expect((await db.prompts.get(prompt.id))!.title).toBe('Inside');
  });

  it('keeps telling the other listeners when one throws', async () => {
    const db = freshDatabase();
    const { prompt } = await storyWithPrompt(db);
    const thrown: unknown[] = [];
    const onUncaught = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      watchCommittedRows(db, 'prompts', () => {
        throw new Error('broken view');
      });
      const { seen } = recordCommits(db);
      await updatePrompt(db, prompt.id, { title: 'Storm' });
      expect(seen).toEqual([['Storm']]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(thrown).toEqual([new Error('broken view')]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});

/** Every value the live view delivers, and a way to wait for one. */
function collect(db: StoryPromptsDatabase, promptId: string, storyId: string) {
  const values: (Prompt | null)[] = [];
  const waiters: (() => void)[] = [];
  const subscription = livePromptInStory(db, promptId, storyId).subscribe((value) => {
    values.push(value);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (values.length >= count ? resolve() : waiters.push(check));
      check();
    });
  return { values, next, stop: () => subscription.unsubscribe() };
}

describe('livePromptInStory', () => {
  it('shows an edit as it commits, then the re-read changes nothing visible', async () => {
    const db = freshDatabase();
    const { story, prompt } = await storyWithPrompt(db);
    const view = collect(db, prompt.id, story.id);
    await view.next(1);
    expect(view.values[0]!.title).toBe('Opening');
    await updatePrompt(db, prompt.id, { title: 'Storm' });
    // Delivered by the announcement, before updatePrompt's caller resumed.
    expect(view.values.at(-1)!.title).toBe('Storm');
    await view.next(view.values.length + 1);
    expect(view.values.at(-1)).toEqual(view.values.at(-2));
    view.stop();
  });

  it('leaves deletes and moves to its query, which checks where the prompt now is', async () => {
    const db = freshDatabase();
    const { story, other, prompt } = await storyWithPrompt(db);
    const view = collect(db, prompt.id, story.id);
    await view.next(1);
    const shown = view.values.length;
    await movePrompt(db, prompt.id, other.id, 0);
    expect(view.values.length).toBe(shown);
    await view.next(shown + 1);
    expect(view.values.at(-1)!.category_id).toBe(other.id);

    await deletePrompt(db, prompt.id);
    await view.next(shown + 2);
    expect(view.values.at(-1)).toBeNull();
    view.stop();
  });

  it('is null for a prompt of another story', async () => {
    const db = freshDatabase();
    const { prompt } = await storyWithPrompt(db);
    const elsewhere = await createStory(db, { title: 'Elsewhere' });
    const view = collect(db, prompt.id, elsewhere.id);
    await view.next(1);
    await updatePrompt(db, prompt.id, { title: 'Storm' });
    expect(view.values.every((value) => value === null)).toBe(true);
    view.stop();
  });
});
