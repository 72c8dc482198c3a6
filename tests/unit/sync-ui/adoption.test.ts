// Who owns the data on this device: the first account adopts it (keeping the outbox, so all of
// it uploads), the same account changes nothing, another account is asked about and, if the
// writer agrees, gets a fresh database (device settings kept).
import { describe, expect, it } from 'vitest';
import { createStory } from '../../../src/db/stories-repository';
import {
  adoptLocalData,
  decideAdoption,
  readLocalOwner,
  replaceLocalData,
} from '../../../src/features/account/local-data-owner';
import {
  writeSyncServerSettings,
  readSyncServerSettings,
} from '../../../src/features/settings/sync-server-settings';
import { readSyncMeta, writeSyncMeta } from '../../../src/sync/sync-meta';
import { freshDatabase } from '../db/test-database';

const ANA = { id: '11111111-1111-4111-8111-111111111111', email: 'ana@example.com' };
const BEN = { id: '22222222-2222-4222-8222-222222222222', email: 'ben@example.com' };

describe('adoption decision', () => {
  it.each([
    ['no owner yet', { userId: null, email: null }, ANA, 'adopt'],
    ['the owner signs in again', { userId: ANA.id, email: ANA.email }, ANA, 'same-account'],
    ['another account signs in', { userId: ANA.id, email: ANA.email }, BEN, 'ask-replace'],
  ] as const)('%s → %s', (_name, owner, user, expected) => {
    expect(decideAdoption(owner, user)).toBe(expected);
  });
});

describe('adopting and replacing local data', () => {
  it('adopts: sets the owner and keeps every local row and outbox entry for upload', async () => {
    const db = freshDatabase();
    await createStory(db, { title: 'Salt Roads' });
    await createStory(db, { title: 'Iron Tide' });
    const outbox = await db.changes.count();
    await adoptLocalData(db, ANA);
    expect(await readLocalOwner(db)).toEqual({ userId: ANA.id, email: ANA.email });
    expect(await readSyncMeta(db.meta, 'owner_user_id')).toBe(ANA.id);
    expect(await db.stories.count()).toBe(2);
    expect(await db.changes.count()).toBe(outbox);
  });

  it('refuses to adopt for one account what another already owns', async () => {
    const db = freshDatabase();
    await adoptLocalData(db, ANA);
    await expect(adoptLocalData(db, BEN)).rejects.toMatchObject({ code: 'account/owned-by-other' });
    expect((await readLocalOwner(db)).userId).toBe(ANA.id);
  });

  it('replaces: clears every table but the device settings, with a new client id and owner', async () => {
    const db = freshDatabase();
    await createStory(db, { title: 'Salt Roads' });
    await adoptLocalData(db, ANA);
    const oldClient = await readSyncMeta(db.meta, 'client_id');
    await writeSyncMeta(db.meta, 'pull_cursor', 42);
    await db.dead_letters.add({
      table: 'stories',
      row_id: ANA.id,
      fields: {},
      code: 'x',
      message: 'y',
      failed_at: 1,
    });
    await writeSyncServerSettings(db, { url: 'http://127.0.0.1:54321', anonKey: 'anon' });

    await replaceLocalData(db, BEN);

    for (const table of ['stories', 'changes', 'row_meta', 'dead_letters', 'sync_conflicts']) {
      expect(await db.table(table).count(), table).toBe(0);
    }
    expect(await readLocalOwner(db)).toEqual({ userId: BEN.id, email: BEN.email });
    expect(await readSyncMeta(db.meta, 'pull_cursor')).toBe(0);
    expect(await readSyncMeta(db.meta, 'client_id')).not.toBe(oldClient);
    expect(await readSyncServerSettings(db)).toEqual({
      url: 'http://127.0.0.1:54321',
      anonKey: 'anon',
    });
  });
});
