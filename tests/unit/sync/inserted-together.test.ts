// Rows inserted together share one outbox entry: a pull still sees each of them as a row with
// local changes, and a clock repair re-stamps them all, edited ones included. A database from
// before (one entry per inserted row) opens and reads as it was.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { setClock } from '../../../src/db/clock';
import { StoryPromptsDatabase, VERSION_1_STORES } from '../../../src/db/database';
import { highestFieldHlc, readOutbox, readRowClocks } from '../../../src/db/outbox-entries';
import { countRowsWaitingToUpload } from '../../../src/db/queries';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { insertRows } from '../../../src/db/write-rows';
import { HlcClock, parseHlc } from '../../../src/domain/hlc';
import type { Story } from '../../../src/domain/entities';
import { repairClockAhead } from '../../../src/sync/clock-repair';
import { pendingFieldsFor, rowKey } from '../../../src/sync/pending-fields';
import { freshDatabase } from '../db/test-database';

async function importStories(db: StoryPromptsDatabase, count: number): Promise<Story[]> {
  const template = await createStory(db, { title: 'Template' });
  return insertRows(
    db,
    'stories',
    Array.from({ length: count }, (_, index) => ({
      ...template,
      id: crypto.randomUUID(),
      title: `Imported ${index}`,
    })),
  );
}

describe('rows inserted together', () => {
  it('each count as a row with local changes for a pull, also when the outbox is large', async () => {
    const db = freshDatabase();
    const [first, middle] = (await importStories(db, 3)).slice(0, 2) as [Story, Story];
    const other = crypto.randomUUID();
    const ask = [
      { table: 'stories', id: middle.id },
      { table: 'prompts', id: middle.id }, // same id, another table: no local change
      { table: 'stories', id: other },
    ];
    const small = await pendingFieldsFor(db, ask, null);
    expect(small.has(rowKey('stories', middle.id))).toBe(true);
    expect(small.has(rowKey('stories', first.id))).toBe(true);
    expect(small.has(rowKey('prompts', middle.id))).toBe(false);

    // Above 2,000 entries the outbox is looked up per pulled row instead of read whole.
    await db.changes.bulkAdd(
      Array.from({ length: 2_001 }, () => ({
        table: 'stories' as const,
        row_id: crypto.randomUUID(),
        fields: {},
        created_at: 0,
      })),
    );
    const large = await pendingFieldsFor(db, ask, null);
    expect(large.get(rowKey('stories', middle.id))).toEqual(
      small.get(rowKey('stories', middle.id)),
    );
    expect(large.has(rowKey('prompts', middle.id))).toBe(false);
    expect(large.has(rowKey('stories', other))).toBe(false);
  });

  it('are re-stamped together when the clock was ahead, edited ones with their row clocks', async () => {
    const db = freshDatabase();
    const now = Date.now();
    const dayAhead = now + 86_400_000;
    setClock(db, new HlcClock({ node: 'ahead', now: () => dayAhead }));
    const [kept, edited] = (await importStories(db, 2)) as [Story, Story];
    await updateStory(db, edited.id, { title: 'Edited ahead' });

    await repairClockAhead(db, now, () => now);

    const read = await db.transaction('r', db.tables, () => readOutbox(db));
    for (const entry of read.entries)
      for (const change of Object.values(entry.fields))
        expect(parseHlc(change.hlc).wall).toBeLessThanOrEqual(now + 60_000);
    const inserts = read.entries.filter((entry) => [kept.id, edited.id].includes(entry.row_id));
    expect(inserts.map((entry) => entry.fields.title?.value)).toEqual([
      'Imported 0',
      'Imported 1',
      'Edited ahead',
    ]);
    // The edited row's clocks were re-stamped too: none is still ahead.
    const { meta } = await db.transaction('r', db.row_meta, db.changes, () =>
      readRowClocks(db, 'stories', edited.id),
    );
    expect(parseHlc(highestFieldHlc(meta)!).wall).toBeLessThanOrEqual(now + 60_000);
  });
});

describe('a database from before rows were inserted together', () => {
  it('opens with its outbox as it was: one entry per inserted row', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(VERSION_1_STORES);
    const scratch = freshDatabase();
    const story = await createStory(scratch, { title: 'From before' });
    const [entry] = await scratch.changes.toArray();
    await old.table('stories').add(story);
    await old.table('changes').add({ ...entry, seq: undefined });
    old.close();

    const db = new StoryPromptsDatabase(name);
    expect(await countRowsWaitingToUpload(db)).toBe(1);
    const read = await db.transaction('r', db.tables, () => readOutbox(db));
    expect(read.entries.map((e) => [e.row_id, e.fields.title?.value])).toEqual([
      [story.id, 'From before'],
    ]);
    await updateStory(db, story.id, { title: 'Edited after the upgrade' });
    expect(await countRowsWaitingToUpload(db)).toBe(1);
    db.close();
  });
});
