import { describe, expect, it } from 'vitest';
import { compareHlc } from '../../../src/domain/hlc';
import { createCategory } from '../../../src/db/categories-repository';
import { fieldHlcOf, readOutbox, readRowClocks } from '../../../src/db/outbox-entries';
import {
  createPrompt,
  deletePrompt,
  movePrompt,
  updatePrompt,
} from '../../../src/db/prompts-repository';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import { countRowsWaitingToUpload } from '../../../src/db/queries';
import { insertRows } from '../../../src/db/write-rows';
import { freshDatabase } from './test-database';

/** The outbox as the sync engine reads it: every entry in full form, oldest first. */
async function pendingChanges(db: StoryPromptsDatabase) {
  return db.transaction('r', db.tables, async () => (await readOutbox(db)).entries);
}

describe('change entries', () => {
  it('records every field of a new row with one clock and no base', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    const [entry] = await pendingChanges(db);
    expect(entry).toMatchObject({ table: 'stories', row_id: story.id });
    expect(Object.keys(entry!.fields).sort()).toEqual([
      'created_at',
      'deleted',
      'genre',
      'logline',
      'notes',
      'synopsis',
      'title',
    ]);
    expect(entry!.fields.title).toMatchObject({ value: 'Salt Roads', base_hlc: null });
    expect(entry!.fields.synopsis).toMatchObject({ base: null });
    expect(new Set(Object.values(entry!.fields).map((field) => field.hlc)).size).toBe(1);
  });

  it('stores an insert without copying its values: the row holds them once', async () => {
    const db = freshDatabase();
    const details = 'long text '.repeat(500);
    const story = await createStory(db, { title: 'T', synopsis: details });
    const [stored] = await db.changes.toArray();
    expect(JSON.stringify(stored).length).toBeLessThan(300);
    expect(await db.row_meta.count()).toBe(0);
    expect((await pendingChanges(db))[0]!.fields.synopsis!.value).toBe(details);
    expect((await db.stories.get(story.id))!.synopsis).toBe(details);
  });

  it('sends an insert with the values it was made with when the row is edited before it is pushed', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Draft title' });
    await updateStory(db, story.id, { title: 'Final title' });
    const [created, edited] = await pendingChanges(db);
    expect(created!.fields.title!.value).toBe('Draft title');
    expect(edited!.fields.title).toMatchObject({
      value: 'Final title',
      base_hlc: created!.fields.title!.hlc,
    });
  });

  it('keeps the order of inserts and edits: a prompt moved into a newer category is created in its old one', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'T' });
    const first = await createCategory(db, story.id, { title: 'First' });
    const prompt = await createPrompt(db, first.id, { title: 'Opening' });
    const later = await createCategory(db, story.id, { title: 'Later' });
    await movePrompt(db, prompt.id, later.id, 0);
    const entries = await pendingChanges(db);
    const promptInsert = entries.findIndex((entry) => entry.row_id === prompt.id);
    const laterInsert = entries.findIndex((entry) => entry.row_id === later.id);
    const move = entries.findLastIndex((entry) => entry.row_id === prompt.id);
    expect(entries[promptInsert]!.fields.category_id!.value).toBe(first.id);
    expect(laterInsert).toBeLessThan(move);
    expect(entries[move]!.fields.category_id!.value).toBe(later.id);
  });

  it('drops an insert whose row is gone instead of sending an empty row', async () => {
    const db = freshDatabase();
    const template = await createStory(db, { title: 'x' });
    const [kept, removed] = await insertRows(db, 'stories', [
      { ...template, id: crypto.randomUUID(), title: 'Kept' },
      { ...template, id: crypto.randomUUID(), title: 'Removed' },
    ]);
    const [alone] = await insertRows(db, 'stories', [
      { ...template, id: crypto.randomUUID(), title: 'Alone' },
    ]);
    await db.stories.bulkDelete([removed!.id, alone!.id]);
    const read = await db.transaction('r', db.tables, () => readOutbox(db));
    const sent = read.entries.map((entry) => entry.row_id);
    expect(sent).toContain(kept!.id);
    expect(sent).not.toContain(removed!.id);
    expect(sent).not.toContain(alone!.id);
    // The entry of the two rows still has one to send; the lone row's entry has none.
    const aloneEntry = await db.changes
      .where('[table+row_id]')
      .equals(['stories', alone!.id])
      .first();
    expect(read.orphanSeqs).toEqual([aloneEntry!.seq]);
  });

  it('writes the insert of an edited row out in full, in the place of the entry it shared', async () => {
    const db = freshDatabase();
    const template = await createStory(db, { title: 'x' });
    const [first, second] = await insertRows(db, 'stories', [
      { ...template, id: crypto.randomUUID(), title: 'First' },
      { ...template, id: crypto.randomUUID(), title: 'Second' },
    ]);
    await updateStory(db, second!.id, { title: 'Second, edited' });
    await updateStory(db, first!.id, { title: 'First, edited' });
    const read = await db.transaction('r', db.tables, () => readOutbox(db));
    const titles = read.entries.map((entry) => [entry.row_id, entry.fields.title?.value]);
    // Both inserts go out first, with the values they were inserted with; then the edits.
    expect(titles.slice(1)).toEqual([
      [first!.id, 'First'],
      [second!.id, 'Second'],
      [second!.id, 'Second, edited'],
      [first!.id, 'First, edited'],
    ]);
    const insertHlc = read.entries[1]!.fields.title!.hlc;
    expect(read.entries[2]!.fields.title!.hlc).toBe(insertHlc);
    expect(read.entries[3]!.fields.title!.base_hlc).toBe(insertHlc);
    expect(await countRowsWaitingToUpload(db)).toBe(3);
  });

  it('records only changed fields, with the previous clock as base and a later clock', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    await updateStory(db, story.id, { title: 'Salt Roads', logline: 'A smuggler runs.' });
    const [created, edited] = await pendingChanges(db);
    expect(Object.keys(edited!.fields)).toEqual(['logline']);
    expect(edited!.fields.logline!.base_hlc).toBe(created!.fields.logline!.hlc);
    expect(compareHlc(edited!.fields.logline!.hlc, created!.fields.logline!.hlc)).toBe(1);
    const { meta } = await db.transaction('r', db.row_meta, db.changes, () =>
      readRowClocks(db, 'stories', story.id),
    );
    expect(fieldHlcOf(meta, 'logline')).toBe(edited!.fields.logline!.hlc);
    expect(fieldHlcOf(meta, 'title')).toBe(created!.fields.title!.hlc);
  });

  it('keeps the previous text of long fields as the merge base', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'T', synopsis: 'line one\n' });
    await updateStory(db, story.id, { synopsis: 'line one\nline two\n' });
    const edit = (await pendingChanges(db))[1]!;
    expect(edit.fields.synopsis).toMatchObject({
      value: 'line one\nline two\n',
      base: 'line one\n',
    });
  });

  it('writes nothing when nothing changed', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'T' });
    await updateStory(db, story.id, { title: 'T' });
    expect(await db.changes.count()).toBe(1);
  });

  it('marks a delete with the highest clock it had seen on the row', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'T' });
    const category = await createCategory(db, story.id, { title: 'Scenes' });
    const prompt = await createPrompt(db, category.id, { title: 'Opening' });
    await updatePrompt(db, prompt.id, { title: 'Opening scene' });
    await deletePrompt(db, prompt.id);
    const entries = (await pendingChanges(db)).filter((entry) => entry.row_id === prompt.id);
    const rename = entries[1]!;
    const deletion = entries[2]!;
    expect(deletion.fields.deleted!.value).toBe(true);
    expect(deletion.row_hlc_seen).toBe(rename.fields.title!.hlc);
  });

  it('marks the delete of a never-edited row with the clock of its insert', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'T' });
    const category = await createCategory(db, story.id, { title: 'Scenes' });
    const prompt = await createPrompt(db, category.id, { title: 'Opening' });
    await deletePrompt(db, prompt.id);
    const [created, deletion] = (await pendingChanges(db)).filter(
      (entry) => entry.row_id === prompt.id,
    );
    expect(deletion!.row_hlc_seen).toBe(created!.fields.title!.hlc);
  });
});
