// sync_pull: paging delivers every row exactly once at the awkward boundaries and terminates;
// rows written with plain SQL (as the HTTP API will) are stamped and pulled like pushed ones;
// a cursor inside the purged range asks for a reset.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/sync/protocol';
import { asActor, createUser, openPools, pull, userActor } from '../support/postgres';
import type { Pool } from '../support/postgres';

const pools = openPools();
afterAll(() => pools.end());

/** Inserts `count` rows alternating stories and personas, as the user, with plain SQL. */
async function writeRows(userId: string, count: number): Promise<void> {
  await asActor(pools.api, userActor(userId), async (client) => {
    await client.query(
      `insert into public.stories (title) select 'Story ' || g from generate_series(1, $1) g`,
      [Math.ceil(count / 2)],
    );
    await client.query(
      `insert into public.personas (name) select 'Persona ' || g from generate_series(1, $1) g`,
      [Math.floor(count / 2)],
    );
  });
}

/** Pulls to the end; fails on a page that does not advance or on more pages than needed. */
async function pullAll(
  pool: Pool,
  userId: string,
  clientId: string,
  limit: number,
  maxPages: number,
): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let cursor = 0;
  for (;;) {
    const page = await pull(pool, userId, clientId, cursor, limit);
    pages.push(page);
    expect(page.changes.length).toBeLessThanOrEqual(limit);
    if (page.has_more) expect(page.cursor).toBeGreaterThan(cursor);
    cursor = page.cursor;
    if (!page.has_more) return pages;
    if (pages.length > maxPages) throw new Error(`Pull did not finish within ${maxPages} pages.`);
  }
}

describe('sync_pull paging', () => {
  const limit = 50;
  for (const count of [0, limit - 1, limit, limit + 1, 10 * limit]) {
    it(`delivers ${count} changes exactly once with pages of ${limit}`, async () => {
      const userId = await createUser(pools.admin, 'pager');
      await writeRows(userId, count);
      const pages = await pullAll(
        pools.api,
        userId,
        randomUUID(),
        limit,
        Math.ceil(count / limit) + 1,
      );
      const ids = pages.flatMap((page) =>
        page.changes.map((change) => `${change.table}/${change.row.id}`),
      );
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      const versions = pages.flatMap((page) =>
        page.changes.map((change) => change.row.server_version),
      );
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      // limit + 1 is fetched, so an exact multiple of the limit needs no trailing empty page.
      expect(pages.length).toBe(Math.max(1, Math.ceil(count / limit)));
      const last = pages.at(-1)!;
      const after = await pull(pools.api, userId, randomUUID(), last.cursor, limit);
      expect(after).toMatchObject({
        changes: [],
        has_more: false,
        cursor: last.cursor,
        reset_required: false,
      });
    });
  }
});

describe('writes made with plain SQL', () => {
  it('are stamped with server_version and updated_at and then pulled', async () => {
    const userId = await createUser(pools.admin, 'sql');
    const before = await pull(pools.api, userId, randomUUID(), 0, 100);
    const id = await asActor(pools.api, userActor(userId), async (client) => {
      const inserted = await client.query(
        `insert into public.stories (title, server_version, updated_at) values ('Typed in SQL', 999, '2000-01-01') returning id, server_version, updated_at`,
      );
      expect(inserted.rows[0].server_version).toBe('1');
      expect(new Date(inserted.rows[0].updated_at).getFullYear()).toBeGreaterThan(2000);
      return inserted.rows[0].id as string;
    });
    await asActor(pools.api, userActor(userId), (client) =>
      client.query(`update public.stories set genre = 'essay' where id = $1`, [id]),
    );
    // The service role (the API's admin path) writes for a user explicitly: stamped too.
    await asActor(pools.api, { role: 'service_role' }, (client) =>
      client.query(`insert into public.personas (user_id, name) values ($1, 'Admin made')`, [
        userId,
      ]),
    );
    const after = await pull(pools.api, userId, randomUUID(), before.cursor, 100);
    expect(after.changes.map((c) => [c.table, c.row.server_version])).toEqual([
      ['stories', 2],
      ['personas', 3],
    ]);
    expect(after.changes[0]!.row).toMatchObject({ id, genre: 'essay', user_id: userId });
  });
});

describe('tombstone purge horizon', () => {
  it('answers reset_required for a cursor below gc_version, and a full pull from 0 still works', async () => {
    const userId = await createUser(pools.admin, 'gc');
    await writeRows(userId, 6);
    await pools.admin.query('update public.sync_user_state set gc_version = 4 where user_id = $1', [
      userId,
    ]);
    const stale = await pull(pools.api, userId, randomUUID(), 2, 10);
    expect(stale).toMatchObject({ changes: [], reset_required: true, cursor: 2 });
    const full = await pull(pools.api, userId, randomUUID(), 0, 10);
    expect(full).toMatchObject({ reset_required: false, has_more: false, cursor: 6 });
    expect(full.changes).toHaveLength(6);
  });

  it('records the pulled version with sync_ack_pull, monotonically', async () => {
    const userId = await createUser(pools.admin, 'ack');
    await writeRows(userId, 8);
    const clientId = randomUUID();
    const ack = (version: number) =>
      asActor(
        pools.api,
        userActor(userId),
        async (client) =>
          (await client.query('select public.sync_ack_pull($1, $2) as r', [clientId, version]))
            .rows[0].r,
      );
    expect(await ack(7)).toMatchObject({ last_pull_version: 7 });
    expect(await ack(3)).toMatchObject({ last_pull_version: 7 });
  });
});
