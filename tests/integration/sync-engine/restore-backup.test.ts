// Restoring a backup on a signed-in device whose first download has not finished: the backup's
// rows already exist on the server (same ids). backup.ts keeps a live row that is already on
// the device ("it may hold newer work than the backup"); the server's copy must be kept the
// same way, not overwritten by the backup's older values and turned into conflicts. So the
// restore first waits for a sync run to finish (src/app/sync/download-before-restore.ts).
import { BehaviorSubject } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadBeforeRestore } from '../../../src/app/sync/download-before-restore';
import type { SyncUiStatus } from '../../../src/features/sync-status/sync-status-view';
import { importBackup, readBackupData } from '../../../src/db/backup';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { createStory, deleteStory, updateStory } from '../../../src/db/stories-repository';
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

async function writerWithOlderBackup() {
  const account = await createAccount(backend.http);
  const laptop = await createDevice(backend.http, account, { name: 'laptop' });
  const story = await createStory(laptop.db, { title: 'Salt Roads' });
  const category = await createCategory(laptop.db, story.id, { title: 'Openings' });
  const prompt = await createPrompt(laptop.db, category.id, { title: 'Harbour', details: 'Fog.' });
  expect(await laptop.sync()).toBe('idle');
  const backup = await readBackupData(laptop.db);
  // Work after the backup was taken, synced: the server is newer than the file.
  await updateStory(laptop.db, story.id, { title: 'Salt Roads (final)' });
  await updatePrompt(laptop.db, prompt.id, { details: 'Fog, then rain.' });
  expect(await laptop.sync()).toBe('idle');
  return { account, laptop, backup, story, prompt };
}

/** The restore as the backup page runs it: download first (through the engine), then import. */
async function restoreLikeTheApp(
  device: SimDevice,
  backup: Awaited<ReturnType<typeof readBackupData>>,
) {
  const status$ = new BehaviorSubject<SyncUiStatus>({
    ...device.engine.status$.value,
    openConflicts: 0,
  });
  const subscription = device.engine.status$.subscribe((status) =>
    status$.next({ ...status, openConflicts: 0 }),
  );
  await downloadBeforeRestore(status$, () => void device.engine.syncNow(), {
    now: device.timers.now,
  });
  subscription.unsubscribe();
  return importBackup(device.db, backup);
}

const openConflicts = (adminUrl: string, userId: string) =>
  serverQuery<{ entity: string; field: string }>(
    adminUrl,
    'select entity, field from public.sync_conflicts where user_id = $1 and not resolved and not deleted',
    [userId],
  );

describe('restoring a backup on a new device', () => {
  it('before its first download: the restore waits for it, the server keeps its newer values and records no conflict', async () => {
    const { account, laptop, backup, story, prompt } = await writerWithOlderBackup();
    const phone = await createDevice(backend.http, account, { name: 'phone' });
    const result = await restoreLikeTheApp(phone, backup);
    expect(result.stories).toEqual({ added: 0, restored: 0, kept: 1 });
    expect(result.prompts).toEqual({ added: 0, restored: 0, kept: 1 });
    await syncUntilQuiet([phone, laptop]);
    const stories = await serverQuery<{ title: string }>(
      backend.adminUrl,
      'select title from public.stories where id = $1',
      [story.id],
    );
    expect(stories[0]!.title).toBe('Salt Roads (final)');
    expect((await phone.db.prompts.get(prompt.id))!.details).toBe('Fog, then rain.');
    expect(await openConflicts(backend.adminUrl, account.userId)).toEqual([]);
    await Promise.all([laptop.close(), phone.close()]);
  });

  it('still adds what the server does not hold, and brings back rows deleted there', async () => {
    const { account, laptop, backup } = await writerWithOlderBackup();
    const gone = await createStory(laptop.db, { title: 'Only in the backup' });
    const withGone = {
      ...backup,
      stories: [...backup.stories, { ...(await laptop.db.stories.get(gone.id))! }],
    };
    await deleteStory(laptop.db, gone.id);
    expect(await laptop.sync()).toBe('idle');
    const orphan = { ...backup.stories[0]!, id: crypto.randomUUID(), title: 'Never synced' };
    const phone = await createDevice(backend.http, account, { name: 'phone' });
    const result = await restoreLikeTheApp(phone, {
      ...withGone,
      stories: [...withGone.stories, orphan],
    });
    expect(result.stories).toEqual({ added: 1, restored: 1, kept: 1 });
    await syncUntilQuiet([phone, laptop]);
    const titles = await serverQuery<{ title: string; deleted: boolean }>(
      backend.adminUrl,
      'select title, deleted from public.stories where user_id = $1 order by title',
      [account.userId],
    );
    expect(titles).toEqual([
      { title: 'Never synced', deleted: false },
      { title: 'Only in the backup', deleted: false },
      { title: 'Salt Roads (final)', deleted: false },
    ]);
    expect(await openConflicts(backend.adminUrl, account.userId)).toEqual([]);
    await Promise.all([laptop.close(), phone.close()]);
  });
});
