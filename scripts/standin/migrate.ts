// DEVELOPMENT TOOL: brings a plain PostgreSQL to what the app expects from Supabase: first the
// Supabase shim (idempotent, every time), then each file of supabase/migrations not applied yet,
// in file-name order, each in its own transaction, recorded in
// supabase_migrations.schema_migrations like the Supabase CLI does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHIM_FILE = join(repoRoot, 'supabase/standin/supabase-shim.sql');
export const MIGRATIONS_DIR = join(repoRoot, 'supabase/migrations');

export interface MigrationFile {
  version: string;
  name: string;
  path: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const [version = '', ...rest] = file.replace(/\.sql$/, '').split('_');
      return { version, name: rest.join('_'), path: join(dir, file) };
    });
}

/** Applies the shim and pending migrations; returns the versions applied by this call. */
export async function migrate(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(readFileSync(SHIM_FILE, 'utf8'));
    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, name text, statements text[]
      )`);
    const done = await client.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations',
    );
    const applied = new Set(done.rows.map((row) => row.version));
    const fresh: string[] = [];
    for (const migration of listMigrations()) {
      if (applied.has(migration.version)) continue;
      await applyOne(client, migration);
      fresh.push(migration.version);
    }
    return fresh;
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const sql = readFileSync(migration.path, 'utf8');
  await client.query('begin');
  try {
    await client.query(sql);
    await client.query(
      'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
      [migration.version, migration.name, [sql]],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw new Error(
      `Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
