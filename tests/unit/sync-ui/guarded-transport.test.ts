// The guard between the engine and the server: nothing is sent while the signed-in account is
// not the owner of this device's data, and a reply that arrives after the account changed is
// dropped rather than applied.
import { describe, expect, it } from 'vitest';
import { GuardedTransport } from '../../../src/app/sync/guarded-transport';
import type { PullResponse, PushResponse } from '../../../src/sync/protocol';
import type { SyncTransport } from '../../../src/sync/sync-transport';

const PULL = { changes: [], cursor: 0, has_more: false, ack_mid: 0 } as unknown as PullResponse;
const PUSH = { ack_mid: 1, rows: [], conflicts: [], rejected: [] } as unknown as PushResponse;

function setup(session: { user: string | null }, owner = 'ana') {
  const calls: string[] = [];
  const pushed: number[] = [];
  const inner: SyncTransport = {
    push: async () => {
      calls.push('push');
      return PUSH;
    },
    pull: async () => {
      calls.push('pull');
      return PULL;
    },
    ackPull: async () => {
      calls.push('ackPull');
      return { last_pull_version: 0, gc_version: 0 };
    },
  };
  const guard = { sessionUserId: async () => session.user, ownerUserId: async () => owner };
  return { transport: new GuardedTransport(inner, guard, () => pushed.push(1)), calls, pushed };
}

const request = { client_id: 'c', cursor: 0, limit: 10, gc_seen: null };

describe('guarded transport', () => {
  it('passes calls through for the owner and reports pushes (the Realtime hint)', async () => {
    const { transport, calls, pushed } = setup({ user: 'ana' });
    await expect(transport.pull(request)).resolves.toBe(PULL);
    await expect(
      transport.push({ client_id: 'c', schema_version: 1, mutations: [] }),
    ).resolves.toBe(PUSH);
    expect(calls).toEqual(['pull', 'push']);
    expect(pushed).toHaveLength(1);
  });

  it('sends nothing for another account, and says so', async () => {
    const { transport, calls } = setup({ user: 'ben' });
    await expect(transport.pull(request)).rejects.toMatchObject({
      kind: 'refused',
      message: /another account/,
    });
    expect(calls).toEqual([]);
  });

  it('treats a signed-out session as unauthorized (the engine refreshes once, then stops)', async () => {
    const { transport } = setup({ user: null });
    await expect(transport.pull(request)).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('drops a reply that arrives after the account changed', async () => {
    const session = { user: 'ana' as string | null };
    const { transport, calls } = setup(session);
    const inner = (transport as unknown as { inner: SyncTransport }).inner;
    const realPull = inner.pull.bind(inner);
    inner.pull = async (r) => {
      const reply = await realPull(r);
      session.user = 'ben';
      return reply;
    };
    await expect(transport.pull(request)).rejects.toMatchObject({ kind: 'refused' });
    expect(calls).toEqual(['pull']);
  });

  it('fails every call at once after close', async () => {
    const { transport, calls } = setup({ user: 'ana' });
    transport.close();
    await expect(transport.pull(request)).rejects.toMatchObject({ kind: 'refused' });
    expect(calls).toEqual([]);
  });
});
