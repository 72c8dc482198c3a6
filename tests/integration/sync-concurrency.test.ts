// The pull cursor's core guarantee: two pushes for one user commit in version order because
// the stamping trigger takes the user's counter row lock, so a pull never sees version n + 1
// without n. Proven with real connections: the second push is observed WAITING on the lock.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginAs, createUser, openPools, pull, push, userActor } from '../support/postgres';
import type { Client } from '../support/postgres';
import { TestDevice, changes, storyValues } from '../support/mutations';

const pools = openPools();
let writer = '';

beforeAll(async () => {
  writer = await createUser(pools.admin, 'concurrent');
});
afterAll(() => pools.end());

function pushOn(client: Client, device: TestDevice, count: number): Promise<unknown> {
  const batch = Array.from({ length: count }, () =>
    device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp())),
  );
  return client.query('select public.sync_push($1, 1, $2)', [
    device.clientId,
    JSON.stringify(batch),
  ]);
}

async function waitUntilBlocked(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const state = await pools.admin.query(
      'select wait_event_type from pg_stat_activity where pid = $1',
      [pid],
    );
    if (state.rows[0]?.wait_event_type === 'Lock') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The second push never waited on the lock.');
}

async function backendPid(client: Client): Promise<number> {
  return (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number;
}

describe('concurrent pushes for one user', () => {
  it('queue on the user lock; pulls in between see a prefix of versions, never a hole', async () => {
    const start = (await pull(pools.api, writer, randomUUID(), 0, 1000)).cursor;
    const first = await pools.api.connect();
    const second = await pools.api.connect();
    try {
      await beginAs(first, userActor(writer));
      await beginAs(second, userActor(writer));
      const secondPid = await backendPid(second);
      await pushOn(first, new TestDevice(), 3);
      const secondPush = pushOn(second, new TestDevice(), 2);
      await waitUntilBlocked(secondPid);
      expect((await pull(pools.api, writer, randomUUID(), start, 100)).changes).toEqual([]);
      await first.query('commit');
      await secondPush;
      const middle = await pull(pools.api, writer, randomUUID(), start, 100);
      expect(middle.changes.map((c) => c.row.server_version)).toEqual([
        start + 1,
        start + 2,
        start + 3,
      ]);
      await second.query('commit');
      const end = await pull(pools.api, writer, randomUUID(), middle.cursor, 100);
      expect(end.changes.map((c) => c.row.server_version)).toEqual([start + 4, start + 5]);
    } finally {
      first.release();
      second.release();
    }
  });

  it('under a storm of concurrent pushes, every pull page continues the version sequence', async () => {
    let cursor = (await pull(pools.api, writer, randomUUID(), 0, 1000)).cursor;
    let pushing = true;
    const devices = Array.from({ length: 4 }, () => new TestDevice());
    const storm = Promise.all(
      devices.map(async (device) => {
        for (let round = 0; round < 15; round += 1) {
          const batch = Array.from({ length: 3 }, () =>
            device.mutation('stories', randomUUID(), changes(storyValues(), device.stamp())),
          );
          await push(pools.api, writer, device.clientId, batch);
        }
      }),
    ).finally(() => {
      pushing = false;
    });
    let pulls = 0;
    for (;;) {
      const page = await pull(pools.api, writer, randomUUID(), cursor, 7);
      const versions = page.changes.map((c) => c.row.server_version);
      // Inserts only, so versions are dense: each page must start right after the cursor.
      expect(versions).toEqual(versions.map((_, index) => cursor + index + 1));
      cursor = page.cursor;
      pulls += 1;
      if (!pushing && !page.has_more) break;
    }
    await storm;
    const rest = await pull(pools.api, writer, randomUUID(), cursor, 1000);
    expect(rest.changes.map((c) => c.row.server_version)).toEqual(
      rest.changes.map((_, index) => cursor + index + 1),
    );
    expect(pulls).toBeGreaterThan(1);
  });
});
