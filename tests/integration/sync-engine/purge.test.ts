// Tombstone purge through the real engine and server: syncing devices acknowledge their pulls,
// a delete everyone has seen is purged after 30 days, and a device that was away longer comes
// back, downloads everything again and deletes what was purged meanwhile, keeping its own
// unsynced work (an edit of a purged row is refused with its values kept and a clear reason).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt, deletePrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { createStory } from '../../../src/db/stories-repository';
import { readSyncMeta } from '../../../src/sync/sync-meta';
import { startSyncBackend } from '../../support/sync/backend';
import type { SyncBackend } from '../../support/sync/backend';
import { createAccount, createDevice, syncUntilQuiet } from '../../support/sync/devices';
import type { SimDevice } from '../../support/sync/devices';
import { serverQuery } from '../../support/sync/server-state';

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(async () => {
  await backend?.stop();
});

/** Moves time on the server by back-dating: the prompt's delete and the device's last sync. */
async function monthsPass(promptIds: string[], awayDevice: SimDevice): Promise<void> {
  const client = new pg.Client({ connectionString: backend.adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("set local session_replication_role = 'replica'"); // no stamp trigger
    await client.query(
      `update public.prompts set updated_at = now() - interval '40 days' where id = any($1)`,
      [promptIds],
    );
    const clientId = await readSyncMeta(awayDevice.db.meta, 'client_id');
    await client.query(
      `update public.sync_clients set updated_at = now() - interval '40 days' where client_id = $1`,
      [clientId],
    );
    await client.query('commit');
  } finally {
    await client.end();
  }
}

describe('tombstone purge with real devices', () => {
  it('a device away for over a month deletes what was purged meanwhile and keeps its own work', async () => {
    const account = await createAccount(backend.http);
    const laptop = await createDevice(backend.http, account, { name: 'laptop' });
    const phone = await createDevice(backend.http, account, { name: 'phone' });
    const story = await createStory(laptop.db, { title: 'Salt Roads' });
    const category = await createCategory(laptop.db, story.id, { title: 'Scenes' });
    const deletedElsewhere = await createPrompt(laptop.db, category.id, {
      title: 'Harbour at dawn',
    });
    const editedOnPhone = await createPrompt(laptop.db, category.id, { title: 'Storm' });
    const kept = await createPrompt(laptop.db, category.id, { title: 'Lighthouse' });
    await syncUntilQuiet([laptop, phone]);
    expect(await phone.db.prompts.count()).toBe(3);

    // The phone goes into a drawer, with an offline edit; the laptop deletes two prompts.
    phone.faults.offline = true;
    await updatePrompt(phone.db, editedOnPhone.id, { details: 'Written on the train' });
    const addedOnPhone = await createPrompt(phone.db, category.id, { title: 'Written offline' });
    await deletePrompt(laptop.db, deletedElsewhere.id);
    await deletePrompt(laptop.db, editedOnPhone.id);
    await laptop.sync();
    await monthsPass([deletedElsewhere.id, editedOnPhone.id], phone);
    // A month on, the laptop writes again: its next acknowledgement lets the server purge.
    const later = await createPrompt(laptop.db, category.id, { title: 'Epilogue' });
    await laptop.sync();
    const left = await serverQuery<{ id: string }>(
      backend.adminUrl,
      'select id from public.prompts where user_id = $1',
      [account.userId],
    );
    expect(left.map((row) => row.id).sort()).toEqual([kept.id, later.id].sort());

    phone.faults.offline = false;
    await syncUntilQuiet([phone, laptop]);

    expect((await phone.db.prompts.get(deletedElsewhere.id))?.deleted).toBe(true);
    expect((await phone.db.prompts.get(kept.id))?.deleted).toBe(false);
    expect((await phone.db.prompts.get(later.id))?.title).toBe('Epilogue');
    expect((await phone.db.prompts.get(addedOnPhone.id))?.deleted).toBe(false);
    expect((await laptop.db.prompts.get(addedOnPhone.id))?.title).toBe('Written offline');
    expect(await readSyncMeta(phone.db.meta, 'resync')).toBeNull();
    // The phone's edit of a purged prompt is not dropped silently: the server cannot place it on
    // a row it no longer has, so it is listed with its reason, and the text stays on the phone.
    const [refused] = await phone.db.dead_letters.toArray();
    expect(refused).toMatchObject({
      row_id: editedOnPhone.id,
      code: 'SPGON',
      fields: { details: { value: 'Written on the train' } },
    });
    expect(refused!.message).toContain('deleted on another device');
    expect(await phone.db.dead_letters.count()).toBe(1);
    expect((await phone.db.prompts.get(editedOnPhone.id))?.details).toBe('Written on the train');
    await Promise.all([laptop.close(), phone.close()]);
  });
});
