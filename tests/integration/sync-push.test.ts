// sync_push: exactly-once delivery by (client id, mutation id), gaps refused with nothing
// applied, client ids bound to their owner, and batch size limits.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, openPools, push, pull, sqlState } from '../support/postgres';
import { TestDevice, changes, storyValues } from '../support/mutations';

const pools = openPools();
let alice = '';
let bob = '';

beforeAll(async () => {
  alice = await createUser(pools.admin, 'alice');
  bob = await createUser(pools.admin, 'bob');
});
afterAll(() => pools.end());

async function countStories(userId: string): Promise<number> {
  const result = await pools.admin.query(
    'select count(*)::int as n from public.stories where user_id = $1',
    [userId],
  );
  return result.rows[0].n as number;
}

describe('sync_push delivery', () => {
  it('applies a batch exactly once when it is delivered again (lost reply retried)', async () => {
    const device = new TestDevice();
    const batch = [1, 2, 3].map(() =>
      device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp())),
    );
    const before = await countStories(alice);
    const first = await push(pools.api, alice, device.clientId, batch);
    expect(first.ack_mid).toBe(3);
    expect(first.rows).toHaveLength(3);
    const again = await push(pools.api, alice, device.clientId, batch);
    expect(again).toMatchObject({ ack_mid: 3, rows: [], rejected: [] });
    // A batch overlapping the applied range: the old part skipped, the new part applied.
    const next = device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp()));
    const overlapping = await push(pools.api, alice, device.clientId, [...batch.slice(1), next]);
    expect(overlapping.ack_mid).toBe(4);
    expect(overlapping.rows).toHaveLength(1);
    expect(await countStories(alice)).toBe(before + 4);
    const pulled = await pull(pools.api, alice, device.clientId, 0, 100);
    expect(pulled.ack_mid).toBe(4);
  });

  it('refuses a gap and applies nothing of the batch', async () => {
    const device = new TestDevice();
    const [m1, m2, m3] = [1, 2, 3].map(() =>
      device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp())),
    );
    const before = await countStories(alice);
    expect(await sqlState(push(pools.api, alice, device.clientId, [m1!, m3!]))).toBe('SPGAP');
    expect(await sqlState(push(pools.api, alice, device.clientId, [m2!, m3!]))).toBe('SPGAP');
    expect(await countStories(alice)).toBe(before);
    expect((await push(pools.api, alice, device.clientId, [m1!, m2!, m3!])).ack_mid).toBe(3);
  });

  it("refuses a client id that belongs to another user, and never touches the owner's state", async () => {
    const device = new TestDevice();
    await push(pools.api, alice, device.clientId, [
      device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp())),
    ]);
    const intruder = new TestDevice();
    const attempt = intruder.mutation(
      'stories',
      randomUUID(),
      changes(storyValues('Intrusion'), intruder.stamp()),
    );
    attempt.mid = 2;
    expect(await sqlState(push(pools.api, bob, device.clientId, [attempt]))).toBe('SPOWN');
    const owner = await pull(pools.api, alice, device.clientId, 0, 1);
    expect(owner.ack_mid).toBe(1);
    expect(await countStories(bob)).toBe(0);
  });

  it('accepts a 1 MB text within one batch', async () => {
    const device = new TestDevice();
    const id = randomUUID();
    const notes = 'n'.repeat(1024 * 1024);
    const response = await push(pools.api, alice, device.clientId, [
      device.mutation('stories', id, changes({ ...storyValues(), notes }, device.stamp())),
    ]);
    expect(response.rejected).toEqual([]);
    const stored = await pools.admin.query(
      'select char_length(notes) as n from public.stories where id = $1',
      [id],
    );
    expect(stored.rows[0].n).toBe(1024 * 1024);
  });

  it('refuses oversized batches with a clear typed error', async () => {
    const device = new TestDevice();
    const many = Array.from({ length: 501 }, () =>
      device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp())),
    );
    const error = await push(pools.api, alice, device.clientId, many).catch(
      (e: { code: string; message: string }) => e,
    );
    expect(error).toMatchObject({ code: 'SPBIG', message: expect.stringMatching(/at most 500/) });
    const fat = new TestDevice();
    const big = [1, 2, 3, 4, 5].map(() =>
      fat.mutation(
        'stories',
        randomUUID(),
        changes({ ...storyValues(), notes: 'x'.repeat(900_000) }, fat.stamp()),
      ),
    );
    const tooBig = await push(pools.api, alice, fat.clientId, big).catch(
      (e: { code: string; message: string }) => e,
    );
    expect(tooBig).toMatchObject({ code: 'SPBIG', message: expect.stringMatching(/at most 4 MB/) });
  });

  it('refuses an unknown schema version', async () => {
    const device = new TestDevice();
    expect(await sqlState(push(pools.api, alice, device.clientId, [], 2))).toBe('SPVER');
  });

  it('rejects one invalid mutation without blocking the rest, and acknowledges it', async () => {
    const device = new TestDevice();
    const good = device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp()));
    const tooLong = device.mutation(
      'stories',
      randomUUID(),
      changes({ ...storyValues(), title: 't'.repeat(201) }, device.stamp()),
    );
    const unknownField = device.mutation(
      'stories',
      randomUUID(),
      changes({ ...storyValues(), colour: 'red' }, device.stamp()),
    );
    const orphan = device.mutation(
      'prompt_categories',
      randomUUID(),
      changes(
        {
          story_id: randomUUID(),
          title: 'Lost',
          position: 'a0',
        },
        device.stamp(),
      ),
    );
    const response = await push(pools.api, alice, device.clientId, [
      good,
      tooLong,
      unknownField,
      orphan,
    ]);
    expect(response.ack_mid).toBe(4);
    expect(response.rows).toHaveLength(1);
    expect(response.rejected.map((r) => [r.mid, r.code])).toEqual([
      [2, '23514'],
      [3, 'SPVAL'],
      [4, '23503'],
    ]);
    expect(response.rejected[1]!.message).toMatch(/Unknown field stories\.colour/);
  });
});
