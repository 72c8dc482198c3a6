// DEVELOPMENT TOOL: finds the `public` function an RPC call names, the way PostgREST resolves
// `POST /rest/v1/rpc/:fn` with named JSON arguments: an overload whose argument names cover the
// body's keys, with every argument lacking a default present. Cached: restart after migrating.
import type pg from 'pg';

export interface RpcArgument {
  name: string;
  /** SQL type, e.g. `uuid`, `jsonb`, `integer`. */
  type: string;
  hasDefault: boolean;
}

export interface RpcFunction {
  name: string;
  args: RpcArgument[];
  returnsVoid: boolean;
  returnsSet: boolean;
}

interface CatalogRow {
  names: string[] | null;
  types: string[];
  modes: string[] | null;
  defaults: number;
  returns_void: boolean;
  returns_set: boolean;
}

export class RpcCatalog {
  private readonly cache = new Map<string, RpcFunction[]>();

  constructor(private readonly pool: pg.Pool) {}

  async overloads(name: string): Promise<RpcFunction[]> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const result = await this.pool.query<CatalogRow>(
      `select p.proargnames as names,
              array(select pg_catalog.format_type(t, null) from unnest(p.proargtypes) as t) as types,
              p.proargmodes::text[] as modes, p.pronargdefaults as defaults,
              p.prorettype = 'pg_catalog.void'::pg_catalog.regtype as returns_void, p.proretset as returns_set
       from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.proname = $1 and p.prokind = 'f'`,
      [name],
    );
    const found = result.rows.map((row) => toFunction(name, row));
    this.cache.set(name, found);
    return found;
  }

  /** The overload matching the body's argument names, or null (PostgREST answers 404). */
  async resolve(name: string, argNames: string[]): Promise<RpcFunction | null> {
    const given = new Set(argNames);
    for (const fn of await this.overloads(name)) {
      const known = new Set(fn.args.map((arg) => arg.name));
      const coversBody = argNames.every((arg) => known.has(arg));
      const requiredPresent = fn.args.every((arg) => arg.hasDefault || given.has(arg.name));
      if (coversBody && requiredPresent) return fn;
    }
    return null;
  }
}

function toFunction(name: string, row: CatalogRow): RpcFunction {
  // proargnames lists every argument (OUT ones too when proargmodes is set); proargtypes only IN.
  const inputNames = (row.names ?? []).filter(
    (_, index) => !row.modes || ['i', 'b', 'v'].includes(row.modes[index] ?? 'i'),
  );
  const firstDefault = row.types.length - row.defaults;
  const args = row.types.map((type, index) => ({
    name: inputNames[index] ?? `$${index + 1}`,
    type,
    hasDefault: index >= firstDefault,
  }));
  return { name, args, returnsVoid: row.returns_void, returnsSet: row.returns_set };
}
