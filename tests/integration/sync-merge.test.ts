// Per-field merge in sync_push: sequential edits apply, concurrent edits keep the higher HLC and
// record the loser, edit vs delete in both orders keeps the edit on a deleted row, messages never
// conflict, and clocks more than a day ahead are refused for the whole batch.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, openPools, push, sqlState } from '../support/postgres';
import { TestDevice, change, changes, storyValues } from '../support/mutations';

const pools = openPools();
let writer = '';

beforeAll(async () => {
  writer = await createUser(pools.admin, 'merge');
});
afterAll(() => pools.end());

async function storedStory(
  id: string,
): Promise<Record<string, unknown> & { field_hlc: Record<string, string> }> {
  const result = await pools.admin.query('select * from public.stories where id = $1', [id]);
  return result.rows[0];
}

async function conflictsFor(rowId: string): Promise<Record<string, unknown>[]> {
  const result = await pools.admin.query(
    'select * from public.sync_conflicts where row_id = $1 order by server_version',
    [rowId],
  );
  return result.rows;
}

/** Creates a story from device `a` and returns its id and the HLC of its fields. */
async function createdStory(a: TestDevice): Promise<{ id: string; created: string }> {
  const id = randomUUID();
  const created = a.stamp(-60_000);
  await push(pools.api, writer, a.clientId, [
    a.mutation('stories', id, changes(storyValues(), created)),
  ]);
  return { id, created };
}

describe('sync_push merge', () => {
  it('applies sequential edits (base_hlc equals the stored HLC)', async () => {
    const a = new TestDevice();
    const b = new TestDevice();
    const { id, created } = await createdStory(a);
    const first = b.stamp(-30_000);
    await push(pools.api, writer, b.clientId, [
      b.mutation('stories', id, { title: change('Second', first, created) }),
    ]);
    // Sequential even with a LOWER clock: b saw a's value, so a's next edit builds on it.
    const second = a.stamp(-40_000);
    const response = await push(pools.api, writer, a.clientId, [
      a.mutation('stories', id, { title: change('Third', second, first) }),
    ]);
    expect(response.conflicts).toEqual([]);
    expect(await storedStory(id)).toMatchObject({ title: 'Third', field_hlc: { title: second } });
    expect(await conflictsFor(id)).toEqual([]);
  });

  it('keeps the higher HLC of concurrent edits and records the loser, whichever arrives first', async () => {
    for (const order of ['older-first', 'newer-first'] as const) {
      const a = new TestDevice('node-a');
      const b = new TestDevice('node-b');
      const { id, created } = await createdStory(a);
      const older = {
        device: a,
        m: a.mutation('stories', id, { genre: change('noir', a.stamp(-20_000), created) }),
      };
      const newer = {
        device: b,
        m: b.mutation('stories', id, { genre: change('gothic', b.stamp(-10_000), created) }),
      };
      const sequence = order === 'older-first' ? [older, newer] : [newer, older];
      for (const step of sequence) await push(pools.api, writer, step.device.clientId, [step.m]);
      expect((await storedStory(id)).genre).toBe('gothic');
      expect(await conflictsFor(id)).toEqual([
        expect.objectContaining({
          field: 'genre',
          kind: 'lww',
          winner_value: 'gothic',
          loser_value: 'noir',
          winner_hlc: newer.m.fields.genre!.hlc,
          loser_hlc: older.m.fields.genre!.hlc,
          resolved: false,
        }),
      ]);
    }
  });

  it('records concurrent long-text edits as text_overlap with the base text', async () => {
    const a = new TestDevice();
    const b = new TestDevice();
    const { id, created } = await createdStory(a);
    const base = storyValues().synopsis;
    await push(pools.api, writer, a.clientId, [
      a.mutation('stories', id, { synopsis: change('A\n', a.stamp(-20_000), created, base) }),
    ]);
    const response = await push(pools.api, writer, b.clientId, [
      b.mutation('stories', id, { synopsis: change('B\n', b.stamp(-10_000), created, base) }),
    ]);
    expect(response.conflicts).toEqual([
      expect.objectContaining({
        field: 'synopsis',
        kind: 'text_overlap',
        winner_value: 'B\n',
        loser_value: 'A\n',
        base_value: base,
      }),
    ]);
  });

  it('does not record a conflict when concurrent edits wrote the same value', async () => {
    const a = new TestDevice();
    const b = new TestDevice();
    const { id, created } = await createdStory(a);
    await push(pools.api, writer, a.clientId, [
      a.mutation('stories', id, { genre: change('same', a.stamp(-20_000), created) }),
    ]);
    await push(pools.api, writer, b.clientId, [
      b.mutation('stories', id, { genre: change('same', b.stamp(-10_000), created) }),
    ]);
    expect(await conflictsFor(id)).toEqual([]);
  });

  it('edit after a delete it had not seen: row stays deleted, edit kept, conflict recorded', async () => {
    const a = new TestDevice();
    const b = new TestDevice();
    const { id, created } = await createdStory(a);
    const deletedAt = a.stamp(-20_000);
    await push(pools.api, writer, a.clientId, [
      a.mutation('stories', id, { deleted: change(true, deletedAt, created) }, created),
    ]);
    const edit = b.stamp(-10_000);
    const response = await push(pools.api, writer, b.clientId, [
      b.mutation('stories', id, { title: change('Edited offline', edit, created) }),
    ]);
    expect(await storedStory(id)).toMatchObject({ deleted: true, title: 'Edited offline' });
    expect(response.conflicts).toEqual([
      expect.objectContaining({
        kind: 'edit_vs_delete',
        field: 'deleted',
        winner_value: true,
        loser_value: { title: 'Edited offline' },
        winner_hlc: deletedAt,
        loser_hlc: edit,
      }),
    ]);
  });

  it('delete that had not seen a later edit: row deleted, edit kept, conflict recorded', async () => {
    const a = new TestDevice();
    const b = new TestDevice();
    const { id, created } = await createdStory(a);
    const edit = b.stamp(-20_000);
    await push(pools.api, writer, b.clientId, [
      b.mutation('stories', id, { title: change('Edited', edit, created) }),
    ]);
    const deletedAt = a.stamp(-10_000);
    const response = await push(pools.api, writer, a.clientId, [
      a.mutation('stories', id, { deleted: change(true, deletedAt, created) }, created),
    ]);
    expect(await storedStory(id)).toMatchObject({ deleted: true, title: 'Edited' });
    expect(response.conflicts).toEqual([
      expect.objectContaining({
        kind: 'edit_vs_delete',
        field: 'deleted',
        winner_value: true,
        loser_value: { title: 'Edited' },
        winner_hlc: deletedAt,
        loser_hlc: edit,
      }),
    ]);
    // A delete that had seen every edit is not a conflict.
    const c = new TestDevice();
    const other = await createdStory(c);
    const clean = await push(pools.api, writer, c.clientId, [
      c.mutation(
        'stories',
        other.id,
        { deleted: change(true, c.stamp(), other.created) },
        other.created,
      ),
    ]);
    expect(clean.conflicts).toEqual([]);
  });

  it('treats messages as insert-if-absent: only status, usage and deleted move, by HLC, never conflicting', async () => {
    const a = new TestDevice();
    const b = new TestDevice();
    const chatId = randomUUID();
    const messageId = randomUUID();
    const t0 = a.stamp(-30_000);
    await push(pools.api, writer, a.clientId, [
      a.mutation(
        'chats',
        chatId,
        changes(
          { title: 'Talk', model: 'm', persona_id: null, story_id: null, deleted: false },
          t0,
        ),
      ),
      a.mutation(
        'messages',
        messageId,
        changes(
          {
            chat_id: chatId,
            role: 'user',
            content: 'Hello',
            model: 'm',
            persona_id: null,
            status: 'sending',
            usage: null,
            deleted: false,
          },
          t0,
        ),
      ),
    ]);
    const response = await push(pools.api, writer, b.clientId, [
      b.mutation('messages', messageId, {
        content: change('Rewritten', b.stamp(-10_000), null),
        status: change('sent', b.stamp(-10_000), null),
        usage: change(
          { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
          b.stamp(-10_000),
          null,
        ),
      }),
      b.mutation('messages', messageId, { status: change('error', b.stamp(-40_000), null) }),
    ]);
    expect(response.conflicts).toEqual([]);
    const stored = await pools.admin.query(
      'select content, status, usage from public.messages where id = $1',
      [messageId],
    );
    expect(stored.rows[0]).toEqual({
      content: 'Hello',
      status: 'sent',
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
  });

  it('merges conflict rows themselves by plain LWW when two devices resolve one concurrently', async () => {
    const a = new TestDevice();
    const b = new TestDevice();
    const { id, created } = await createdStory(a);
    await push(pools.api, writer, a.clientId, [
      a.mutation('stories', id, { genre: change('noir', a.stamp(-20_000), created) }),
    ]);
    const lost = await push(pools.api, writer, b.clientId, [
      b.mutation('stories', id, { genre: change('gothic', b.stamp(-30_000), created) }),
    ]);
    const conflictId = lost.conflicts[0]!.id;
    const resolveA = a.mutation('sync_conflicts', conflictId, {
      resolved: change(true, a.stamp(-5_000), null),
    });
    const resolveB = b.mutation('sync_conflicts', conflictId, {
      resolved: change(false, b.stamp(-1_000), null),
      deleted: change(true, b.stamp(-1_000), null),
    });
    expect((await push(pools.api, writer, a.clientId, [resolveA])).rejected).toEqual([]);
    const second = await push(pools.api, writer, b.clientId, [resolveB]);
    expect(second).toMatchObject({ rejected: [], conflicts: [] });
    const stored = await pools.admin.query(
      'select resolved, deleted from public.sync_conflicts where id = $1',
      [conflictId],
    );
    expect(stored.rows[0]).toEqual({ resolved: false, deleted: true });
    expect(await conflictsFor(conflictId)).toEqual([]);
  });

  it('refuses the whole batch when a clock is more than a day ahead, and accepts an hour ahead', async () => {
    const a = new TestDevice();
    const ok = a.mutation('stories', randomUUID(), changes(storyValues(), a.stamp(60 * 60_000)));
    const future = a.mutation(
      'stories',
      randomUUID(),
      changes(storyValues(), a.stamp(25 * 60 * 60_000)),
    );
    const error = await push(pools.api, writer, a.clientId, [ok, future]).catch(
      (e: { code: string; hint: string }) => e,
    );
    expect(error).toMatchObject({
      code: 'SPCLK',
      hint: expect.stringMatching(/^server_time_ms=\d+$/),
    });
    expect(
      await pools.admin.query('select 1 from public.stories where id = $1', [ok.id]),
    ).toHaveProperty('rowCount', 0);
    expect((await push(pools.api, writer, a.clientId, [ok])).ack_mid).toBe(1);
    expect(await sqlState(push(pools.api, writer, a.clientId, [{ ...future, mid: 2 }]))).toBe(
      'SPCLK',
    );
  });
});
