// Generates src/remote/database.types.ts from a migrated database, in the shape
// `supabase gen types typescript` produces (Row / Insert / Update / Relationships per table,
// Args / Returns per function), formatted with the repo's Prettier settings. The integration
// test regenerates it from the test database and fails on any difference, so the types cannot
// drift from the migrations. Regenerate: `npx tsx scripts/standin/write-database-types.ts`.
import pg from 'pg';
import { format, resolveConfig } from 'prettier';

interface ColumnRow {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  has_default: boolean;
}

interface RelationshipRow {
  table_name: string;
  constraint_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  one_to_one: boolean;
}

interface FunctionRow {
  name: string;
  arg_names: string[];
  arg_types: string[];
  return_type: string;
}

const TS_TYPES: Record<string, string> = {
  uuid: 'string',
  text: 'string',
  timestamptz: 'string',
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'number',
  jsonb: 'Json',
  json: 'Json',
  _text: 'string[]',
  void: 'undefined',
};

const tsType = (udt: string) => TS_TYPES[udt] ?? 'unknown';

const COLUMNS_SQL = `
  select c.table_name, c.column_name, c.udt_name, c.is_nullable,
         (c.column_default is not null or c.is_identity = 'YES') as has_default
  from information_schema.columns c
  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
  where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
  order by c.table_name, c.column_name`;

// Foreign keys between public tables (those to auth.users are not part of the API types).
const RELATIONSHIPS_SQL = `
  select src.relname as table_name, con.conname as constraint_name,
         array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
         dst.relname as referenced_table,
         array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
               join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as referenced_columns,
         exists (select 1 from pg_index ix where ix.indrelid = con.conrelid and ix.indisunique
                 and (ix.indkey::int2[])::int2[] @> con.conkey and cardinality(con.conkey) = ix.indnkeyatts) as one_to_one
  from pg_constraint con
  join pg_class src on src.oid = con.conrelid join pg_namespace sn on sn.oid = src.relnamespace
  join pg_class dst on dst.oid = con.confrelid join pg_namespace dn on dn.oid = dst.relnamespace
  where con.contype = 'f' and sn.nspname = 'public' and dn.nspname = 'public'
  order by src.relname, con.conname`;

const FUNCTIONS_SQL = `
  select p.proname as name, coalesce(p.proargnames, '{}') as arg_names,
         array(select t::regtype::text from unnest(p.proargtypes) t) as arg_types,
         (select typname from pg_type where oid = p.prorettype) as return_type
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'public' and p.prokind = 'f'
  order by p.proname`;

const ARG_TYPES: Record<string, string> = {
  uuid: 'string',
  integer: 'number',
  bigint: 'number',
  jsonb: 'Json',
  text: 'string',
};

function tableBlock(name: string, columns: ColumnRow[], relationships: RelationshipRow[]): string {
  const row = columns.map(
    (c) => `${c.column_name}: ${tsType(c.udt_name)}${c.is_nullable === 'YES' ? ' | null' : ''}`,
  );
  const insert = columns.map(
    (c) =>
      `${c.column_name}${c.is_nullable === 'YES' || c.has_default ? '?' : ''}: ${tsType(c.udt_name)}${c.is_nullable === 'YES' ? ' | null' : ''}`,
  );
  const update = columns.map(
    (c) => `${c.column_name}?: ${tsType(c.udt_name)}${c.is_nullable === 'YES' ? ' | null' : ''}`,
  );
  const rels = relationships.map(
    (r) =>
      `{ foreignKeyName: ${JSON.stringify(r.constraint_name)}; columns: ${JSON.stringify(r.columns)}; ` +
      `isOneToOne: ${r.one_to_one}; referencedRelation: ${JSON.stringify(r.referenced_table)}; ` +
      `referencedColumns: ${JSON.stringify(r.referenced_columns)} }`,
  );
  return `${name}: { Row: { ${row.join('; ')} }; Insert: { ${insert.join('; ')} }; Update: { ${update.join('; ')} }; Relationships: [${rels.join(', ')}] }`;
}

function functionBlock(fn: FunctionRow): string {
  const args = fn.arg_names.map(
    (arg, index) => `${arg}: ${ARG_TYPES[fn.arg_types[index] ?? ''] ?? 'unknown'}`,
  );
  return `${fn.name}: { Args: { ${args.join('; ')} }; Returns: ${tsType(fn.return_type)} }`;
}

const HEADER = `// GENERATED from the migrations by scripts/standin/database-types.ts; do not edit by hand.
// Same shape as \`supabase gen types typescript\`. An integration test fails when it drifts.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];
`;

const HELPERS = `
type PublicSchema = Database['public'];
export type Tables<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Row'];
export type TablesInsert<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Insert'];
export type TablesUpdate<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Update'];
`;

export async function generateDatabaseTypes(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const columns = (await client.query<ColumnRow>(COLUMNS_SQL)).rows;
    const relationships = (await client.query<RelationshipRow>(RELATIONSHIPS_SQL)).rows;
    const functions = (await client.query<FunctionRow>(FUNCTIONS_SQL)).rows;
    const tables = [...new Set(columns.map((c) => c.table_name))].sort();
    const tableText = tables.map((t) =>
      tableBlock(
        t,
        columns.filter((c) => c.table_name === t),
        relationships.filter((r) => r.table_name === t),
      ),
    );
    const source = `${HEADER}
export type Database = {
  __InternalSupabase: { PostgrestVersion: '12' };
  public: {
    Tables: { ${tableText.join('; ')} };
    Views: { [_ in never]: never };
    Functions: { ${functions.map(functionBlock).join('; ')} };
    Enums: { [_ in never]: never };
    CompositeTypes: { [_ in never]: never };
  };
};
${HELPERS}`;
    const config = (await resolveConfig('src/remote/database.types.ts')) ?? {};
    return format(source, { ...config, parser: 'typescript' });
  } finally {
    await client.end();
  }
}
