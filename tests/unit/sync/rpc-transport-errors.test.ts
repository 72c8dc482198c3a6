// How the RPC transport names a refused call decides what the engine does next: a session that
// ran out is refreshed, but a wrong anon key (also a 401) is not a session problem at all.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectSupabase } from '../../../src/remote/supabase-client';
import { RpcSyncTransport } from '../../../src/sync/rpc-transport';
import { SyncTransportError } from '../../../src/sync/sync-errors';

function transportAnswering(status: number, body: unknown): RpcSyncTransport {
  const memory = new Map<string, string>();
  const connection = connectSupabase({
    url: 'http://127.0.0.1:54321',
    anonKey: 'not-the-anon-key',
    fetch: (async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch,
    storage: {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    },
    realtimeTransport: WebSocket,
  });
  return new RpcSyncTransport(connection);
}

async function failureOf(transport: RpcSyncTransport): Promise<SyncTransportError> {
  const error: unknown = await transport
    .pull({ client_id: crypto.randomUUID(), cursor: 0, limit: 10, gc_seen: null })
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(SyncTransportError);
  return error as SyncTransportError;
}

describe('RPC transport failures', () => {
  it('a wrong anon key is refused with a pointer to Settings, not taken for an expired session', async () => {
    const error = await failureOf(transportAnswering(401, { message: 'Invalid API key' }));
    expect(error.kind).toBe('refused');
    expect(error.message).toContain('refused the anon key');
  });

  it('an expired access token is still "unauthorized" (the engine refreshes the session)', async () => {
    const error = await failureOf(
      transportAnswering(401, { code: 'PGRST301', message: 'JWT expired' }),
    );
    expect(error.kind).toBe('unauthorized');
  });
});
