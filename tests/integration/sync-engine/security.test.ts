// sync.md scenario 15: another writer using A's client id or A's row ids, and anonymous calls,
// are refused; nothing of A's is visible to or writable by B.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../../src/db/stories-repository';
import { formatHlc } from '../../../src/domain/hlc';
import { readSyncMeta, writeSyncMeta } from '../../../src/sync/sync-meta';
import { startSyncBackend } from '../../support/sync/backend';
import type { SyncBackend } from '../../support/sync/backend';
import { createAccount, createDevice } from '../../support/sync/devices';
import { serverSnapshot } from '../../support/sync/server-state';

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(async () => {
  await backend?.stop();
});

describe('sync security', () => {
  it("keeps one writer's data away from another, whatever ids they send", async () => {
    const alice = await createAccount(backend.http, 'alice');
    const bob = await createAccount(backend.http, 'bob');
    const a = await createDevice(backend.http, alice);
    const story = await createStory(a.db, { title: "Alice's secret novel" });
    await a.sync();
    // Bob's device claims Alice's client id: refused, and nothing is uploaded under another id.
    const impostor = await createDevice(backend.http, bob, { name: 'impostor' });
    await writeSyncMeta(impostor.db.meta, 'client_id', await readSyncMeta(a.db.meta, 'client_id'));
    await createStory(impostor.db, { title: "Bob's story on Alice's client" });
    expect(await impostor.sync()).toBe('error');
    expect(impostor.engine.status$.value.message).toContain('belongs to another account');
    expect(await impostor.db.changes.count()).toBe(1);
    // Bob's write to Alice's row id is refused and kept in his dead-letter list.
    const b = await createDevice(backend.http, bob);
    await b.db.stories.add({ ...story, title: 'Overwritten by Bob' });
    await b.db.changes.add({
      table: 'stories',
      row_id: story.id,
      fields: {
        title: {
          value: 'Overwritten by Bob',
          hlc: formatHlc({ wall: Date.now(), counter: 0, node: 'bob' }),
          base_hlc: null,
        },
      },
      created_at: Date.now(),
    });
    expect(await b.sync()).toBe('idle');
    expect(await b.db.dead_letters.count()).toBe(1);
    expect((await serverSnapshot(backend.adminUrl, alice.userId)).stories[story.id]!.title).toBe(
      "Alice's secret novel",
    );
    expect(Object.keys((await serverSnapshot(backend.adminUrl, bob.userId)).stories)).toHaveLength(
      0,
    );
    // Bob pulls nothing of Alice's.
    const fresh = await createDevice(backend.http, bob);
    await fresh.sync();
    expect(await fresh.db.stories.count()).toBe(0);
    await Promise.all([a.close(), b.close(), fresh.close(), impostor.close()]);
  });

  it('refuses anonymous sync calls', async () => {
    const anon = createClient(backend.http.url, backend.http.anonKey, {
      auth: { persistSession: false },
      realtime: { transport: WebSocket as never },
    });
    const pull = await anon.rpc(
      'sync_pull' as never,
      { client_id: crypto.randomUUID(), cursor: 0, limit: 10 } as never,
    );
    expect(pull.error).not.toBeNull();
    const push = await anon.rpc(
      'sync_push' as never,
      { client_id: crypto.randomUUID(), schema_version: 1, mutations: [] } as never,
    );
    expect(push.error).not.toBeNull();
  });
});
