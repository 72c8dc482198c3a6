// Thin helpers for integration tests: connection pools to the shared test PostgreSQL, fresh
// users, and "act as this user" transactions that do exactly what the Supabase gateway does
// (`set local role` + `request.jwt.claims`), so RLS and auth.uid() behave as in production.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { PullResponse, PushResponse, Mutation } from '../../src/sync/protocol';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

export function testPostgres(): { adminUrl: string; databaseUrl: string } {
  return inject('postgres');
}

/** Pools as superuser (`admin`) and as the gateway's `authenticator` (`api`). Close with end(). */
export function openPools(): { admin: Pool; api: Pool; end(): Promise<void> } {
  const { adminUrl, databaseUrl } = testPostgres();
  const admin = new pg.Pool({ connectionString: adminUrl, max: 4 });
  const api = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  return { admin, api, end: async () => void (await Promise.all([admin.end(), api.end()])) };
}

export async function createUser(admin: Pool, label = 'writer'): Promise<string> {
  const id = randomUUID();
  await admin.query('insert into auth.users (id, email) values ($1, $2)', [
    id,
    `${label}-${id}@example.test`,
  ]);
  return id;
}

export interface Actor {
  role: 'anon' | 'authenticated' | 'service_role';
  /** auth.uid(); absent for anon and service_role. */
  userId?: string;
}

export const anonymous: Actor = { role: 'anon' };
export const userActor = (userId: string): Actor => ({ role: 'authenticated', userId });

/** Starts a transaction as `actor` on `client` (left open for the caller). */
export async function beginAs(client: Client, actor: Actor): Promise<void> {
  const claims = {
    role: actor.role,
    ...(actor.userId ? { sub: actor.userId, aud: 'authenticated' } : {}),
  };
  await client.query('begin');
  await client.query(`set local role ${actor.role}`);
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
}

/** Runs `work` in one transaction as `actor`; commits on success, rolls back on error. */
export async function asActor<T>(
  pool: Pool,
  actor: Actor,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await beginAs(client, actor);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

export async function push(
  pool: Pool,
  userId: string,
  clientId: string,
  mutations: Mutation[],
  schemaVersion = 1,
): Promise<PushResponse> {
  return asActor(pool, userActor(userId), async (client) => {
    const result = await client.query<{ r: PushResponse }>(
      'select public.sync_push($1, $2, $3) as r',
      [clientId, schemaVersion, JSON.stringify(mutations)],
    );
    return result.rows[0]!.r;
  });
}

export async function pull(
  pool: Pool,
  userId: string,
  clientId: string,
  cursor: number,
  limit: number,
): Promise<PullResponse> {
  return asActor(pool, userActor(userId), async (client) => {
    const result = await client.query<{ r: PullResponse }>(
      'select public.sync_pull($1, $2, $3) as r',
      [clientId, cursor, limit],
    );
    return result.rows[0]!.r;
  });
}

/** The SQLSTATE of a rejected promise (fails the test if it resolves). */
export async function sqlState(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no-code';
  }
  throw new Error('Expected a database error, but the call succeeded.');
}
