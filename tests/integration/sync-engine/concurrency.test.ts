// sync.md scenarios 7 (concurrent scalar edits), 8 (concurrent text edits), 9 (edit vs delete,
// both orders), 10 (clock skew ±1 h and +10 days).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt, deletePrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { clockFor } from '../../../src/db/clock';
import { compareHlc } from '../../../src/domain/hlc';
import { startSyncBackend } from '../../support/sync/backend';
import type { SyncBackend } from '../../support/sync/backend';
import { createAccount, createDevice, syncUntilQuiet } from '../../support/sync/devices';
import type { DeviceOptions, SimDevice } from '../../support/sync/devices';
import { deviceSnapshot, serverSnapshot } from '../../support/sync/server-state';

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(async () => {
  await backend?.stop();
});

async function devicesWithPrompt(count: number, options: DeviceOptions[] = []) {
  const account = await createAccount(backend.http);
  const devices: SimDevice[] = [];
  for (let i = 0; i < count; i++)
    devices.push(await createDevice(backend.http, account, { name: `d${i}`, ...options[i] }));
  const story = await createStory(devices[0]!.db, {
    title: 'Shared',
    synopsis: 'one\ntwo\nthree\nfour\nfive\n',
  });
  const category = await createCategory(devices[0]!.db, story.id, { title: 'Scenes' });
  const prompt = await createPrompt(devices[0]!.db, category.id, {
    title: 'Opening',
    details: 'a\nb\nc\nd\ne\n',
  });
  await syncUntilQuiet(devices);
  return { account, devices, story, prompt };
}

async function expectConverged(devices: SimDevice[], userId: string) {
  const server = await serverSnapshot(backend.adminUrl, userId);
  for (const device of devices) {
    expect(await device.db.changes.count()).toBe(0);
    expect(await deviceSnapshot(device.db)).toEqual(server);
  }
  return server;
}

const closeAll = (devices: SimDevice[]) => Promise.all(devices.map((device) => device.close()));

describe('concurrent edits', () => {
  for (const count of [2, 3, 5]) {
    it(`keeps the highest clock on ${count} devices and every other value as a conflict`, async () => {
      const { account, devices, prompt } = await devicesWithPrompt(count);
      const stamps: { title: string; hlc: string }[] = [];
      for (const [index, device] of devices.entries()) {
        device.faults.offline = true;
        const title = `Title from ${device.name}`;
        await updatePrompt(device.db, prompt.id, { title });
        const [entry] = await device.db.changes.toArray();
        stamps.push({ title, hlc: entry!.fields.title!.hlc });
        if (index % 2) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      for (const device of devices) device.faults.offline = false;
      await syncUntilQuiet(devices);
      const server = await expectConverged(devices, account.userId);
      const winner = [...stamps].sort((a, b) => compareHlc(b.hlc, a.hlc))[0]!;
      expect(server.prompts[prompt.id]!.title).toBe(winner.title);
      const conflicts = Object.values(server.sync_conflicts).filter(
        (c) => c.row_id === prompt.id && c.field === 'title',
      );
      expect(conflicts.map((c) => c.loser_value).sort()).toEqual(
        stamps
          .filter((s) => s !== winner)
          .map((s) => s.title)
          .sort(),
      );
      await closeAll(devices);
    });
  }

  it('merges text edits on different lines and keeps both texts when lines overlap', async () => {
    const { account, devices, prompt, story } = await devicesWithPrompt(2);
    const [a, b] = devices as [SimDevice, SimDevice];
    a.faults.offline = b.faults.offline = true;
    await updatePrompt(a.db, prompt.id, { details: 'A\nb\nc\nd\ne\n' });
    await updatePrompt(b.db, prompt.id, { details: 'a\nb\nc\nd\nE\n' });
    await updateStory(a.db, story.id, { synopsis: 'one\ntwo\nTHREE (a)\nfour\nfive\n' });
    await updateStory(b.db, story.id, { synopsis: 'one\ntwo\nTHREE (b)\nfour\nfive\n' });
    a.faults.offline = b.faults.offline = false;
    await syncUntilQuiet(devices);
    const server = await expectConverged(devices, account.userId);
    expect(server.prompts[prompt.id]!.details).toBe('A\nb\nc\nd\nE\n');
    const open = Object.values(server.sync_conflicts).filter((c) => !c.resolved);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ entity: 'stories', field: 'synopsis', kind: 'text_overlap' });
    expect([open[0]!.winner_value, open[0]!.loser_value].sort()).toEqual([
      'one\ntwo\nTHREE (a)\nfour\nfive\n',
      'one\ntwo\nTHREE (b)\nfour\nfive\n',
    ]);
    await closeAll(devices);
  });

  for (const order of ['delete first', 'edit first'] as const) {
    it(`keeps an edit made while another device deleted the row (${order})`, async () => {
      const { account, devices, prompt } = await devicesWithPrompt(2);
      const [deleter, editor] = devices as [SimDevice, SimDevice];
      deleter.faults.offline = editor.faults.offline = true;
      await deletePrompt(deleter.db, prompt.id);
      await updatePrompt(editor.db, prompt.id, { title: 'Edited while deleted' });
      deleter.faults.offline = editor.faults.offline = false;
      await syncUntilQuiet(order === 'delete first' ? [deleter, editor] : [editor, deleter]);
      const server = await expectConverged(devices, account.userId);
      expect(server.prompts[prompt.id]).toMatchObject({
        deleted: true,
        title: 'Edited while deleted',
      });
      const conflict = Object.values(server.sync_conflicts).find(
        (c) => c.kind === 'edit_vs_delete',
      );
      expect(conflict).toMatchObject({ row_id: prompt.id, resolved: false });
      await closeAll(devices);
    });
  }

  for (const [label, skewMs] of [
    ['an hour behind', -3_600_000],
    ['an hour ahead', 3_600_000],
    ['ten days ahead', 10 * 86_400_000],
  ] as const) {
    it(`keeps syncing with a device clock ${label}, dropping nothing`, async () => {
      const skewed = { now: () => Date.now() + skewMs };
      const { account, devices, prompt, story } = await devicesWithPrompt(2, [{}, skewed]);
      const [normal, skewedDevice] = devices as [SimDevice, SimDevice];
      await updatePrompt(skewedDevice.db, prompt.id, { title: 'From the skewed clock' });
      await updateStory(skewedDevice.db, story.id, { genre: 'Skewed genre' });
      await syncUntilQuiet(devices);
      expect(
        (await serverSnapshot(backend.adminUrl, account.userId)).stories[story.id]!.genre,
      ).toBe('Skewed genre');
      if (skewMs > 86_400_000) {
        // Refused as too far ahead, the device re-stamped from the server's clock.
        expect(Math.abs(clockFor(skewedDevice.db).offsetMs + skewMs)).toBeLessThan(60_000);
      }
      // A later sequential edit on the normal device still applies.
      await updatePrompt(normal.db, prompt.id, { title: 'Later, from the normal clock' });
      await syncUntilQuiet(devices);
      const server = await expectConverged(devices, account.userId);
      expect(server.prompts[prompt.id]!.title).toBe('Later, from the normal clock');
      // Concurrent edits: whichever wins, the other value is kept as a conflict.
      normal.faults.offline = skewedDevice.faults.offline = true;
      await updatePrompt(normal.db, prompt.id, { title: 'N' });
      await updatePrompt(skewedDevice.db, prompt.id, { title: 'S' });
      normal.faults.offline = skewedDevice.faults.offline = false;
      await syncUntilQuiet(devices);
      const after = await expectConverged(devices, account.userId);
      const kept = [
        after.prompts[prompt.id]!.title,
        ...Object.values(after.sync_conflicts).map((c) => c.loser_value),
      ];
      expect(kept).toEqual(expect.arrayContaining(['N', 'S']));
      await closeAll(devices);
    });
  }
});
