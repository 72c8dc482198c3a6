// The account screen shows what went wrong in words the writer can act on: the server's own
// reason ("Invalid login credentials"), and no plumbing ("Failed to fetch", "Invalid API key").
import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signInWithPassword, signUpWithPassword } from '../../../src/app/sync/supabase-auth';

function clientWith(fetchImpl: typeof fetch) {
  return createClient('http://127.0.0.1:54321', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: fetchImpl },
    realtime: { transport: WebSocket as never },
  });
}

const unreachable = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

function answering(status: number, body: unknown): typeof fetch {
  return (async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;
}

describe('account errors', () => {
  it('says the server cannot be reached instead of "Failed to fetch"', async () => {
    const client = clientWith(unreachable);
    for (const call of [
      () => signInWithPassword(client, 'ana@example.com', 'secret-1'),
      () => signUpWithPassword(client, 'ana@example.com', 'secret-1'),
    ]) {
      await expect(call()).rejects.toThrow(
        'Cannot reach the sync server. Check that this device is online and the server URL in Settings is right.',
      );
    }
  });

  it('says the anon key was refused instead of "Invalid API key"', async () => {
    const client = clientWith(answering(401, { message: 'Invalid API key' }));
    await expect(signInWithPassword(client, 'ana@example.com', 'secret-1')).rejects.toThrow(
      /refused the anon key/,
    );
  });

  it('says the server is not answering when it is down behind its gateway', async () => {
    const client = clientWith(answering(503, { message: 'Service Unavailable' }));
    await expect(signInWithPassword(client, 'ana@example.com', 'secret-1')).rejects.toThrow(
      'The sync server is not answering (503). Try again in a moment.',
    );
  });

  it('keeps the server’s own reason for wrong credentials and taken addresses', async () => {
    const wrong = clientWith(
      answering(400, { error: 'invalid_grant', error_description: 'Invalid login credentials' }),
    );
    await expect(signInWithPassword(wrong, 'ana@example.com', 'secret-1')).rejects.toThrow(
      'Invalid login credentials',
    );
    const taken = clientWith(
      answering(422, { code: 'user_already_exists', msg: 'User already registered' }),
    );
    await expect(signUpWithPassword(taken, 'ana@example.com', 'secret-1')).rejects.toThrow(
      'User already registered',
    );
  });
});
