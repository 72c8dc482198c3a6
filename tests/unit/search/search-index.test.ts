import { afterEach, describe, expect, it } from 'vitest';
import { deleteCategory, updateCategory } from '../../../src/db/categories-repository';
import {
  createPrompt,
  deletePrompt,
  restorePrompt,
  updatePrompt,
} from '../../../src/db/prompts-repository';
import { deleteStory, updateStory } from '../../../src/db/stories-repository';
import { insertRows, updateRow } from '../../../src/db/write-rows';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import { freshDatabase, messageRow, searchOver, seedChat, seedLibrary } from './search-fixtures';

const open: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((entry) => entry.close()));
});

function setup(db: StoryPromptsDatabase = freshDatabase()) {
  const search = searchOver(db);
  open.push({ close: () => search.service.close(db.name).then(() => db.close()) });
  return { db, ...search };
}

describe('search index', () => {
  it('builds from the database and finds stories, prompts and messages by kind', async () => {
    const { db, search, idle } = setup();
    const { story, storm } = await seedLibrary(db);
    const { messages } = await seedChat(db, 'Coastal ideas', ['What does the lantern symbolise?']);
    await idle();
    const result = await search('lantern');
    expect(result.prompts.map((hit) => hit.id)).toEqual([storm.id]);
    expect(result.messages.map((hit) => hit.id)).toEqual([messages[0]!.id]);
    expect((await search('keeper')).stories.map((hit) => hit.id)).toEqual([story.id]);
    expect(result.library.status).toMatchObject({
      state: 'ready',
      complete: true,
      origin: 'rebuilt-missing',
    });
  });

  it('matches word prefixes and tolerates a typo', async () => {
    const { db, ids, idle } = setup();
    const { storm, letter } = await seedLibrary(db);
    await idle();
    expect(await ids('envel')).toEqual([letter.id]);
    expect(await ids('lantren')).toEqual([storm.id]);
    expect(await ids('storm bell')).toEqual([storm.id]);
    expect(await ids('storm envelope')).toEqual([]);
  });

  it('ranks a title match above a match in the details', async () => {
    const { db, search, idle } = setup();
    const { actOne } = await seedLibrary(db);
    const inTitle = await createPrompt(db, actOne.id, { title: 'Harbour', details: 'Boats.' });
    const inDetails = await createPrompt(db, actOne.id, {
      title: 'Boats',
      details: 'The harbour at dawn, quiet.',
    });
    await idle();
    expect((await search('harbour')).prompts.map((hit) => hit.id)).toEqual([
      inTitle.id,
      inDetails.id,
    ]);
  });

  it('follows edits, deletes and restores of rows', async () => {
    const { db, ids, idle } = setup();
    const { storm, story } = await seedLibrary(db);
    await idle();
    await updatePrompt(db, storm.id, { details: 'A comet splits the sky.' });
    await idle();
    expect(await ids('comet')).toEqual([storm.id]);
    expect(await ids('flickers')).toEqual([]);
    await deletePrompt(db, storm.id);
    await idle();
    expect(await ids('comet')).toEqual([]);
    await restorePrompt(db, storm.id);
    await idle();
    expect(await ids('comet')).toEqual([storm.id]);
    await updateStory(db, story.id, { title: 'The Foghorn' });
    await idle();
    expect(await ids('foghorn')).toEqual([story.id]);
  });

  it('hides prompts of a deleted story or category and follows category renames', async () => {
    const { db, ids, search, idle } = setup();
    const { story, storm, letter, twists } = await seedLibrary(db);
    await idle();
    await updateCategory(db, twists.id, { title: 'Reveals' });
    await idle();
    expect((await search('category:reveal')).prompts.map((hit) => hit.id)).toEqual([letter.id]);
    await deleteCategory(db, twists.id);
    await idle();
    expect(await ids('envelope')).toEqual([]);
    await deleteStory(db, story.id);
    await idle();
    expect(await ids('lantern')).toEqual([]);
    expect(storm.id).toBeTruthy();
  });

  it('filters prompts with tag: and category:, alone or with words', async () => {
    const { db, search, idle } = setup();
    const { storm, letter } = await seedLibrary(db);
    await idle();
    expect((await search('tag:myst')).prompts.map((hit) => hit.id)).toEqual([letter.id]);
    expect((await search('tag:drama')).prompts.map((hit) => hit.id)).toEqual([storm.id]);
    expect((await search('category:"act one" bell')).prompts.map((hit) => hit.id)).toEqual([
      storm.id,
    ]);
    expect((await search('category:"act one" envelope')).prompts).toEqual([]);
    const filtered = await search('tag:drama keeper');
    expect(filtered.stories).toEqual([]);
  });

  it('returns highlight offsets of the matched words in the title and a snippet', async () => {
    const { db, search, idle } = setup();
    await seedLibrary(db);
    await idle();
    const [hit] = (await search('storm lant')).prompts;
    const marked = (text: { text: string; highlights: Array<[number, number]> }) =>
      text.highlights.map(([start, end]) => text.text.slice(start, end));
    expect(marked(hit!.title)).toEqual(['storm']);
    expect(marked(hit!.snippet!)).toEqual(['lantern']);
    expect(hit!.snippet!.text).not.toContain('\n');
  });

  it('finds words whatever their accents, typed with or without them, and highlights them', async () => {
    const { db, ids, search, idle } = setup();
    const { actOne } = await seedLibrary(db);
    const cafe = await createPrompt(db, actOne.id, {
      title: 'Café Zoë',
      details: 'Le héros attend à la fenêtre.',
    });
    const plain = await createPrompt(db, actOne.id, { title: 'Resume', details: 'A naive plan.' });
    await idle();
    expect(await ids('cafe')).toEqual([cafe.id]);
    expect(await ids('zoe')).toEqual([cafe.id]);
    expect(await ids('fenetre')).toEqual([cafe.id]);
    expect(await ids('résumé')).toEqual([plain.id]);
    expect(await ids('naïve')).toEqual([plain.id]);
    const [hit] = (await search('cafe zoe')).prompts;
    expect(hit!.title.highlights.map(([start, end]) => hit!.title.text.slice(start, end))).toEqual([
      'Café',
      'Zoë',
    ]);
  });

  it('finds Chinese and Japanese words inside sentences written without spaces', async () => {
    const { db, ids, search, idle } = setup();
    const { actOne } = await seedLibrary(db);
    const japanese = await createPrompt(db, actOne.id, {
      title: '山田の秘密',
      details: '名前は山田です。ラーメンが好き。',
    });
    const chinese = await createPrompt(db, actOne.id, {
      title: '灯塔',
      details: '守塔人在暴风雨中等待。',
    });
    await idle();
    // Both characters, but apart: not what 山田 asks for.
    const apart = await createPrompt(db, actOne.id, {
      title: '田中',
      details: '田中さんは山に行った。',
    });
    await idle();
    expect(await ids('山田')).toEqual([japanese.id]);
    expect(await ids('ラーメン')).toEqual([japanese.id]);
    expect(await ids('暴风雨')).toEqual([chinese.id]);
    expect(await ids('风雨')).toEqual([chinese.id]);
    expect(await ids('山田 暴风雨')).toEqual([]);
    // One character alone finds it wherever it stands: first, inside or last in a run.
    expect((await ids('山')).sort()).toEqual([japanese.id, apart.id].sort());
    expect((await ids('密')).sort()).toEqual([japanese.id]);
    expect((await ids('雨')).sort()).toEqual([chinese.id]);
    const [hit] = (await search('秘密')).prompts;
    expect(hit!.title.highlights.map(([start, end]) => hit!.title.text.slice(start, end))).toEqual([
      '秘密',
    ]);
    const [inside] = (await search('山田')).prompts;
    expect(
      inside!.snippet!.highlights.map(([start, end]) => inside!.snippet!.text.slice(start, end)),
    ).toEqual(['山田']);
  });

  it('follows messages, chat renames and chat deletes', async () => {
    const { db, ids, search, idle } = setup();
    const { chat, messages } = await seedChat(db, 'Villains', [
      'The antagonist hides in the archive.',
    ]);
    await idle();
    await updateRow(db, 'messages', messages[0]!.id, {
      content: 'The antagonist escapes by boat.',
    });
    await updateRow(db, 'chats', chat.id, { title: 'Antagonists and rivals' });
    await idle();
    expect(await ids('archive')).toEqual([]);
    const [hit] = (await search('boat')).messages;
    expect(hit).toMatchObject({ chatId: chat.id, title: { text: 'Antagonists and rivals' } });
    await updateRow(db, 'chats', chat.id, { deleted: true });
    await idle();
    expect(await ids('boat')).toEqual([]);
  });

  it('picks up bulk writes that Dexie reports as a key range', async () => {
    const { db, ids, idle } = setup();
    const { chat } = await seedChat(db, 'Bulk', []);
    await idle();
    const rows = Array.from({ length: 120 }, (_, i) =>
      messageRow(chat.id, `note number ${i} about zeppelins`),
    );
    await insertRows(db, 'messages', rows);
    await idle();
    expect((await ids('zeppelins')).length).toBe(8); // the default per-kind limit
    expect(await ids('zeppelins 117')).toHaveLength(1);
  });

  it('drops documents whose rows were removed outright (not tombstoned)', async () => {
    const { db, ids, idle } = setup();
    const { letter } = await seedLibrary(db);
    await idle();
    await db.prompts.delete(letter.id);
    await idle();
    expect(await ids('envelope')).toEqual([]);
  });
});
