// RLS test helpers: run one statement as an actor inside a transaction that is ALWAYS rolled
// back, and report what happened (rows affected or the SQLSTATE), so a matrix of actors x tables
// x commands can run against one fixture without the cases disturbing each other.
import type { Actor, Pool } from './postgres';
import { beginAs } from './postgres';

export type Outcome = { rows: number; data: Record<string, unknown>[] } | { code: string };

export async function attempt(
  pool: Pool,
  actor: Actor,
  sql: string,
  params: unknown[] = [],
): Promise<Outcome> {
  const client = await pool.connect();
  try {
    await beginAs(client, actor);
    const result = await client.query(sql, params);
    return { rows: result.rowCount ?? 0, data: result.rows };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? 'no-code' };
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

/** A short label for matrix assertions: 'denied' (42501), 'rls' (new row violates policy), a row count, or the code. */
export function summarize(outcome: Outcome): string | number {
  if ('rows' in outcome) return outcome.rows;
  return outcome.code === '42501' ? 'denied' : outcome.code;
}
