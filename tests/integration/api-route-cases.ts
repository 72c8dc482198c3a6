// The data-route tests as a table run against any ApiTarget: once over real HTTP through the
// Node server (api-routes.test.ts) and once through the Netlify handler with plain Request
// objects (api-netlify.test.ts), so both deployments are held to the same behaviour.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from '../support/postgres';
import { bearer, createWriter, errorOf, jsonInit, signToken, JWT_SECRET } from './api-harness';
import type { ApiTarget, Writer } from './api-harness';

export interface RouteCaseContext {
  target: () => ApiTarget;
  pools: () => { admin: Pool; api: Pool };
}

interface Row {
  id: string;
  position: string;
  [key: string]: unknown;
}

export function defineDataRouteCases({ target, pools }: RouteCaseContext): void {
  let alice: Writer;
  let bob: Writer;
  const call = (path: string, init?: RequestInit) => target().fetch(path, init);
  const createCategory = async (writer: Writer, body: Record<string, unknown> = {}) => {
    const response = await call(
      '/api/categories',
      jsonInit('POST', { story_id: writer.storyId, title: 'Plot', ...body }, writer.token),
    );
    expect(response.status).toBe(201);
    return (await response.json()) as Row;
  };
  const createPrompt = async (
    writer: Writer,
    categoryId: string,
    body: Record<string, unknown> = {},
  ) => {
    const response = await call(
      '/api/prompts',
      jsonInit('POST', { category_id: categoryId, title: 'Twist', ...body }, writer.token),
    );
    expect(response.status).toBe(201);
    return (await response.json()) as Row;
  };

  beforeAll(async () => {
    const { admin, api } = pools();
    [alice, bob] = await Promise.all([
      createWriter(admin, api, 'alice'),
      createWriter(admin, api, 'bob'),
    ]);
  });

  describe('auth', () => {
    it('refuses a missing, malformed, forged, expired or non-user token with 401 auth/unauthorized', async () => {
      const forged = await signToken(alice.userId, { secret: `${JWT_SECRET}-not` });
      const expired = await signToken(alice.userId, {
        expiresIn: Math.floor(Date.now() / 1000) - 60,
      });
      const anon = await signToken(alice.userId, { role: 'anon' });
      const attempts: [string, RequestInit | undefined][] = [
        ['missing', undefined],
        ['malformed', { headers: { authorization: 'Token abc' } }],
        ['garbage', bearer('a.b.c')],
        ['forged', bearer(forged)],
        ['expired', bearer(expired)],
        ['anon', bearer(anon)],
      ];
      for (const [label, init] of attempts) {
        const response = await call('/api/categories', init);
        expect(response.status, label).toBe(401);
        expect((await errorOf(response)).code, label).toBe('auth/unauthorized');
      }
      const expiredError = await errorOf(await call('/api/categories', bearer(expired)));
      expect(expiredError.message).toMatch(/expired/i);
    });

    it('answers health without a token and unknown routes with api/not-found', async () => {
      expect((await call('/api/health')).status).toBe(200);
      const missing = await call('/api/nope', bearer(alice.token));
      expect(missing.status).toBe(404);
      expect((await errorOf(missing)).code).toBe('api/not-found');
    });
  });

  describe('categories', () => {
    it('creates categories at the end in order and lists them, filtered by story', async () => {
      const first = await createCategory(alice, { title: 'Characters', color: '#aa3344' });
      const second = await createCategory(alice, {
        title: 'Setting',
        description: 'Where it happens',
      });
      expect(first).toMatchObject({
        story_id: alice.storyId,
        title: 'Characters',
        color: '#aa3344',
        deleted: false,
        description: '',
      });
      expect(second.position > first.position).toBe(true);
      for (const internal of ['field_hlc', 'server_version', 'user_id'])
        expect(first).not.toHaveProperty(internal);
      expect(typeof first.created_at).toBe('string');

      const listed = (await (
        await call(`/api/categories?story_id=${alice.storyId}`, bearer(alice.token))
      ).json()) as Row[];
      const ids = listed.map((row) => row.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      const all = (await (await call('/api/categories', bearer(alice.token))).json()) as Row[];
      expect(all.length).toBeGreaterThanOrEqual(2);
      const bobs = (await (await call('/api/categories', bearer(bob.token))).json()) as Row[];
      expect(bobs.map((row) => row.id)).not.toContain(first.id);
    });

    it('refuses invalid bodies and queries with 400 and field errors', async () => {
      const response = await call(
        '/api/categories',
        jsonInit(
          'POST',
          { story_id: 'nope', title: ' ', color: 'red', user_id: bob.userId },
          alice.token,
        ),
      );
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('validation/invalid-body');
      expect(Object.keys(error.fields ?? {}).sort()).toEqual([
        'color',
        'story_id',
        'title',
        'user_id',
      ]);
      expect(error.fields?.title).toMatch(/cannot be empty/);

      const notJson = await call('/api/categories', jsonInit('POST', '{not json', alice.token));
      expect(notJson.status).toBe(400);
      expect((await errorOf(notJson)).code).toBe('validation/invalid-body');

      const badQuery = await call('/api/categories?story_id=zzz', bearer(alice.token));
      expect(badQuery.status).toBe(400);
      expect((await errorOf(badQuery)).fields).toHaveProperty('story_id');
    });

    it("gives 404 for another writer's story, never 403", async () => {
      const response = await call(
        '/api/categories',
        jsonInit('POST', { story_id: bob.storyId, title: 'Mine now' }, alice.token),
      );
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('stories/not-found');
    });

    it('refuses an oversized body with 413 request/too-large', async () => {
      const huge = 'x'.repeat(3 * 1024 * 1024);
      const response = await call(
        '/api/categories',
        jsonInit('POST', { story_id: alice.storyId, title: 'Big', description: huge }, alice.token),
      );
      expect(response.status).toBe(413);
      expect((await errorOf(response)).code).toBe('request/too-large');
    });
  });

  describe('prompts', () => {
    it('creates prompts in a category, lists them in position order and updates them', async () => {
      const category = await createCategory(alice);
      const one = await createPrompt(alice, category.id, { title: 'First', tags: ['twist'] });
      const two = await createPrompt(alice, category.id, {
        title: 'Second',
        action_steps: [{ id: randomUUID(), text: 'Outline', done: false }],
      });
      expect(one).toMatchObject({
        story_id: alice.storyId,
        category_id: category.id,
        tags: ['twist'],
        details: '',
        files: [],
      });
      expect(two.position > one.position).toBe(true);

      const listed = (await (
        await call(`/api/categories/${category.id}/prompts`, bearer(alice.token))
      ).json()) as Row[];
      expect(listed.map((row) => row.title)).toEqual(['First', 'Second']);

      const updated = await call(
        `/api/prompts/${one.id}`,
        jsonInit('PUT', { title: 'First, revised', tags: ['twist', 'act-two'] }, alice.token),
      );
      expect(updated.status).toBe(200);
      expect(await updated.json()).toMatchObject({
        id: one.id,
        title: 'First, revised',
        tags: ['twist', 'act-two'],
        position: one.position,
      });
    });

    it("gives 404 for another writer's category or prompt", async () => {
      const category = await createCategory(bob);
      const prompt = await createPrompt(bob, category.id);
      const cases: [string, RequestInit, string][] = [
        [`/api/categories/${category.id}/prompts`, bearer(alice.token), 'categories/not-found'],
        [
          '/api/prompts',
          jsonInit('POST', { category_id: category.id, title: 'Sneaky' }, alice.token),
          'categories/not-found',
        ],
        [
          `/api/prompts/${prompt.id}`,
          jsonInit('PUT', { title: 'Hijacked' }, alice.token),
          'prompts/not-found',
        ],
        [
          `/api/prompts/${randomUUID()}`,
          jsonInit('PUT', { title: 'Ghost' }, alice.token),
          'prompts/not-found',
        ],
      ];
      for (const [path, init, code] of cases) {
        const response = await call(path, init);
        expect(response.status, path).toBe(404);
        expect((await errorOf(response)).code, path).toBe(code);
      }
      const stillBobs = (await (
        await call(`/api/categories/${category.id}/prompts`, bearer(bob.token))
      ).json()) as Row[];
      expect(stillBobs[0]?.title).toBe('Twist');
    });

    it('refuses invalid prompt bodies and ids with 400 and field errors', async () => {
      const category = await createCategory(alice);
      const prompt = await createPrompt(alice, category.id);
      const badCreate = await call(
        '/api/prompts',
        jsonInit(
          'POST',
          { category_id: category.id, title: 'x'.repeat(201), tags: ['Upper Case'] },
          alice.token,
        ),
      );
      expect(badCreate.status).toBe(400);
      expect(Object.keys((await errorOf(badCreate)).fields ?? {}).sort()).toEqual([
        'tags.0',
        'title',
      ]);

      const empty = await call(`/api/prompts/${prompt.id}`, jsonInit('PUT', {}, alice.token));
      expect(empty.status).toBe(400);
      expect((await errorOf(empty)).code).toBe('validation/invalid-body');

      const serverOwned = await call(
        `/api/prompts/${prompt.id}`,
        jsonInit('PUT', { server_version: 1 }, alice.token),
      );
      expect((await errorOf(serverOwned)).fields).toHaveProperty('server_version');

      const badId = await call(
        '/api/prompts/not-a-uuid',
        jsonInit('PUT', { title: 'x' }, alice.token),
      );
      expect(badId.status).toBe(400);
      expect((await errorOf(badId)).code).toBe('validation/invalid-params');
    });
  });
}
