// The seed's data routes: categories and prompts. Each request is one RLS transaction as the
// caller (database.ts); another writer's ids are "not found", never "forbidden", so the API
// does not even reveal that they exist.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type pg from 'pg';
import type { HlcClock } from '../domain/hlc';
import type { ApiEnv } from './api-env';
import { ApiError } from './api-error';
import { createCategory, listCategories } from './categories-store';
import {
  categoriesQuery,
  createCategoryBody,
  createPromptBody,
  idParam,
  updatePromptBody,
} from './data-schemas';
import { asUser } from './database';
import type { DbClient } from './database';
import { createPrompt, listPrompts, updatePrompt } from './prompts-store';
import { jsonBody, parseWith } from './validation';

export interface DataRoutesDeps {
  /** Undefined when DATABASE_URL is not set: every data route answers 503 api/not-configured. */
  pool: pg.Pool | undefined;
  clock: HlcClock;
}

export function dataRoutes({ pool, clock }: DataRoutesDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const run = <T>(c: Context<ApiEnv>, work: (client: DbClient) => Promise<T>): Promise<T> => {
    const caller = c.get('caller');
    if (!pool)
      throw new ApiError(
        503,
        'api/not-configured',
        'The database is not configured on this server (DATABASE_URL).',
      );
    if (caller.kind !== 'user') throw new ApiError(401, 'auth/unauthorized', 'Sign in first.');
    return asUser(pool, caller.claims, work);
  };

  routes.get('/categories', async (c) => {
    const query = parseWith(categoriesQuery, c.req.query(), 'validation/invalid-query', 'query');
    return c.json(await run(c, (client) => listCategories(client, query.story_id)));
  });

  routes.post('/categories', async (c) => {
    const body = await jsonBody(c, createCategoryBody);
    return c.json(await run(c, (client) => createCategory(client, clock, body)), 201);
  });

  routes.get('/categories/:id/prompts', async (c) => {
    const { id } = parseWith(idParam, c.req.param(), 'validation/invalid-params', 'category id');
    return c.json(await run(c, (client) => listPrompts(client, id)));
  });

  routes.post('/prompts', async (c) => {
    const body = await jsonBody(c, createPromptBody);
    return c.json(await run(c, (client) => createPrompt(client, clock, body)), 201);
  });

  routes.put('/prompts/:id', async (c) => {
    const { id } = parseWith(idParam, c.req.param(), 'validation/invalid-params', 'prompt id');
    const body = await jsonBody(c, updatePromptBody);
    return c.json(await run(c, (client) => updatePrompt(client, clock, id, body)));
  });

  return routes;
}
