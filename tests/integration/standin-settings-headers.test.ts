// The stand-in answers what supabase-js and the Account page ask of Supabase Auth besides
// signing in (GET /auth/v1/settings), and lets a browser read exactly the reply headers the real
// services let it read: PostgREST exposes Date (the sync client's server clock), GoTrue its API
// version; neither exposes Retry-After. With PostgreSQL unreachable, RPCs answer like PostgREST:
// 503 PGRST000 with a growing Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Standin } from '../../scripts/standin/standin';
import { fetchMagicLinkAvailability } from '../../src/app/sync/supabase-auth';
import { connectSupabase } from '../../src/remote/supabase-client';
import { RpcSyncTransport } from '../../src/sync/rpc-transport';
import { SyncTransportError } from '../../src/sync/sync-errors';
import { testPostgres } from '../support/postgres';
import { startTestStandin } from '../support/standin';

let standin: Standin;
beforeAll(async () => {
  standin = await startTestStandin();
});
afterAll(() => standin.stop());

const exposed = (response: Response) =>
  (response.headers.get('access-control-expose-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());

const pull = (url: string, apikey: string) =>
  fetch(`${url}/rest/v1/rpc/sync_pull`, {
    method: 'POST',
    headers: { apikey, 'content-type': 'application/json', origin: 'http://localhost:4173' },
    body: JSON.stringify({ client_id: crypto.randomUUID(), cursor: 0, limit: 10 }),
  });

describe('GET /auth/v1/settings', () => {
  it("answers GoTrue's public settings: e-mail sign-in on, sign-up open and confirmed at once", async () => {
    const response = await fetch(`${standin.url}/auth/v1/settings`, {
      headers: { apikey: standin.anonKey },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-supabase-api-version')).toBeTruthy();
    const settings = (await response.json()) as Record<string, unknown> & {
      external: Record<string, boolean>;
    };
    expect(settings).toMatchObject({
      disable_signup: false,
      mailer_autoconfirm: true,
      phone_autoconfirm: false,
      saml_enabled: false,
    });
    expect(settings.external.email).toBe(true);
    expect(settings.external.google).toBe(false);
    expect(settings.external.phone).toBe(false);
  });

  it('is what the Account page reads to know whether e-mail sign-in is on', async () => {
    expect(await fetchMagicLinkAvailability({ url: standin.url, anonKey: standin.anonKey })).toBe(
      'available',
    );
  });

  it('needs the API key, like every Auth route behind the gateway', async () => {
    expect((await fetch(`${standin.url}/auth/v1/settings`)).status).toBe(401);
  });
});

describe('headers a browser may read', () => {
  it("RPC replies expose PostgREST's list, with Date, on success and on error", async () => {
    const anonymous = await pull(standin.url, standin.anonKey);
    expect(anonymous.status).toBeGreaterThanOrEqual(400);
    const notFound = await fetch(`${standin.url}/rest/v1/rpc/no_such_function`, {
      method: 'POST',
      headers: { apikey: standin.anonKey, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notFound.status).toBe(404);
    for (const response of [anonymous, notFound]) {
      expect(response.headers.get('date')).toBeTruthy();
      expect(exposed(response)).toEqual(
        expect.arrayContaining(['date', 'content-range', 'content-type', 'location']),
      );
      expect(exposed(response)).not.toContain('retry-after');
    }
  });

  it("Auth replies expose GoTrue's list, errors included", async () => {
    const refused = await fetch(`${standin.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: standin.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong-password' }),
    });
    expect(refused.status).toBe(400);
    expect(exposed(refused)).toEqual(['x-total-count', 'link', 'x-supabase-api-version']);
  });
});

describe('PostgreSQL unreachable', () => {
  let broken: Standin;
  beforeAll(async () => {
    // Port 9 (discard) on 127.0.0.1: nothing listens, so every connection is refused at once.
    const { adminUrl } = testPostgres();
    broken = await startTestStandin({
      postgres: { adminUrl, databaseUrl: 'postgres://authenticator@127.0.0.1:9/postgres' },
    });
  });
  afterAll(() => broken.stop());

  it('answers 503 PGRST000 with a Retry-After that grows like PostgREST reconnecting', async () => {
    const first = await pull(broken.url, broken.anonKey);
    const second = await pull(broken.url, broken.anonKey);
    for (const response of [first, second]) {
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'PGRST000' });
    }
    expect([first.headers.get('retry-after'), second.headers.get('retry-after')]).toEqual([
      '1',
      '2',
    ]);
  });

  it('reaches the sync engine as a server failure carrying the wait', async () => {
    const connection = connectSupabase({
      url: broken.url,
      anonKey: broken.anonKey,
      realtimeTransport: WebSocket,
    });
    const error = await new RpcSyncTransport(connection)
      .pull({ client_id: crypto.randomUUID(), cursor: 0, limit: 10, gc_seen: null })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncTransportError);
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect((error as SyncTransportError).retryAfterMs).toBeGreaterThanOrEqual(1_000);
  });
});
