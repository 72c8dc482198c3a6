// Reads what the server holds for one user, as the superuser, to compare devices with it.
import pg from 'pg';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import { entityFieldsOf, SYNCED_TABLES } from '../../../src/domain/synced-tables';
import type { SyncedTable } from '../../../src/domain/synced-tables';

export type Snapshot = Record<SyncedTable, Record<string, Record<string, unknown>>>;

/** Entity fields of every row the user owns, by table and id, JSON-normalized. */
export async function serverSnapshot(adminUrl: string, userId: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const snapshot = {} as Snapshot;
    for (const table of SYNCED_TABLES) {
      const { rows } = await client.query(
        `select to_jsonb(t) as row from public.${table} t where user_id = $1`,
        [userId],
      );
      snapshot[table] = Object.fromEntries(rows.map(({ row }) => [row.id, pickEntity(table, row)]));
    }
    return snapshot;
  } finally {
    await client.end();
  }
}

export function pickEntity(
  table: SyncedTable,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const entity: Record<string, unknown> = {};
  for (const field of entityFieldsOf(table)) {
    if (field === 'created_at' || field === 'updated_at') continue; // informational, formats differ
    entity[field] = row[field] ?? null;
  }
  return entity;
}

/** The same shape read from a device's database. */
export async function deviceSnapshot(db: StoryPromptsDatabase): Promise<Snapshot> {
  const snapshot = {} as Snapshot;
  for (const table of SYNCED_TABLES) {
    const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
    snapshot[table] = Object.fromEntries(
      rows.map((row) => [row.id as string, pickEntity(table, row)]),
    );
  }
  return snapshot;
}

export async function serverQuery<T extends pg.QueryResultRow>(
  adminUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
