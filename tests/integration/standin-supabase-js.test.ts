// The unmodified supabase-js client against the local stand-in, end to end over HTTP: sign up,
// sign in, push, pull, refresh, sign out; and the gateway refusing expired or forged tokens with
// PostgREST-shaped 401s.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/standin/standin';
import { signAccessToken } from '../../scripts/standin/jwt';
import type { PullResponse, PushResponse } from '../../src/sync/protocol';
import { TestDevice, changes, storyValues } from '../support/mutations';
import { TEST_JWT_SECRET, freshEmail, startTestStandin, supabaseFor } from '../support/standin';

let standin: Standin;
beforeAll(async () => {
  standin = await startTestStandin();
});
afterAll(() => standin.stop());

const PASSWORD = 'correct horse battery';

describe('supabase-js against the stand-in', () => {
  it('signs up, signs in, pushes, pulls, refreshes and signs out', async () => {
    const supabase = supabaseFor(standin);
    const email = freshEmail();
    const signUp = await supabase.auth.signUp({ email, password: PASSWORD });
    expect(signUp.error).toBeNull();
    expect(signUp.data.session?.access_token).toBeTruthy();
    await supabase.auth.signOut();

    const signIn = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    const userId = signIn.data.user!.id;
    expect(signIn.data.session).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      user: { id: userId, email },
    });

    const device = new TestDevice();
    const storyId = randomUUID();
    const pushed = await supabase.rpc('sync_push', {
      client_id: device.clientId,
      schema_version: 1,
      mutations: [
        device.mutation('stories', storyId, changes(storyValues('Over HTTP'), device.stamp())),
      ],
    });
    expect(pushed.error).toBeNull();
    expect(pushed.data as PushResponse).toMatchObject({
      ack_mid: 1,
      rejected: [],
      rows: [{ table: 'stories', row: { id: storyId, user_id: userId } }],
    });

    const pulled = await supabase.rpc('sync_pull', {
      client_id: device.clientId,
      cursor: 0,
      limit: 100,
    });
    expect(pulled.error).toBeNull();
    expect(pulled.data as PullResponse).toMatchObject({
      ack_mid: 1,
      has_more: false,
      changes: [{ table: 'stories', row: { title: 'Over HTTP' } }],
    });

    const before = signIn.data.session!;
    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(before.refresh_token);
    expect((await supabase.auth.getUser()).data.user?.id).toBe(userId);
    // The used refresh token is spent (rotation): replaying it fails.
    const replay = await supabaseFor(standin).auth.refreshSession({
      refresh_token: before.refresh_token,
    });
    expect(replay.error?.code).toBe('refresh_token_not_found');
    const again = await supabase.rpc('sync_pull', {
      client_id: device.clientId,
      cursor: 1,
      limit: 100,
    });
    expect(again.data).toMatchObject({ changes: [], cursor: 1 });

    expect((await supabase.auth.signOut()).error).toBeNull();
    const afterSignOut = await supabaseFor(standin).auth.refreshSession({
      refresh_token: refreshed.data.session!.refresh_token,
    });
    expect(afterSignOut.error).not.toBeNull();
  });

  it('reports wrong passwords, duplicate sign-ups and typed sync errors the way supabase-js expects', async () => {
    const supabase = supabaseFor(standin);
    const email = freshEmail();
    await supabase.auth.signUp({ email, password: PASSWORD });
    expect((await supabase.auth.signUp({ email, password: PASSWORD })).error?.code).toBe(
      'user_already_exists',
    );
    expect(
      (await supabase.auth.signInWithPassword({ email, password: 'wrong password' })).error?.code,
    ).toBe('invalid_credentials');
    await supabase.auth.signInWithPassword({ email, password: PASSWORD });
    const gap = await supabase.rpc('sync_push', {
      client_id: randomUUID(),
      schema_version: 1,
      mutations: [{ mid: 5, table: 'stories', id: randomUUID(), fields: {} }],
    });
    expect(gap.status).toBe(400);
    expect(gap.error).toMatchObject({
      code: 'SPGAP',
      message: expect.stringMatching(/nothing was applied/),
    });
    const missing = await supabase.rpc('no_such_function', {});
    expect(missing.status).toBe(404);
  });

  it('refuses anonymous, expired and forged tokens', async () => {
    const anonymous = await supabaseFor(standin).rpc('sync_pull', {
      client_id: randomUUID(),
      cursor: 0,
      limit: 10,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.code).toBe('42501');

    const supabase = supabaseFor(standin);
    const { data } = await supabase.auth.signUp({ email: freshEmail(), password: PASSWORD });
    const userId = data.user!.id;
    const expired = await signAccessToken(TEST_JWT_SECRET, {
      userId,
      email: null,
      sessionId: randomUUID(),
      expiresIn: -60,
    });
    const forged = await new SignJWT({ role: 'authenticated', aud: 'authenticated', sub: userId })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-project-secret-not-the-project-secret'));
    for (const [token, code] of [
      [expired.token, 'PGRST303'],
      [forged, 'PGRST301'],
    ] as const) {
      const response = await fetch(`${standin.url}/rest/v1/rpc/sync_pull`, {
        method: 'POST',
        headers: {
          apikey: standin.anonKey,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ client_id: randomUUID(), cursor: 0, limit: 10 }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        code,
        message: expect.any(String),
        details: null,
      });
      const user = await fetch(`${standin.url}/auth/v1/user`, {
        headers: { apikey: standin.anonKey, authorization: `Bearer ${token}` },
      });
      expect(user.status).toBe(401);
    }
    const noKey = await fetch(`${standin.url}/rest/v1/rpc/sync_pull`, {
      method: 'POST',
      body: '{}',
    });
    expect(noKey.status).toBe(401);
    const signUpWithoutKey = await fetch(`${standin.url}/auth/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: freshEmail(), password: PASSWORD }),
    });
    expect(signUpWithoutKey.status).toBe(401);
  });

  it('answers CORS preflight for the headers supabase-js sends', async () => {
    const response = await fetch(`${standin.url}/rest/v1/rpc/sync_push`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, apikey, content-type, x-client-info',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(
      /apikey.*x-client-info.*x-supabase-api-version/,
    );
  });
});
