import { afterEach, describe, expect, it } from 'vitest';
import { StoryPromptsDatabase } from '../../../src/db/database';
import { updatePrompt } from '../../../src/db/prompts-repository';
import { SEARCH_INDEX_FORMAT } from '../../../src/search/search-shard-config';
import { freshDatabase, searchOver, seedChat, seedLibrary } from './search-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A search service as a fresh worker would have it: its own connection to the same database. */
function worker(dbName: string) {
  const db = new StoryPromptsDatabase(dbName);
  const search = searchOver(db);
  cleanups.push(() => search.service.close(dbName).then(() => db.close()));
  return { db, ...search };
}

async function seededAndSaved() {
  const db = freshDatabase();
  cleanups.push(async () => db.close());
  const seeded = await seedLibrary(db);
  const chat = await seedChat(db, 'Sea shanties', ['Sing of the kraken and the tide.']);
  const first = worker(db.name);
  await first.idle();
  await first.service.persist(first.ref('library'));
  await first.service.persist(first.ref('messages'));
  await first.service.close(db.name);
  return { db, ...seeded, ...chat };
}

describe('search index persistence', () => {
  it('saves both shards with a fingerprint of what they cover', async () => {
    const { db } = await seededAndSaved();
    const entries = await db.search_index.toArray();
    expect(entries.map((entry) => entry.key).sort()).toEqual(['shard:library', 'shard:messages']);
    const library = entries.find((entry) => entry.key === 'shard:library')!;
    expect(library.format).toBe(SEARCH_INDEX_FORMAT);
    expect(library.fingerprint).toMatchObject({
      tables: { prompts: { count: 2 }, stories: { count: 1 } },
    });
  });

  it('restores the stored index instead of rebuilding, and answers the same', async () => {
    const { db, storm, messages } = await seededAndSaved();
    const second = worker(db.name);
    const status = await second.service.open(second.ref('library'));
    expect(status).toMatchObject({ origin: 'restored', complete: true, documents: 3 });
    expect(await second.ids('lantern')).toEqual([storm.id]);
    expect(await second.ids('kraken')).toEqual([messages[0]!.id]);
  });

  it('restores a stale index at once, flags it incomplete, and catches up in the background', async () => {
    const { db, storm } = await seededAndSaved();
    await updatePrompt(db, storm.id, { details: 'A whale sings beneath the rocks.' });
    const second = worker(db.name);
    const status = await second.service.open(second.ref('library'));
    expect(status).toMatchObject({ origin: 'restored', complete: false });
    await second.idle();
    expect(await second.ids('whale')).toEqual([storm.id]);
    expect(await second.ids('flickers')).toEqual([]);
    expect(await second.service.status(second.ref('library'))).toMatchObject({
      complete: true,
      state: 'ready',
    });
  });

  it('detects a corrupt stored index and rebuilds it while still answering', async () => {
    const { db, storm } = await seededAndSaved();
    await db.search_index.update('shard:library', { index: '{"not": "an index"' });
    const second = worker(db.name);
    const status = await second.service.open(second.ref('library'));
    expect(status).toMatchObject({ origin: 'rebuilt-corrupt', complete: false });
    expect(status.error).toMatch(/unreadable/);
    const during = await second.service.query(second.ref('library'), { query: 'lantern' });
    expect(during.status.complete === false || during.prompts.length === 1).toBe(true);
    await second.idle();
    expect(await second.ids('lantern')).toEqual([storm.id]);
    await second.service.persist(second.ref('library'));
    const third = worker(db.name);
    expect(await third.service.open(third.ref('library'))).toMatchObject({
      origin: 'restored',
      complete: true,
    });
  });

  it('treats an index whose stamps disagree with its documents as corrupt', async () => {
    const { db, storm } = await seededAndSaved();
    await db.search_index.update('shard:library', { stamps: [['someone-else', 'p1']] });
    const second = worker(db.name);
    expect(await second.service.open(second.ref('library'))).toMatchObject({
      origin: 'rebuilt-corrupt',
    });
    await second.idle();
    expect(await second.ids('lantern')).toEqual([storm.id]);
  });

  it('rebuilds an index stored in an older format', async () => {
    const { db } = await seededAndSaved();
    await db.search_index.update('shard:messages', { format: SEARCH_INDEX_FORMAT - 1 });
    const second = worker(db.name);
    expect(await second.service.open(second.ref('messages'))).toMatchObject({
      origin: 'rebuilt-outdated',
    });
  });

  it('saves again by itself after changes settle', async () => {
    const { db, storm } = await seededAndSaved();
    const second = worker(db.name);
    await second.idle();
    await updatePrompt(db, storm.id, { title: 'The gale arrives' });
    await second.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const saved = await db.search_index.get('shard:library');
    expect(String(saved!.index)).toContain('gale');
  });
});
