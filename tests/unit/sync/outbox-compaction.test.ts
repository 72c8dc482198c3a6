// An outbox that is never pushed (local-only, long offline) must not keep one entry per
// autosave forever, and compacting it must not change what the server will receive.
import { describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import { readOutbox } from '../../../src/db/outbox-entries';
import { createPrompt, deletePrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { compactOutbox } from '../../../src/sync/outbox-compaction';
import { foldEntries } from '../../../src/sync/outbox';
import { prepareBatch } from '../../../src/sync/push';
import { freshDatabase } from '../db/test-database';

/** What the push would send for the whole outbox, without mutation ids. */
async function wouldSend(db: StoryPromptsDatabase) {
  const { entries } = await db.transaction(
    'r',
    [db.changes, db.prompts, db.stories, db.prompt_categories],
    () => readOutbox(db),
  );
  return foldEntries(entries);
}

async function storyWithPrompt(db: StoryPromptsDatabase) {
  const story = await createStory(db, { title: 'Salt Roads' });
  const category = await createCategory(db, story.id, { title: 'Scenes' });
  const prompt = await createPrompt(db, category.id, { title: 'Harbour' });
  return { story, category, prompt };
}

describe('outbox compaction', () => {
  it('folds an hour of autosaves of one prompt into one entry, and the push sends the same', async () => {
    const db = freshDatabase();
    const { prompt } = await storyWithPrompt(db);
    await updatePrompt(db, prompt.id, { details: 'The harbour' });
    let text = 'The harbour';
    for (let save = 0; save < 40; save++) {
      text += ` wakes ${save}`;
      await updatePrompt(db, prompt.id, { details: text });
    }
    const before = await wouldSend(db);
    const entriesBefore = await db.changes.count();

    const removed = await compactOutbox(db);

    expect(entriesBefore).toBe(3 + 41);
    // The prompt's first edit wrote its insert out in full, right before the edits: the insert
    // and its 41 edits are one run, which the push would also have sent as one insert.
    expect(removed).toBe(41);
    expect(await db.changes.count()).toBe(3);
    expect(await wouldSend(db)).toEqual(before);
    const [last] = await db.changes.orderBy(':id').reverse().limit(1).toArray();
    expect(last!.fields.details).toEqual({
      value: text,
      hlc: expect.any(String),
      base_hlc: null,
      base: null,
    });
  });

  it('keeps the base the server compares against: the text before the run', async () => {
    const db = freshDatabase();
    const { story, prompt } = await storyWithPrompt(db);
    await updatePrompt(db, prompt.id, { details: 'Draft' });
    await updateStory(db, story.id, { logline: 'in between' });
    for (const details of ['Draft one', 'Draft one two', 'Draft one two three'])
      await updatePrompt(db, prompt.id, { details });
    const before = await wouldSend(db);

    expect(await compactOutbox(db)).toBe(3);

    expect(await wouldSend(db)).toEqual(before);
    const [last] = await db.changes.orderBy(':id').reverse().limit(1).toArray();
    expect(last!.fields.details).toMatchObject({ value: 'Draft one two three', base: 'Draft' });
  });

  it('never folds across another row, so rows keep the order they were changed in', async () => {
    const db = freshDatabase();
    const { story, prompt } = await storyWithPrompt(db);
    await updatePrompt(db, prompt.id, { title: 'A' });
    await updateStory(db, story.id, { logline: 'B' });
    await updatePrompt(db, prompt.id, { title: 'C' });
    await deletePrompt(db, prompt.id);
    const before = await wouldSend(db);
    const entriesBefore = await db.changes.count();

    await compactOutbox(db);

    // Runs: the prompt's insert (written out by its first edit) with that edit, and its last
    // edit with its delete; the story's edit sits between them.
    expect(await db.changes.count()).toBe(entriesBefore - 2);
    expect(await wouldSend(db)).toEqual(before);
  });

  it('leaves alone the entries of the push in flight, folding only the edits made after it', async () => {
    const db = freshDatabase();
    const { prompt } = await storyWithPrompt(db);
    await updatePrompt(db, prompt.id, { details: 'one' });
    const inflight = await prepareBatch(db);
    const inflightSeqs = (await db.changes.toArray()).map((entry) => entry.seq);
    await updatePrompt(db, prompt.id, { details: 'one two' });
    await updatePrompt(db, prompt.id, { details: 'one two three' });

    expect(await compactOutbox(db)).toBe(1);

    const seqs = (await db.changes.toArray()).map((entry) => entry.seq);
    expect(seqs.slice(0, inflightSeqs.length)).toEqual(inflightSeqs);
    expect(seqs).toHaveLength(inflightSeqs.length + 1);
    expect(inflight!.up_to_seq).toBe(inflightSeqs.at(-1));
    const [after] = await db.changes.where(':id').above(inflight!.up_to_seq).toArray();
    expect(after!.fields.details).toMatchObject({ value: 'one two three', base: 'one' });
  });

  it('folds runs that cross the slices it reads, and keeps compact inserts as they are', async () => {
    const db = freshDatabase();
    const { story, prompt } = await storyWithPrompt(db);
    for (let save = 0; save < 7; save++) await updateStory(db, story.id, { notes: `n${save}` });
    for (let save = 0; save < 7; save++) await updatePrompt(db, prompt.id, { title: `t${save}` });
    const before = await wouldSend(db);

    await compactOutbox(db, 4);
    await compactOutbox(db, 4);

    // The three inserts (story and prompt written out in full by their first edits; the
    // category's still compact), then one entry per run: the story's notes, the prompt's titles.
    const entries = await db.changes.toArray();
    expect(entries.filter((entry) => entry.inserted_hlc !== undefined)).toHaveLength(1);
    expect(entries).toHaveLength(5);
    expect(await wouldSend(db)).toEqual(before);
  });

  it('does nothing to an empty outbox or one without runs', async () => {
    const db = freshDatabase();
    expect(await compactOutbox(db)).toBe(0);
    await storyWithPrompt(db);
    expect(await compactOutbox(db)).toBe(0);
    expect(await db.changes.count()).toBe(3);
  });
});
