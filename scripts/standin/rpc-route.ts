// DEVELOPMENT TOOL: `POST /rest/v1/rpc/:fn` with PostgREST's semantics. Model, per call: the
// `apikey` header must be one of our keys; the Bearer JWT (else the apikey) is verified and its
// `role` becomes the database role; then ONE transaction:
//   begin; set local role <role>; set_config('request.jwt.claims', <claims>, true);
//   select public.<fn>(name => $1, ...); commit
// so RLS and auth.uid() see exactly what they see on Supabase. Errors come back as PostgREST
// JSON {code, message, details, hint}, the SQLSTATE as `code`, with PostgREST's status codes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { checkApiKey } from './api-key';
import {
  CORS_HEADERS,
  HttpError,
  REST_EXPOSED_HEADERS,
  bearerToken,
  readJson,
  sendJson,
  sendRawJson,
} from './http-kit';
import { verifyToken } from './jwt';
import type { Claims } from './jwt';
import type { RpcCatalog, RpcFunction } from './rpc-catalog';

export interface RpcContext {
  jwtSecret: string;
  /** Connects as `authenticator`, which may `set role` to anon, authenticated, service_role. */
  pool: pg.Pool;
  catalog: RpcCatalog;
}

const restError = (status: number, code: string, message: string, hint: string | null = null) =>
  new HttpError(status, { code, message, details: null, hint });

/** Verifies apikey and JWT; returns the claims the transaction runs under. */
export async function authorize(jwtSecret: string, req: IncomingMessage): Promise<Claims> {
  const key = await checkApiKey(jwtSecret, req);
  const token = bearerToken(req);
  if (!token) return key;
  const verified = await verifyToken(jwtSecret, token);
  if (verified.ok) return verified.claims;
  throw verified.reason === 'expired'
    ? restError(401, 'PGRST303', 'JWT expired')
    : restError(
        401,
        'PGRST301',
        'JWT could not be decoded',
        'Check the token is signed with the project JWT secret.',
      );
}

/** PostgREST's mapping from SQLSTATE to HTTP status (the subset that can happen here). */
export function statusForSqlState(code: string, role: string): number {
  if (code === '42501') return role === 'anon' ? 401 : 403;
  if (code === '42883' || code === '42P01') return 404;
  if (code === '23503' || code === '23505' || code.startsWith('40')) return 409;
  if (code === '25006') return 405;
  if (code === '57014') return 504;
  if (/^(08|53|54|57|58)/.test(code)) return 503;
  if (code.startsWith('XX')) return 500;
  return 400;
}

function callSql(fn: RpcFunction, argNames: string[]): string {
  const byName = new Map(fn.args.map((arg) => [arg.name, arg]));
  const args = argNames
    .map(
      (name, index) => `${pg.escapeIdentifier(name)} => $${index + 1}::${byName.get(name)!.type}`,
    )
    .join(', ');
  const call = `public.${pg.escapeIdentifier(fn.name)}(${args})`;
  if (fn.returnsVoid) return `select ${call}`;
  // JSON text straight from PostgreSQL to the socket: no parse and re-serialise of large pages.
  if (fn.returnsSet)
    return `select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]')::text as result from ${call} as r`;
  return `select coalesce(pg_catalog.to_jsonb(${call}), 'null')::text as result`;
}

/** JSON values as PostgreSQL text input: objects and arrays as JSON, scalars as themselves. */
function toParam(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    // A JSON array for a SQL array type becomes an array literal; otherwise pass JSON text.
    if (Array.isArray(value) && type.endsWith('[]'))
      return `{${value.map((item) => JSON.stringify(item)).join(',')}}`;
    return JSON.stringify(value);
  }
  return typeof value === 'string' && (type === 'json' || type === 'jsonb')
    ? JSON.stringify(value)
    : String(value);
}

/**
 * PostgreSQL cannot be reached. PostgREST then answers 503 with PGRST000 and a Retry-After of
 * its reconnection backoff (1, 2, 4 ... 32 s); the stand-in counts consecutive failures per
 * pool the same way. Like PostgREST, it does not expose Retry-After to browser scripts (CORS).
 */
const connectFailures = new WeakMap<pg.Pool, number>();

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    const client = await pool.connect();
    connectFailures.delete(pool);
    return client;
  } catch (error) {
    const failures = connectFailures.get(pool) ?? 0;
    connectFailures.set(pool, failures + 1);
    const unreachable = restError(
      503,
      'PGRST000',
      'Could not connect with the database due to an incorrect db-uri or due to the PostgreSQL service not running.',
    );
    unreachable.body.details = (error as Error).message;
    unreachable.headers = { 'retry-after': String(Math.min(32, 2 ** failures)) };
    throw unreachable;
  }
}

async function runInTransaction(
  ctx: RpcContext,
  claims: Claims,
  sql: string,
  params: (string | null)[],
): Promise<string | undefined> {
  const client = await connect(ctx.pool);
  try {
    await client.query(
      `begin; set local role ${pg.escapeIdentifier(claims.role)}; ` +
        `select pg_catalog.set_config('request.jwt.claims', ${pg.escapeLiteral(JSON.stringify(claims))}, true)`,
    );
    const result = await client.query<{ result?: string }>(sql, params);
    await client.query('commit');
    return result.rows[0]?.result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function handleRpc(
  ctx: RpcContext,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
): Promise<void> {
  let role = 'anon';
  try {
    if (req.method !== 'POST')
      throw restError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
    const claims = await authorize(ctx.jwtSecret, req);
    role = claims.role;
    const body = await readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw restError(400, 'PGRST102', 'Expected a JSON object of named arguments.');
    const argNames = Object.keys(body);
    const fn = await ctx.catalog.resolve(name, argNames);
    if (!fn) {
      throw restError(
        404,
        'PGRST202',
        `Could not find the function public.${name}(${argNames.join(', ')}) in the schema cache`,
      );
    }
    const types = new Map(fn.args.map((arg) => [arg.name, arg.type]));
    const params = argNames.map((arg) =>
      toParam((body as Record<string, unknown>)[arg], types.get(arg)!),
    );
    const result = await runInTransaction(ctx, claims, callSql(fn, argNames), params);
    if (fn.returnsVoid) res.writeHead(204, { ...CORS_HEADERS, ...REST_EXPOSED_HEADERS }).end();
    else sendRawJson(res, 200, result ?? 'null', REST_EXPOSED_HEADERS);
  } catch (error) {
    if (error instanceof HttpError)
      return sendJson(res, error.status, error.body, {
        ...restErrorHeaders(error.status),
        ...error.headers,
      });
    const db = error as pg.DatabaseError;
    if (!db.code) throw error;
    const status = statusForSqlState(db.code, role);
    sendJson(
      res,
      status,
      { code: db.code, message: db.message, details: db.detail ?? null, hint: db.hint ?? null },
      restErrorHeaders(status),
    );
  }
}

/** PostgREST's extra headers on an error reply (and which of them a browser may read). */
function restErrorHeaders(status: number): Record<string, string> {
  return {
    ...REST_EXPOSED_HEADERS,
    ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
  };
}
