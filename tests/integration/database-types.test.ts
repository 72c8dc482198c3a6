// src/remote/database.types.ts must match the migrated schema. Two checks: the committed file
// equals a fresh generation from the test database (any drift fails, with a regeneration hint),
// and, independently of the generator, every table's Row columns and nullability equal
// information_schema's.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDatabaseTypes } from '../../scripts/standin/database-types';
import { testPostgres } from '../support/postgres';

const FILE = 'src/remote/database.types.ts';
const committed = readFileSync(FILE, 'utf8');
const admin = new pg.Pool({ connectionString: testPostgres().adminUrl, max: 1 });
afterAll(() => admin.end());

/** { table: { column: 'type' | 'type | null' } } read from the Row blocks of the committed file. */
function rowsInFile(text: string): Record<string, Record<string, string>> {
  const tables: Record<string, Record<string, string>> = {};
  // Row blocks hold no nested braces, whether Prettier printed them on one line or many.
  for (const match of text.matchAll(/(\w+): \{\s*Row: \{([^}]*)\}/g)) {
    const columns = [...match[2]!.matchAll(/(\w+): ([^;]+);?/g)].map((c) => [c[1]!, c[2]!.trim()]);
    tables[match[1]!] = Object.fromEntries(columns);
  }
  return tables;
}

describe('database.types.ts', () => {
  it('equals a fresh generation from the migrated database', async () => {
    const generated = await generateDatabaseTypes(testPostgres().adminUrl);
    expect(committed, `${FILE} drifted: run npx tsx scripts/standin/write-database-types.ts`).toBe(
      generated,
    );
  });

  it('lists exactly the columns and nullability of information_schema for every table', async () => {
    const result = await admin.query<{
      table_name: string;
      column_name: string;
      is_nullable: string;
    }>(
      `select c.table_name, c.column_name, c.is_nullable from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`,
    );
    const expected: Record<string, Record<string, boolean>> = {};
    for (const row of result.rows)
      (expected[row.table_name] ??= {})[row.column_name] = row.is_nullable === 'YES';
    const inFile = rowsInFile(committed);
    const actual = Object.fromEntries(
      Object.entries(inFile).map(([table, columns]) => [
        table,
        Object.fromEntries(
          Object.entries(columns).map(([column, type]) => [column, type.endsWith('| null')]),
        ),
      ]),
    );
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(actual).toEqual(expected);
  });
});
