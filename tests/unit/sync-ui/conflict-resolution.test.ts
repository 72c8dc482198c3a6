// Choosing a side in the Conflicts view writes the chosen value to the entity through updateRow
// and marks the conflict resolved, both as outbox entries so the choice syncs everywhere.
import { describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt, deletePrompt } from '../../../src/db/prompts-repository';
import { createStory } from '../../../src/db/stories-repository';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import type { Conflict } from '../../../src/domain/entities';
import {
  fieldLabel,
  listOpenConflicts,
  resolveConflict,
  sideText,
} from '../../../src/features/conflicts/conflict-resolution';
import { freshDatabase } from '../db/test-database';

async function promptWithConflict(db: StoryPromptsDatabase, patch: Partial<Conflict>) {
  const story = await createStory(db, { title: 'Salt Roads' });
  const category = await createCategory(db, story.id, { title: 'Scenes' });
  const prompt = await createPrompt(db, category.id, { title: 'Harbour at dawn' });
  const now = new Date().toISOString();
  // As the engine stores it when pulled: a plain row, no outbox entry of its own.
  const conflict: Conflict = {
    id: crypto.randomUUID(),
    created_at: now,
    updated_at: now,
    deleted: false,
    entity: 'prompts',
    row_id: prompt.id,
    field: 'title',
    kind: 'lww',
    winner_value: 'Harbour at dawn',
    loser_value: 'Harbour at dusk',
    base_value: null,
    winner_hlc: null,
    loser_hlc: null,
    resolved: false,
    ...patch,
  };
  await db.sync_conflicts.put(conflict);
  await db.changes.clear();
  return { prompt, conflict };
}

async function outbox(db: StoryPromptsDatabase) {
  return (await db.changes.toArray()).map((entry) => ({
    table: entry.table,
    fields: Object.keys(entry.fields),
  }));
}

describe('resolving conflicts', () => {
  it('"use this one" on the other value writes it and resolves the conflict, both synced', async () => {
    const db = freshDatabase();
    const { prompt, conflict } = await promptWithConflict(db, {});
    expect(await listOpenConflicts(db)).toHaveLength(1);
    await resolveConflict(db, conflict, 'loser');
    expect((await db.prompts.get(prompt.id))!.title).toBe('Harbour at dusk');
    expect((await db.sync_conflicts.get(conflict.id))!.resolved).toBe(true);
    expect(await listOpenConflicts(db)).toEqual([]);
    expect(await outbox(db)).toEqual([
      { table: 'prompts', fields: ['title'] },
      { table: 'sync_conflicts', fields: ['resolved'] },
    ]);
  });

  it('"use this one" on the kept value resolves without rewriting an unchanged field', async () => {
    const db = freshDatabase();
    const { prompt, conflict } = await promptWithConflict(db, {});
    await resolveConflict(db, conflict, 'winner');
    expect((await db.prompts.get(prompt.id))!.title).toBe('Harbour at dawn');
    expect(await outbox(db)).toEqual([{ table: 'sync_conflicts', fields: ['resolved'] }]);
  });

  it('writes the other text of a long-text conflict with its merge base', async () => {
    const db = freshDatabase();
    const { prompt, conflict } = await promptWithConflict(db, {
      field: 'details',
      kind: 'text_overlap',
      winner_value: '',
      loser_value: 'She waits.\nThe tide turns.\n',
      base_value: 'She waits.\n',
    });
    await resolveConflict(db, conflict, 'loser');
    expect((await db.prompts.get(prompt.id))!.details).toBe('She waits.\nThe tide turns.\n');
    const [entry] = await db.changes.toArray();
    expect(entry!.fields.details).toMatchObject({
      value: 'She waits.\nThe tide turns.\n',
      base: '',
    });
  });

  it('edit vs delete: Restore undeletes, Keep deleted leaves the row deleted; both resolve', async () => {
    for (const [choice, deleted] of [
      ['restore', false],
      ['keep-deleted', true],
    ] as const) {
      const db = freshDatabase();
      const { prompt, conflict } = await promptWithConflict(db, {
        field: 'deleted',
        kind: 'edit_vs_delete',
        winner_value: true,
        loser_value: { title: 'Harbour at noon' },
      });
      await deletePrompt(db, prompt.id);
      await db.changes.clear();
      await resolveConflict(db, conflict, choice);
      expect((await db.prompts.get(prompt.id))!.deleted, choice).toBe(deleted);
      expect((await db.sync_conflicts.get(conflict.id))!.resolved).toBe(true);
      const tables = (await outbox(db)).map((entry) => entry.table);
      expect(tables, choice).toEqual(deleted ? ['sync_conflicts'] : ['prompts', 'sync_conflicts']);
    }
  });

  it('refuses a conflict about an unknown table and changes nothing', async () => {
    const db = freshDatabase();
    const { conflict } = await promptWithConflict(db, {});
    await expect(
      resolveConflict(db, { ...conflict, entity: 'widgets' }, 'loser'),
    ).rejects.toMatchObject({
      code: 'conflicts/unknown-entity',
    });
    expect(await db.changes.count()).toBe(0);
  });
});

describe('how a conflict reads', () => {
  it('names the categories of a "moved on both devices" clash instead of showing their ids', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    const places = await createCategory(db, story.id, { title: 'Places' });
    const people = await createCategory(db, story.id, { title: 'People' });
    expect(fieldLabel('category_id')).toBe('Category');
    expect(await sideText(db, 'category_id', places.id)).toBe('“Places”');
    expect(await sideText(db, 'category_id', people.id)).toBe('“People”');
    // A row this device does not hold (any more) still shows something.
    const gone = crypto.randomUUID();
    expect(await sideText(db, 'category_id', gone)).toBe(gone);
    expect(await sideText(db, 'title', 'Harbour at dawn')).toBe('Harbour at dawn');
  });
});
