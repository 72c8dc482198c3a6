import { describe, expect, it } from 'vitest';
import { readLocalOwner } from '../../../src/features/account/local-data-owner';
import { writeSyncMeta } from '../../../src/sync/sync-meta';
import { freshDatabase } from '../db/test-database';

describe('local data owner', () => {
  it('is the owner the sync engine records', async () => {
    const db = freshDatabase();
    await writeSyncMeta(db.meta, 'owner_user_id', 'user-1');
    expect((await readLocalOwner(db)).userId).toBe('user-1');
  });
});
