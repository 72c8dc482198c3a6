import { describe, expect, it } from 'vitest';
import { compareHlc } from '../../../src/domain/hlc';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt, deletePrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { freshDatabase } from './test-database';

describe('change entries', () => {
  it('records every field of a new row with no base clock', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    const [entry] = await db.changes.toArray();
    expect(entry).toMatchObject({ table: 'stories', row_id: story.id });
    expect(Object.keys(entry!.fields).sort()).toEqual(['created_at', 'deleted', 'genre', 'logline', 'notes', 'synopsis', 'title']);
    expect(entry!.fields.title).toMatchObject({ value: 'Salt Roads', base_hlc: null });
  });

  it('records only changed fields, with the previous clock as base and a later clock', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    await updateStory(db, story.id, { title: 'Salt Roads', logline: 'A smuggler runs.' });
    const [created, edited] = await db.changes.toArray();
    expect(Object.keys(edited!.fields)).toEqual(['logline']);
    expect(edited!.fields.logline!.base_hlc).toBe(created!.fields.logline!.hlc);
    expect(compareHlc(edited!.fields.logline!.hlc, created!.fields.logline!.hlc)).toBe(1);
    const meta = await db.row_meta.get(['stories', story.id]);
    expect(meta!.field_hlc.logline).toBe(edited!.fields.logline!.hlc);
  });

  it('keeps the previous text of long fields as the merge base', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'T', synopsis: 'line one\n' });
    await updateStory(db, story.id, { synopsis: 'line one\nline two\n' });
    const edit = (await db.changes.toArray())[1]!;
    expect(edit.fields.synopsis).toMatchObject({ value: 'line one\nline two\n', base: 'line one\n' });
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
    const entries = await db.changes.where('[table+row_id]').equals(['prompts', prompt.id]).toArray();
    const rename = entries[1]!;
    const deletion = entries[2]!;
    expect(deletion.fields.deleted!.value).toBe(true);
    expect(deletion.row_hlc_seen).toBe(rename.fields.title!.hlc);
  });
});
