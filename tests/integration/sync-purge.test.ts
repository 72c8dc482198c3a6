// Tombstone purge (supabase/migrations/20261126000700_tombstone_purge.sql): a deleted row leaves
// the server once it is 30 days old and every client active in the last 30 days has acknowledged
// pulling past it; a client away longer is told to reset; anything that still needs a tombstone
// keeps it.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { asActor, createUser, openPools, pull, userActor } from '../support/postgres';

const pools = openPools();
afterAll(() => pools.end());

type Sql = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Runs `work` as the signed-in user, with RLS, in one transaction. */
function asUser<T>(userId: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  return asActor(pools.api, userActor(userId), (client) =>
    work(async (text, values) => (await client.query(text, values)).rows),
  );
}

async function ack(userId: string, clientId: string, version: number) {
  return asUser(
    userId,
    async (sql) =>
      (await sql('select public.sync_ack_pull($1, $2) as r', [clientId, version]))[0]!.r as {
        last_pull_version: number;
        gc_version: number;
      },
  );
}

async function head(userId: string): Promise<number> {
  const rows = await asUser(userId, (sql) =>
    sql('select version from public.sync_user_state where user_id = $1', [userId]),
  );
  return Number(rows[0]!.version);
}

async function insertStory(userId: string, title: string): Promise<string> {
  return asUser(userId, async (sql) => {
    const [row] = await sql('insert into public.stories (title) values ($1) returning id', [title]);
    return row!.id as string;
  });
}

async function insertCategory(userId: string, storyId: string): Promise<string> {
  return asUser(userId, async (sql) => {
    const [row] = await sql(
      `insert into public.prompt_categories (story_id, title, position) values ($1, 'Scenes', 'a0') returning id`,
      [storyId],
    );
    return row!.id as string;
  });
}

async function insertPrompt(userId: string, storyId: string, categoryId: string): Promise<string> {
  return asUser(userId, async (sql) => {
    const [row] = await sql(
      `insert into public.prompts (story_id, category_id, title, position) values ($1, $2, 'Storm', 'a0') returning id`,
      [storyId, categoryId],
    );
    return row!.id as string;
  });
}

/** Deletes the row as the writer; `daysAgo` back-dates the delete (the stamp trigger sets now()). */
async function markDeleted(userId: string, table: string, id: string, daysAgo = 31): Promise<void> {
  await asUser(userId, (sql) =>
    sql(`update public.${table} set deleted = true where id = $1`, [id]),
  );
  const admin = await pools.admin.connect();
  try {
    await admin.query('begin');
    await admin.query("set local session_replication_role = 'replica'"); // no stamp trigger
    await admin.query(
      `update public.${table} set updated_at = now() - make_interval(days => $2) where id = $1`,
      [id, daysAgo],
    );
    await admin.query('commit');
  } finally {
    admin.release();
  }
}

async function exists(table: string, id: string): Promise<boolean> {
  const result = await pools.admin.query(`select 1 from public.${table} where id = $1`, [id]);
  return result.rowCount === 1;
}

describe('tombstone purge', () => {
  it('removes a tombstone once every active client has acknowledged pulling past it', async () => {
    const userId = await createUser(pools.admin, 'purge');
    const [laptop, phone] = [randomUUID(), randomUUID()];
    await ack(userId, phone, 0); // the phone is registered and has pulled nothing yet
    const kept = await insertStory(userId, 'Kept');
    const gone = await insertStory(userId, 'Gone');
    await markDeleted(userId, 'stories', gone);
    const version = await head(userId);

    expect(await ack(userId, laptop, version)).toEqual({
      last_pull_version: version,
      gc_version: 0,
    });
    expect(await exists('stories', gone)).toBe(true); // the phone has not seen the delete

    expect(await ack(userId, phone, version)).toEqual({
      last_pull_version: version,
      gc_version: version,
    });
    expect(await exists('stories', gone)).toBe(false);
    expect(await exists('stories', kept)).toBe(true);

    // A cursor from before the purge cannot be continued; a full download no longer has the row.
    expect(await pull(pools.api, userId, randomUUID(), 1, 100)).toMatchObject({
      reset_required: true,
    });
    const full = await pull(pools.api, userId, randomUUID(), 0, 100);
    expect(full.changes.map((change) => change.row.id)).toEqual([kept]);
  });

  it('lets a download that saw the purge page on below the horizon, and resets one that did not', async () => {
    const userId = await createUser(pools.admin, 'paging');
    const client = randomUUID();
    await insertStory(userId, 'One');
    await insertStory(userId, 'Two');
    const gone = await insertStory(userId, 'Gone');
    await markDeleted(userId, 'stories', gone);
    await insertStory(userId, 'Three');
    await ack(userId, client, await head(userId));
    const newDevice = randomUUID();
    const first = await pull(pools.api, userId, newDevice, 0, 1);
    expect(first).toMatchObject({ has_more: true, reset_required: false });
    expect(first.gc_version).toBeGreaterThan(first.cursor); // the next cursor is below the horizon
    const second = await asUser(
      userId,
      async (sql) =>
        (
          await sql('select public.sync_pull($1, $2, 1, $3) as r', [
            newDevice,
            first.cursor,
            first.gc_version,
          ])
        )[0]!.r,
    );
    expect(second).toMatchObject({ reset_required: false, has_more: true });
    // The same cursor from a device that last heard of no purge at all must start over.
    const stale = await asUser(
      userId,
      async (sql) =>
        (await sql('select public.sync_pull($1, $2, 1, 0) as r', [newDevice, first.cursor]))[0]!.r,
    );
    expect(stale).toMatchObject({ reset_required: true });
  });

  it('does not wait for a client that has not synced for over 30 days', async () => {
    const userId = await createUser(pools.admin, 'away');
    const [active, away] = [randomUUID(), randomUUID()];
    await ack(userId, away, 0);
    await pools.admin.query(
      `update public.sync_clients set updated_at = now() - interval '31 days' where client_id = $1`,
      [away],
    );
    const gone = await insertStory(userId, 'Gone');
    await markDeleted(userId, 'stories', gone);
    const version = await head(userId);

    expect((await ack(userId, active, version)).gc_version).toBe(version);
    expect(await exists('stories', gone)).toBe(false);
    // The returning client's cursor is inside the purged range: it must download everything.
    expect(await pull(pools.api, userId, away, 0 + 1, 100)).toMatchObject({ reset_required: true });
  });

  it('keeps a tombstone that a live row points at, or that an open conflict is about', async () => {
    const userId = await createUser(pools.admin, 'keep');
    const client = randomUUID();
    const storyId = await insertStory(userId, 'Story');
    const emptiedCategory = await insertCategory(userId, storyId);
    const liveCategory = await insertCategory(userId, storyId);
    const livePrompt = await insertPrompt(userId, storyId, liveCategory);
    const disputedPrompt = await insertPrompt(userId, storyId, liveCategory);
    await markDeleted(userId, 'prompt_categories', emptiedCategory);
    await markDeleted(userId, 'prompt_categories', liveCategory); // its prompt still lives
    await markDeleted(userId, 'prompts', disputedPrompt);
    await asUser(userId, (sql) =>
      sql(
        `insert into public.sync_conflicts (entity, row_id, field, kind, loser_value)
         values ('prompts', $1, 'title', 'edit_vs_delete', '"Storm, rewritten"')`,
        [disputedPrompt],
      ),
    );

    await ack(userId, client, await head(userId));

    expect(await exists('prompt_categories', emptiedCategory)).toBe(false);
    expect(await exists('prompt_categories', liveCategory)).toBe(true);
    expect(await exists('prompts', livePrompt)).toBe(true);
    expect(await exists('prompts', disputedPrompt)).toBe(true);
  });

  it('purges a deleted story together with its deleted categories, prompts, chats and messages', async () => {
    const userId = await createUser(pools.admin, 'tree');
    const client = randomUUID();
    const storyId = await insertStory(userId, 'Old draft');
    const categoryId = await insertCategory(userId, storyId);
    const promptId = await insertPrompt(userId, storyId, categoryId);
    const [chat] = await asUser(userId, (sql) =>
      sql(`insert into public.chats (story_id, title) values ($1, 'Talk') returning id`, [storyId]),
    );
    const chatId = chat!.id as string;
    const [message] = await asUser(userId, (sql) =>
      sql(
        `insert into public.messages (chat_id, role, content) values ($1, 'user', 'Hello') returning id`,
        [chatId],
      ),
    );
    for (const [table, id] of [
      ['messages', message!.id as string],
      ['chats', chatId],
      ['prompts', promptId],
      ['prompt_categories', categoryId],
      ['stories', storyId],
    ] as const) {
      await markDeleted(userId, table, id);
    }

    await ack(userId, client, await head(userId));

    for (const [table, id] of [
      ['stories', storyId],
      ['prompt_categories', categoryId],
      ['prompts', promptId],
      ['chats', chatId],
      ['messages', message!.id as string],
    ] as const) {
      expect(await exists(table, id), `${table} ${id}`).toBe(false);
    }
  });

  it('keeps a tombstone younger than 30 days, however far every client has pulled', async () => {
    const userId = await createUser(pools.admin, 'recent');
    const recent = await insertStory(userId, 'Deleted last week');
    await markDeleted(userId, 'stories', recent, 7);
    expect((await ack(userId, randomUUID(), await head(userId))).gc_version).toBe(0);
    expect(await exists('stories', recent)).toBe(true);
  });

  it('caps an acknowledgement at the versions that exist', async () => {
    const userId = await createUser(pools.admin, 'cap');
    await insertStory(userId, 'One');
    const version = await head(userId);
    expect((await ack(userId, randomUUID(), version + 1000)).last_pull_version).toBe(version);
  });

  it('cannot be run for another writer or without signing in', async () => {
    const owner = await createUser(pools.admin, 'owner');
    const gone = await insertStory(owner, 'Gone');
    await markDeleted(owner, 'stories', gone);
    const stranger = await createUser(pools.admin, 'stranger');
    await ack(stranger, randomUUID(), 1_000);
    expect(await exists('stories', gone)).toBe(true);
    await expect(
      asActor(pools.api, { role: 'anon' }, (client) =>
        client.query('select private.sync_purge_tombstones()'),
      ),
    ).rejects.toThrow();
    // The per-table step takes a user id: only the purge itself may call it.
    await expect(
      asUser(stranger, (sql) =>
        sql(`select private.sync_purge_table($1, 'stories', 1000, now(), '{}')`, [owner]),
      ),
    ).rejects.toThrow(/permission denied/);
    expect(await exists('stories', gone)).toBe(true);
  });
});
