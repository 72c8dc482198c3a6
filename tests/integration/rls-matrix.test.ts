// Row level security matrix: anonymous, owner A and other user B against every table
// (select, insert, update, delete) and every sync function. B never sees or changes anything
// of A's; anonymous gets nothing at all (not even permission to try).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createUser, openPools, push, userActor } from '../support/postgres';
import type { Actor } from '../support/postgres';
import { attempt, summarize } from '../support/rls';
import {
  TestDevice,
  categoryValues,
  changes,
  promptValues,
  storyValues,
} from '../support/mutations';

const pools = openPools();
const ids: Record<string, string> = {};
let alice = '';
let bob = '';
const aliceDevice = new TestDevice();

beforeAll(async () => {
  alice = await createUser(pools.admin, 'rls-a');
  bob = await createUser(pools.admin, 'rls-b');
  for (const key of ['stories', 'prompt_categories', 'prompts', 'personas', 'chats', 'messages'])
    ids[key] = randomUUID();
  const d = aliceDevice;
  const t = d.stamp();
  await push(pools.api, alice, d.clientId, [
    d.mutation('stories', ids.stories!, changes(storyValues(), t)),
    d.mutation(
      'prompt_categories',
      ids.prompt_categories!,
      changes(categoryValues(ids.stories!), t),
    ),
    d.mutation(
      'prompts',
      ids.prompts!,
      changes(promptValues(ids.stories!, ids.prompt_categories!), t),
    ),
    d.mutation('personas', ids.personas!, changes({ name: 'Editor', temperature: 0.4 }, t)),
    d.mutation('chats', ids.chats!, changes({ title: 'Chat', story_id: ids.stories }, t)),
    d.mutation(
      'messages',
      ids.messages!,
      changes({ chat_id: ids.chats, role: 'user', content: 'Hi' }, t),
    ),
  ]);
  const conflict = await pools.admin.query(
    `insert into public.sync_conflicts (user_id, entity, row_id, field, kind) values ($1, 'stories', $2, 'title', 'lww') returning id`,
    [alice, ids.stories],
  );
  ids.sync_conflicts = conflict.rows[0].id as string;
});
afterAll(() => pools.end());

/** A valid new row for `table` owned by `owner`, pointing at Alice's parents. */
function insertSql(table: string): { sql: string; params: (owner: string) => unknown[] } {
  const s = ids.stories;
  const statements: Record<string, { sql: string; params: (owner: string) => unknown[] }> = {
    stories: {
      sql: `insert into public.stories (user_id, title) values ($1, 'New')`,
      params: (o) => [o],
    },
    prompt_categories: {
      sql: `insert into public.prompt_categories (user_id, story_id, title, position) values ($1, $2, 'New', 'a1')`,
      params: (o) => [o, s],
    },
    prompts: {
      sql: `insert into public.prompts (user_id, story_id, category_id, title, position) values ($1, $2, $3, 'New', 'a1')`,
      params: (o) => [o, s, ids.prompt_categories],
    },
    personas: {
      sql: `insert into public.personas (user_id, name) values ($1, 'New')`,
      params: (o) => [o],
    },
    chats: {
      sql: `insert into public.chats (user_id, story_id) values ($1, $2)`,
      params: (o) => [o, s],
    },
    messages: {
      sql: `insert into public.messages (user_id, chat_id, role) values ($1, $2, 'user')`,
      params: (o) => [o, ids.chats],
    },
    sync_conflicts: {
      sql: `insert into public.sync_conflicts (user_id, entity, row_id, field, kind) values ($1, 'stories', $2, 'genre', 'lww')`,
      params: (o) => [o, s],
    },
    sync_clients: {
      sql: `insert into public.sync_clients (user_id, client_id) values ($1, $2)`,
      params: (o) => [o, randomUUID()],
    },
    sync_user_state: {
      sql: `insert into public.sync_user_state (user_id, version) values ($1, 1)`,
      params: (o) => [o],
    },
  };
  return statements[table]!;
}

const ENTITY_TABLES = [
  'stories',
  'prompt_categories',
  'prompts',
  'personas',
  'chats',
  'messages',
  'sync_conflicts',
];
const keyOf = (table: string) =>
  table === 'sync_clients' ? 'client_id' : table === 'sync_user_state' ? 'user_id' : 'id';
const idOf = (table: string) =>
  table === 'sync_clients'
    ? aliceDevice.clientId
    : table === 'sync_user_state'
      ? alice
      : ids[table];

async function matrixRow(actor: Actor, table: string, owner: string): Promise<(string | number)[]> {
  const where = `where ${keyOf(table)} = $1`;
  const update = table === 'sync_user_state' ? 'version = version' : 'created_at = created_at';
  const insert = insertSql(table);
  return [
    summarize(
      await attempt(pools.api, actor, `select * from public.${table} ${where}`, [idOf(table)]),
    ),
    summarize(await attempt(pools.api, actor, insert.sql, insert.params(owner))),
    summarize(
      await attempt(pools.api, actor, `update public.${table} set ${update} ${where}`, [
        idOf(table),
      ]),
    ),
    summarize(
      await attempt(pools.api, actor, `delete from public.${table} ${where}`, [idOf(table)]),
    ),
  ];
}

describe("RLS on every table: [select, insert, update, delete] of Alice's row", () => {
  for (const table of [...ENTITY_TABLES, 'sync_clients']) {
    it(`${table}: anonymous denied, Alice allowed, Bob sees and changes nothing`, async () => {
      expect(await matrixRow(anonymous, table, alice)).toEqual([
        'denied',
        'denied',
        'denied',
        'denied',
      ]);
      expect(await matrixRow(userActor(alice), table, alice)).toEqual([1, 1, 1, 1]);
      // Bob inserting a row owned by Alice: refused by the policy's WITH CHECK.
      expect(await matrixRow(userActor(bob), table, alice)).toEqual([0, 'denied', 0, 0]);
    });
  }

  it('sync_user_state: readable by its owner only; gc_version and epoch are not writable; no deletes', async () => {
    const table = 'sync_user_state';
    expect(await matrixRow(anonymous, table, alice)).toEqual([
      'denied',
      'denied',
      'denied',
      'denied',
    ]);
    expect(await matrixRow(userActor(alice), table, alice)).toEqual([1, '23505', 1, 'denied']);
    expect(await matrixRow(userActor(bob), table, alice)).toEqual([0, 'denied', 0, 'denied']);
    const tamper = await attempt(
      pools.api,
      userActor(alice),
      'update public.sync_user_state set gc_version = 99',
    );
    expect(summarize(tamper)).toBe('denied');
  });

  it("Bob cannot point his rows at Alice's parents (owner-scoped foreign keys)", async () => {
    const insert = insertSql('prompt_categories');
    expect(
      summarize(await attempt(pools.api, userActor(bob), insert.sql, insert.params(bob))),
    ).toBe('23503');
  });
});

describe('RLS on every sync function', () => {
  const calls = [
    ['sync_push', `select public.sync_push($1, 1, '[]'::jsonb)`],
    ['sync_pull', `select public.sync_pull($1, 0, 100)`],
    ['sync_ack_pull', `select public.sync_ack_pull($1, 1)`],
  ] as const;

  for (const [name, sql] of calls) {
    it(`${name}: anonymous may not execute it`, async () => {
      expect(summarize(await attempt(pools.api, anonymous, sql, [randomUUID()]))).toBe('denied');
    });
  }

  it("Bob cannot use Alice's client id to push or record pulls", async () => {
    expect(
      summarize(await attempt(pools.api, userActor(bob), calls[0][1], [aliceDevice.clientId])),
    ).toBe('SPOWN');
    expect(
      summarize(await attempt(pools.api, userActor(bob), calls[2][1], [aliceDevice.clientId])),
    ).toBe('SPOWN');
  });

  it("Bob's pull shows none of Alice's rows and not her acknowledged mutations", async () => {
    const outcome = await attempt(pools.api, userActor(bob), calls[1][1], [aliceDevice.clientId]);
    expect(outcome).toMatchObject({ data: [{ sync_pull: { changes: [], ack_mid: 0 } }] });
  });

  it("Bob pushing Alice's row ids is rejected and leaves her rows unchanged", async () => {
    const d = new TestDevice();
    const response = await push(pools.api, bob, d.clientId, [
      d.mutation('stories', ids.stories!, changes({ title: 'Hijacked' }, d.stamp())),
      d.mutation(
        'messages',
        ids.messages!,
        changes({ chat_id: ids.chats, role: 'user', content: 'x', status: 'error' }, d.stamp()),
      ),
    ]);
    expect(response.rejected.map((r) => r.mid)).toEqual([1, 2]);
    const story = await pools.admin.query('select title from public.stories where id = $1', [
      ids.stories,
    ]);
    expect(story.rows[0].title).toBe(storyValues().title);
  });
});
