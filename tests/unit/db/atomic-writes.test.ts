import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain/limits';
import { ValidationError } from '../../../src/db/errors';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { fieldHlcOf, readOutbox, readRowClocks, rowIdsOf } from '../../../src/db/outbox-entries';
import { insertRows, updateRow } from '../../../src/db/write-rows';
import { freshDatabase } from './test-database';

describe('writes are atomic with their change entry', () => {
  it('leaves neither the row nor the entry when the outbox write fails', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Before' });
    db.changes.hook('creating', () => {
      throw new Error('disk unplugged');
    });
    await expect(updateStory(db, story.id, { title: 'After' })).rejects.toThrow('disk unplugged');
    expect((await db.stories.get(story.id))!.title).toBe('Before');
    expect(await db.changes.count()).toBe(1);
    const clocks = await db.transaction('r', db.row_meta, db.changes, () =>
      readRowClocks(db, 'stories', story.id),
    );
    expect(fieldHlcOf(clocks.meta, 'title')).not.toBeNull();
  });

  it('leaves nothing when the row write of a new row fails', async () => {
    const db = freshDatabase();
    db.stories.hook('creating', () => {
      throw new Error('constraint');
    });
    await expect(createStory(db, { title: 'New' })).rejects.toThrow('constraint');
    expect(await db.changes.count()).toBe(0);
    expect(await db.row_meta.count()).toBe(0);
  });

  it('turns a full disk into a typed storage error and keeps the old value', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Before' });
    db.changes.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(updateStory(db, story.id, { title: 'After' })).rejects.toMatchObject({
      code: 'storage/full',
    });
    expect((await db.stories.get(story.id))!.title).toBe('Before');
  });

  it('refuses invalid rows with field messages and writes nothing', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Fine' });
    const error = await updateStory(db, story.id, { title: 'x'.repeat(LIMITS.title + 1) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ field: 'title' });
    expect((error as ValidationError).message).toContain(`at most ${LIMITS.title}`);
    expect(await db.changes.count()).toBe(1);
  });

  it('refuses an empty title', async () => {
    const db = freshDatabase();
    await expect(createStory(db, { title: '   ' })).rejects.toMatchObject({
      code: 'validation/invalid',
    });
  });

  it('reports a missing row as not found', async () => {
    const db = freshDatabase();
    await expect(
      updateRow(db, 'stories', crypto.randomUUID(), { title: 'x' }),
    ).rejects.toMatchObject({ code: 'db/not-found' });
  });

  it('writes nothing of a large insert when a row past the first slices is invalid', async () => {
    const db = freshDatabase();
    const template = await createStory(db, { title: 'Template' });
    const rows = Array.from({ length: 900 }, (_, index) => ({
      ...template,
      id: crypto.randomUUID(),
      title: `Story ${index}`,
    }));
    rows[700] = { ...rows[700]!, title: 'x'.repeat(LIMITS.title + 1) };
    await expect(insertRows(db, 'stories', rows)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.stories.count()).toBe(1);
    expect(await db.changes.count()).toBe(1);
  });

  it('inserts every row of a large insert in order, one outbox entry per 50 rows', async () => {
    const db = freshDatabase();
    const template = await createStory(db, { title: 'Template' });
    const rows = Array.from({ length: 900 }, (_, index) => ({
      ...template,
      id: crypto.randomUUID(),
      title: `Story ${index}`,
    }));
    const inserted = await insertRows(db, 'stories', rows);
    expect(inserted.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect(await db.stories.count()).toBe(901);
    const entries = (await db.changes.toArray()).slice(1);
    expect(entries.map((entry) => rowIdsOf(entry).length)).toEqual(Array(18).fill(50));
    expect(entries.flatMap(rowIdsOf)).toEqual(rows.map((row) => row.id));
    // Read for a push, each row is an insert of its own, in order, with its values.
    const read = await db.transaction('r', db.tables, () => readOutbox(db));
    expect(read.entries.slice(1).map((entry) => entry.fields.title!.value)).toEqual(
      rows.map((row) => row.title),
    );
    // A long row does not share: an entry holds at most 256 KB of rows.
    const long = Array.from({ length: 3 }, () => ({
      ...template,
      id: crypto.randomUUID(),
      synopsis: 's'.repeat(100_000),
    }));
    await insertRows(db, 'stories', long);
    const last = (await db.changes.toArray()).slice(-2);
    expect(last.map((entry) => rowIdsOf(entry).length)).toEqual([2, 1]);
  });
});
