// sync.md scenarios 2 (lost reply), 4 (page boundaries through the engine), 5 (crash points),
// 6 (create then delete offline), 13 (expired session mid-batch).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import {
  createPrompt,
  deletePrompt,
  movePrompt,
  updatePrompt,
} from '../../../src/db/prompts-repository';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { prepareBatch } from '../../../src/sync/push';
import { readSyncMeta } from '../../../src/sync/sync-meta';
import { startSyncBackend } from '../../support/sync/backend';
import type { SyncBackend } from '../../support/sync/backend';
import {
  addManyPrompts,
  createAccount,
  createDevice,
  syncUntilQuiet,
} from '../../support/sync/devices';
import { deviceSnapshot, serverQuery, serverSnapshot } from '../../support/sync/server-state';

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(async () => {
  await backend?.stop();
});

async function twoDevices() {
  const account = await createAccount(backend.http);
  const a = await createDevice(backend.http, account, { name: 'laptop' });
  const b = await createDevice(backend.http, account, { name: 'phone' });
  return { account, a, b };
}

describe('sync engine basics', () => {
  it('applies a push exactly once when its reply is lost and the client retries', async () => {
    const { account, a, b } = await twoDevices();
    const story = await createStory(a.db, { title: 'Salt Roads' });
    a.faults.chooser = () => ({ kind: 'drop-reply' });
    await a.sync();
    expect(a.engine.status$.value.phase).toBe('backing-off');
    expect(await a.db.changes.count()).toBe(1); // not acknowledged yet
    a.faults.chooser = () => ({ kind: 'ok' });
    await syncUntilQuiet([a, b]);
    const versions = await serverQuery<{ n: number }>(
      backend.adminUrl,
      'select count(*)::int as n from public.stories where user_id = $1',
      [account.userId],
    );
    expect(versions[0]!.n).toBe(1);
    const clients = await serverQuery<{ last_mutation_id: string }>(
      backend.adminUrl,
      'select last_mutation_id from public.sync_clients where user_id = $1 and last_mutation_id > 0',
      [account.userId],
    );
    expect(clients.map((c) => Number(c.last_mutation_id))).toEqual([1]);
    expect((await b.db.stories.get(story.id))!.title).toBe('Salt Roads');
    await Promise.all([a.close(), b.close()]);
  });

  it('answers a duplicated request once and keeps mutation ids consecutive', async () => {
    const { a, b } = await twoDevices();
    const story = await createStory(a.db, { title: 'One' });
    a.faults.chooser = () => ({ kind: 'duplicate' });
    await a.sync();
    await updateStory(a.db, story.id, { title: 'Two' });
    a.faults.chooser = () => ({ kind: 'replay-later', afterMs: 50 });
    await a.sync();
    await a.faults.settle();
    a.faults.chooser = () => ({ kind: 'ok' });
    await syncUntilQuiet([a, b]);
    expect((await b.db.stories.get(story.id))!.title).toBe('Two');
    await Promise.all([a.close(), b.close()]);
  });

  it('pulls 0, limit-1, limit, limit+1 and 10×limit changes, each row once, without looping', async () => {
    const limit = 20;
    for (const count of [0, limit - 1, limit, limit + 1, 10 * limit]) {
      const account = await createAccount(backend.http);
      const writer = await createDevice(backend.http, account, { pullPageSize: limit });
      const story = await createStory(writer.db, { title: `Count ${count}` });
      const category = await createCategory(writer.db, story.id, { title: 'All' });
      await addManyPrompts(writer.db, category.id, count);
      await writer.sync();
      const reader = await createDevice(backend.http, account, { pullPageSize: limit });
      const pulls: number[] = [];
      const ids: string[] = [];
      const pull = reader.transport.pull.bind(reader.transport);
      reader.transport.pull = async (request) => {
        const page = await pull(request);
        pulls.push(page.changes.length);
        ids.push(...page.changes.map((change) => change.row.id));
        return page;
      };
      await reader.sync();
      expect(await reader.db.prompts.count()).toBe(count);
      const total = count + 2; // the prompts, their story and category
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(pulls.length).toBe(Math.max(1, Math.ceil(total / limit)));
      await Promise.all([writer.close(), reader.close()]);
    }
  });

  it('resumes after a crash at any point with nothing lost or doubled', async () => {
    const { account, a, b } = await twoDevices();
    const story = await createStory(a.db, { title: 'Before crash' });
    // Crash after the local write, before push: nothing sent; the outbox survives.
    expect(await a.db.changes.count()).toBe(1);
    // Crash after the push, before the ack: the batch is remembered and resent with the same ids.
    const batch = await prepareBatch(a.db);
    a.faults.chooser = () => ({ kind: 'drop-reply' });
    await a.sync();
    const restarted = await a.restart();
    expect((await readSyncMeta(restarted.db.meta, 'inflight'))!.mutations[0]!.mid).toBe(
      batch!.mutations[0]!.mid,
    );
    await restarted.sync();
    expect(await restarted.db.changes.count()).toBe(0);
    expect(
      (await serverSnapshot(backend.adminUrl, account.userId)).stories[story.id],
    ).toMatchObject({ title: 'Before crash' });
    // Crash mid-pull: the first page is applied with its cursor, the second never arrives.
    const category = await createCategory(restarted.db, story.id, { title: 'Many' });
    for (let i = 0; i < 30; i++) await createPrompt(restarted.db, category.id, { title: `P${i}` });
    await restarted.sync();
    const reader = await createDevice(backend.http, account, { pullPageSize: 10 });
    let pages = 0;
    reader.faults.chooser = (url) =>
      url.includes('sync_pull') && ++pages === 2 ? { kind: 'offline' } : { kind: 'ok' };
    await reader.sync();
    const cursorAfterCrash = await readSyncMeta(reader.db.meta, 'pull_cursor');
    expect(cursorAfterCrash).toBeGreaterThan(0);
    expect(await reader.db.prompts.count()).toBeLessThan(30);
    reader.faults.chooser = () => ({ kind: 'ok' });
    const readerRestarted = await reader.restart();
    expect(await readSyncMeta(readerRestarted.db.meta, 'pull_cursor')).toBe(cursorAfterCrash);
    await syncUntilQuiet([restarted, b, readerRestarted]);
    expect(await readerRestarted.db.prompts.count()).toBe(30);
    expect(await deviceSnapshot(readerRestarted.db)).toEqual(
      await serverSnapshot(backend.adminUrl, account.userId),
    );
    await Promise.all([restarted.close(), b.close(), readerRestarted.close()]);
  });

  it('pushes a row created and deleted offline before its first sync', async () => {
    const { account, a, b } = await twoDevices();
    a.faults.offline = true;
    const story = await createStory(a.db, { title: 'Draft' });
    const category = await createCategory(a.db, story.id, { title: 'Temp' });
    const prompt = await createPrompt(a.db, category.id, { title: 'Gone soon' });
    await updatePrompt(a.db, prompt.id, { details: 'never mind' });
    await deletePrompt(a.db, prompt.id);
    expect(await a.sync()).toBe('offline');
    a.faults.offline = false;
    await syncUntilQuiet([a, b]);
    expect(await a.db.dead_letters.count()).toBe(0);
    const server = await serverSnapshot(backend.adminUrl, account.userId);
    expect(server.prompts[prompt.id]).toMatchObject({ deleted: true, details: 'never mind' });
    expect(await deviceSnapshot(b.db)).toEqual(server);
    await Promise.all([a.close(), b.close()]);
  });

  it('refreshes an expired session mid-batch and resumes', async () => {
    const { account, a, b } = await twoDevices();
    const story = await createStory(a.db, { title: 'Session' });
    const category = await createCategory(a.db, story.id, { title: 'C' });
    await addManyPrompts(a.db, category.id, 250);
    let pushes = 0;
    a.faults.chooser = (url) =>
      url.includes('sync_push') && ++pushes === 2
        ? { kind: 'status', status: 401 }
        : { kind: 'ok' };
    await a.sync();
    expect(a.engine.status$.value.phase).toBe('idle');
    expect(pushes).toBeGreaterThanOrEqual(4);
    await syncUntilQuiet([a, b]);
    expect(await deviceSnapshot(b.db)).toEqual(
      await serverSnapshot(backend.adminUrl, account.userId),
    );
    await Promise.all([a.close(), b.close()]);
  });

  it('uploads an import edited before its upload: inserts in order, then the edits, nothing lost', async () => {
    // Rows inserted together share outbox entries (50 rows each); editing or deleting some of
    // them before the first upload writes their inserts out in full, in their place.
    const { account, a, b } = await twoDevices();
    const story = await createStory(a.db, { title: 'Imported' });
    const category = await createCategory(a.db, story.id, { title: 'C' });
    await addManyPrompts(a.db, category.id, 130);
    const rows = await a.db.prompts.where('category_id').equals(category.id).sortBy('position');
    await updatePrompt(a.db, rows[0]!.id, { title: 'First, renamed' });
    await updatePrompt(a.db, rows[77]!.id, { details: 'Written after the import' });
    await deletePrompt(a.db, rows[129]!.id);
    const moved = await createCategory(a.db, story.id, { title: 'Later' });
    await movePrompt(a.db, rows[51]!.id, moved.id, 0);
    await syncUntilQuiet([a, b]);
    expect(await a.db.changes.count()).toBe(0);
    const pulled = async (index: number) => (await b.db.prompts.get(rows[index]!.id))!;
    expect((await pulled(0)).title).toBe('First, renamed');
    expect((await pulled(77)).details).toBe('Written after the import');
    expect((await pulled(129)).deleted).toBe(true);
    expect((await pulled(51)).category_id).toBe(moved.id);
    expect((await pulled(100)).title).toBe('Prompt 100');
    expect(await b.db.prompts.count()).toBe(130);
    expect(await deviceSnapshot(b.db)).toEqual(
      await serverSnapshot(backend.adminUrl, account.userId),
    );
    await Promise.all([a.close(), b.close()]);
  });

  it('stops mid-run without applying a late reply, and the next start finishes the job', async () => {
    const account = await createAccount(backend.http);
    const device = await createDevice(backend.http, account);
    await createStory(device.db, { title: 'Interrupted' });
    device.faults.chooser = () => ({ kind: 'delay', ms: 150 });
    const run = device.sync();
    device.engine.stop();
    await run;
    await device.faults.settle();
    expect(await device.db.changes.count()).toBe(1);
    const restarted = await device.restart();
    expect(await restarted.sync()).toBe('idle');
    expect(await restarted.db.changes.count()).toBe(0);
    expect(
      Object.values((await serverSnapshot(backend.adminUrl, account.userId)).stories),
    ).toHaveLength(1);
    await restarted.close();
  });
});
