// Database access as the calling writer. Each request runs in ONE transaction that does what
// the Supabase gateway does: `set local role authenticated` plus the verified JWT claims in
// `request.jwt.claims`, so auth.uid() is the caller and every RLS policy applies exactly as
// for the app's own Supabase calls. Another writer's rows are simply invisible.
import pg from 'pg';
import type { JWTPayload } from 'jose';
import { ApiError } from './api-error';

export type DbClient = pg.PoolClient;

export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) =>
    console.error('[api] idle database connection failed:', error.message),
  );
  return pool;
}

export async function asUser<T>(
  pool: pg.Pool,
  claims: JWTPayload,
  work: (client: DbClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect().catch((error: unknown) => {
    throw databaseUnavailable(error);
  });
  try {
    await client.query('begin');
    await client.query('set local role authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify(claims),
    ]);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw toDatabaseError(error);
  } finally {
    client.release();
  }
}

/** Maps what PostgreSQL refused onto API errors; ApiErrors thrown by `work` pass through. */
function toDatabaseError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: string }).code;
  // Check constraints mirror src/domain/limits.ts; the zod schemas normally refuse first.
  if (code === '23514' || code === '22P02' || code === '22001') {
    return new ApiError(
      400,
      'validation/invalid-body',
      'A value was refused by the database limits.',
    );
  }
  // 08xxx: connection exceptions; 57P01: server shut down; ECONNREFUSED and friends: the socket.
  if (code && (code.startsWith('08') || code === '57P01' || /^E[A-Z]+$/.test(code)))
    return databaseUnavailable(error);
  console.error('[api] database error', code, (error as Error).message);
  return error;
}

function databaseUnavailable(error: unknown): ApiError {
  console.error('[api] database unavailable:', (error as Error).message);
  return new ApiError(
    503,
    'api/database-unavailable',
    'The database cannot be reached right now. Try again shortly.',
  );
}
