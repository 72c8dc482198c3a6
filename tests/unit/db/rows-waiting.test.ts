// The sync indicator's "N changes waiting to upload" counts rows, not outbox entries: a writer
// who typed into one prompt five times has one thing waiting, not five.
import { describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt, deletePrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { countRowsWaitingToUpload } from '../../../src/db/queries';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { freshDatabase } from './test-database';

describe('rows waiting to upload', () => {
  it('is zero on an empty device', async () => {
    expect(await countRowsWaitingToUpload(freshDatabase())).toBe(0);
  });

  it('counts a row edited many times once', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    for (const title of ['Salt', 'Salt R', 'Salt Ro', 'Salt Road', 'Salt Roads II'])
      await updateStory(db, story.id, { title });
    expect(await db.changes.count()).toBe(6);
    expect(await countRowsWaitingToUpload(db)).toBe(1);
  });

  it('counts each changed row of every table, however the edits interleave', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'T' });
    const category = await createCategory(db, story.id, { title: 'Scenes' });
    const first = await createPrompt(db, category.id, { title: 'One' });
    const second = await createPrompt(db, category.id, { title: 'Two' });
    await updatePrompt(db, first.id, { details: 'a' });
    await updateStory(db, story.id, { logline: 'b' });
    await updatePrompt(db, first.id, { details: 'ab' });
    await deletePrompt(db, second.id);
    expect(await countRowsWaitingToUpload(db)).toBe(4);
  });

  it('tells rows of different tables apart even when their ids are equal', async () => {
    const db = freshDatabase();
    const id = crypto.randomUUID();
    await db.changes.bulkAdd([
      { table: 'stories', row_id: id, fields: {}, created_at: 1 },
      { table: 'personas', row_id: id, fields: {}, created_at: 2 },
      { table: 'stories', row_id: id, fields: {}, created_at: 3 },
    ]);
    expect(await countRowsWaitingToUpload(db)).toBe(2);
  });

  it('stops counting past its limit, so a huge outbox costs no more than the limit', async () => {
    const db = freshDatabase();
    await db.changes.bulkAdd(
      Array.from({ length: 30 }, (_, index) => ({
        table: 'stories' as const,
        row_id: `row-${String(index).padStart(2, '0')}`,
        fields: {},
        created_at: index,
      })),
    );
    expect(await countRowsWaitingToUpload(db, 10)).toBe(11);
    expect(await countRowsWaitingToUpload(db, 30)).toBe(30);
  });
});
