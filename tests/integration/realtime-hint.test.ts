// The Realtime "something changed" hint between a writer's devices (src/app/sync/realtime-hint.ts)
// through the unmodified supabase-js Realtime client over a real WebSocket to the stand-in's
// broadcast endpoint: the writer's other devices hear it, the sender and other writers do not.
import type { SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/standin/standin';
import { openRealtimeHint } from '../../src/app/sync/realtime-hint';
import type { RealtimeHint } from '../../src/app/sync/realtime-hint';
import { freshEmail, startTestStandin, supabaseFor } from '../support/standin';

let standin: Standin;
const clients: SupabaseClient[] = [];
const hints: RealtimeHint[] = [];
beforeAll(async () => {
  standin = await startTestStandin();
});
afterAll(async () => {
  for (const hint of hints) hint.close();
  for (const client of clients) client.realtime.disconnect();
  await standin.stop();
});

const PASSWORD = 'correct horse battery';

/** A client signed in as `email`: the writer's first device signs up, the next ones sign in. */
async function signedIn(email: string): Promise<{ client: SupabaseClient; userId: string }> {
  const client = supabaseFor(standin);
  clients.push(client);
  const signIn = await client.auth.signInWithPassword({ email, password: PASSWORD });
  const { data, error } = signIn.error
    ? await client.auth.signUp({ email, password: PASSWORD })
    : signIn;
  if (error) throw error;
  return { client, userId: data.user!.id };
}

/** A device listening for hints; `heard` counts them, `joined` resolves once subscribed. */
async function device(email: string) {
  const { client, userId } = await signedIn(email);
  const device = { heard: 0, hint: null as unknown as RealtimeHint };
  device.hint = openRealtimeHint(client, userId, () => (device.heard += 1));
  hints.push(device.hint);
  await expect
    .poll(() => client.realtime.getChannels()[0]?.state, { timeout: 5_000 })
    .toBe('joined');
  return device;
}

describe('Realtime hint', () => {
  it("reaches the writer's other devices, not the sender and not another writer", async () => {
    const email = freshEmail();
    const laptop = await device(email);
    const phone = await device(email);
    const stranger = await device(freshEmail('stranger'));

    laptop.hint.notifyChanged();
    await expect.poll(() => phone.heard, { timeout: 5_000 }).toBe(1);
    phone.hint.notifyChanged();
    await expect.poll(() => laptop.heard, { timeout: 5_000 }).toBe(1);

    // Give a stray delivery time to arrive before asserting it did not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(laptop.heard).toBe(1);
    expect(phone.heard).toBe(1);
    expect(stranger.heard).toBe(0);
  });

  it('refuses sockets without an API key and closes on unreadable messages, serving on', async () => {
    const endpoint = `${standin.url.replace('http', 'ws')}/realtime/v1/websocket`;
    const refused = new WebSocket(`${endpoint}?vsn=2.0.0`);
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_request, response) =>
        resolve(String(response.statusCode)),
      );
      refused.on('error', (error) => resolve(error.message));
    });
    expect(refusal).toMatch(/401/);

    const garbled = new WebSocket(`${endpoint}?apikey=${standin.anonKey}&vsn=2.0.0`);
    await new Promise((resolve) => garbled.once('open', resolve));
    garbled.send('not a phoenix frame');
    const code = await new Promise<number>((resolve) => garbled.once('close', resolve));
    expect(code).toBe(1003);

    const email = freshEmail();
    const [first, second] = [await device(email), await device(email)];
    first.hint.notifyChanged();
    await expect.poll(() => second.heard, { timeout: 5_000 }).toBe(1);
  });
});
