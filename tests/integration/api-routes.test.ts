// The data routes over real HTTP against the real PostgreSQL (RLS, triggers, sync functions).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPools, pull } from '../support/postgres';
import { createWriter, jsonInit, serveApi, testConfig } from './api-harness';
import type { ServedApi } from './api-harness';
import { defineDataRouteCases } from './api-route-cases';

let served: ServedApi;
let pools: ReturnType<typeof openPools>;

beforeAll(async () => {
  pools = openPools();
  served = await serveApi(testConfig());
});

afterAll(async () => {
  await served.close();
  await pools.end();
});

describe('data routes over HTTP (Node server)', () => {
  defineDataRouteCases({ target: () => served, pools: () => pools });
});

describe('writes through the API sync like any other change', () => {
  const stored = async (table: string, id: string) =>
    (
      await pools.admin.query<{ field_hlc: Record<string, string>; server_version: string }>(
        `select field_hlc, server_version from public.${table} where id = $1`,
        [id],
      )
    ).rows[0]!;

  it('stamps field_hlc and server_version, and comes back through sync_pull', async () => {
    const writer = await createWriter(pools.admin, pools.api);
    const before = await pull(pools.api, writer.userId, randomUUID(), 0, 1000);

    const category = (await (
      await served.fetch(
        '/api/categories',
        jsonInit('POST', { story_id: writer.storyId, title: 'Synced' }, writer.token),
      )
    ).json()) as { id: string };
    const categoryRow = await stored('prompt_categories', category.id);
    expect(Object.keys(categoryRow.field_hlc).sort()).toEqual([
      'color',
      'deleted',
      'description',
      'position',
      'story_id',
      'title',
    ]);
    expect(categoryRow.field_hlc.title).toMatch(/^\d{18}-\d{5}-api-[0-9a-f]{12}$/);
    expect(Number(categoryRow.server_version)).toBeGreaterThan(before.cursor);

    const prompt = (await (
      await served.fetch(
        '/api/prompts',
        jsonInit('POST', { category_id: category.id, title: 'Draft' }, writer.token),
      )
    ).json()) as { id: string };
    const created = await stored('prompts', prompt.id);
    const response = await served.fetch(
      `/api/prompts/${prompt.id}`,
      jsonInit('PUT', { title: 'Final', details: 'More' }, writer.token),
    );
    expect(response.status).toBe(200);
    const updated = await stored('prompts', prompt.id);
    expect(Number(updated.server_version)).toBeGreaterThan(Number(created.server_version));
    expect(updated.field_hlc.title! > created.field_hlc.title!).toBe(true);
    expect(updated.field_hlc.details! > created.field_hlc.details!).toBe(true);
    // Unchanged fields keep their stamps: only what changed syncs as changed.
    expect(updated.field_hlc.position).toBe(created.field_hlc.position);

    const page = await pull(pools.api, writer.userId, randomUUID(), before.cursor, 1000);
    const pulled = page.changes.map((change) => [change.table, change.row.id, change.row.title]);
    expect(pulled).toEqual(
      expect.arrayContaining([
        ['prompt_categories', category.id, 'Synced'],
        ['prompts', prompt.id, 'Final'],
      ]),
    );
    const pulledPrompt = page.changes.find((change) => change.row.id === prompt.id)!.row;
    expect(pulledPrompt.field_hlc.title).toBe(updated.field_hlc.title);
  });

  it('an update with nothing changed writes nothing', async () => {
    const writer = await createWriter(pools.admin, pools.api);
    const category = (await (
      await served.fetch(
        '/api/categories',
        jsonInit('POST', { story_id: writer.storyId, title: 'Same' }, writer.token),
      )
    ).json()) as { id: string };
    const prompt = (await (
      await served.fetch(
        '/api/prompts',
        jsonInit('POST', { category_id: category.id, title: 'Same' }, writer.token),
      )
    ).json()) as { id: string };
    const before = await stored('prompts', prompt.id);
    await served.fetch(
      `/api/prompts/${prompt.id}`,
      jsonInit('PUT', { title: 'Same' }, writer.token),
    );
    expect((await stored('prompts', prompt.id)).server_version).toBe(before.server_version);
  });

  it('moves a prompt to another category of the caller and deletes it (a synced tombstone)', async () => {
    const writer = await createWriter(pools.admin, pools.api);
    const post = async (path: string, body: unknown) =>
      (await (await served.fetch(path, jsonInit('POST', body, writer.token))).json()) as {
        id: string;
        position: string;
      };
    const from = await post('/api/categories', { story_id: writer.storyId, title: 'From' });
    const to = await post('/api/categories', { story_id: writer.storyId, title: 'To' });
    const prompt = await post('/api/prompts', { category_id: from.id, title: 'Mover' });
    const moved = await served.fetch(
      `/api/prompts/${prompt.id}`,
      jsonInit('PUT', { category_id: to.id }, writer.token),
    );
    expect(await moved.json()).toMatchObject({ category_id: to.id });
    const deleted = await served.fetch(
      `/api/prompts/${prompt.id}`,
      jsonInit('PUT', { deleted: true }, writer.token),
    );
    expect(await deleted.json()).toMatchObject({ deleted: true });
    expect((await stored('prompts', prompt.id)).field_hlc).toHaveProperty('deleted');
    const again = await served.fetch(
      `/api/prompts/${prompt.id}`,
      jsonInit('PUT', { title: 'x' }, writer.token),
    );
    expect(again.status).toBe(404);
    const restored = await served.fetch(
      `/api/prompts/${prompt.id}`,
      jsonInit('PUT', { deleted: false }, writer.token),
    );
    expect(restored.status).toBe(200);
  });
});
