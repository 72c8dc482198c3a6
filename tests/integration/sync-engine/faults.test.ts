// sync.md scenario 14: server faults (500, 503, 429 with Retry-After, timeouts, down for
// minutes): the circuit opens, the request rate stays bounded, and sync recovers by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../../src/db/stories-repository';
import { startSyncBackend } from '../../support/sync/backend';
import type { SyncBackend } from '../../support/sync/backend';
import { createAccount, createDevice } from '../../support/sync/devices';
import type { SimDevice } from '../../support/sync/devices';
import type { Fault } from '../../support/sync/faulty-fetch';

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(async () => {
  await backend?.stop();
});

/** Advances the device's fake clock in steps, letting each due retry finish. */
async function runFor(device: SimDevice, totalMs: number, stepMs = 1_000) {
  for (let elapsed = 0; elapsed < totalMs; elapsed += stepMs) {
    device.timers.advance(stepMs);
    await device.engine.idle();
  }
}

const rpcCalls = (device: SimDevice) => device.faults.log.length;

describe('server faults', () => {
  const outages: [string, Fault][] = [
    ['500', { kind: 'status', status: 500 }],
    ['503', { kind: 'status', status: 503 }],
    ['a timeout', { kind: 'hang' }],
  ];
  for (const [label, fault] of outages) {
    it(`backs off on ${label}, opens the circuit, and recovers without the writer doing anything`, async () => {
      const account = await createAccount(backend.http);
      const device = await createDevice(backend.http, account, { transportTimeoutMs: 200 });
      await createStory(device.db, { title: 'Waiting' });
      device.faults.chooser = () => fault;
      await device.sync();
      expect(device.engine.status$.value.phase).toBe('backing-off');
      expect(device.engine.status$.value.nextRetryAt).not.toBeNull();
      await runFor(device, 10 * 60_000, 5_000); // down for ten minutes
      expect(device.engine.breaker.state).not.toBe('closed');
      // Exponential backoff up to 5 minutes: a handful of attempts, not one per second.
      expect(rpcCalls(device)).toBeLessThanOrEqual(15);
      device.faults.chooser = () => ({ kind: 'ok' });
      await runFor(device, 6 * 60_000, 5_000);
      expect(device.engine.status$.value.phase).toBe('idle');
      expect(await device.db.changes.count()).toBe(0);
      expect(device.engine.breaker.state).toBe('closed');
      await device.close();
    });
  }

  it('waits at least as long as Retry-After on 429', async () => {
    const account = await createAccount(backend.http);
    const device = await createDevice(backend.http, account);
    await createStory(device.db, { title: 'Slow down' });
    device.faults.chooser = () => ({ kind: 'status', status: 429, retryAfterSeconds: 120 });
    await device.sync();
    const status = device.engine.status$.value;
    expect(status.phase).toBe('backing-off');
    expect(status.nextRetryAt! - device.timers.now()).toBeGreaterThanOrEqual(120_000);
    device.faults.chooser = () => ({ kind: 'ok' });
    await runFor(device, 119_000);
    expect(await device.db.changes.count()).toBe(1);
    await runFor(device, 2_000);
    expect(await device.db.changes.count()).toBe(0);
    await device.close();
  });

  it('probes at once when the network comes back', async () => {
    const account = await createAccount(backend.http);
    const device = await createDevice(backend.http, account);
    await createStory(device.db, { title: 'Offline' });
    device.faults.chooser = () => ({ kind: 'offline' });
    for (let i = 0; i < 6; i++) {
      device.engine.breaker.probeNow();
      await device.sync();
    }
    expect(device.engine.breaker.state).toBe('open');
    device.faults.chooser = () => ({ kind: 'ok' });
    await device.engine.onOnline();
    expect(device.engine.status$.value.phase).toBe('idle');
    expect(await device.db.changes.count()).toBe(0);
    await device.close();
  });

  it('refuses an invalid reply without changing anything locally', async () => {
    const account = await createAccount(backend.http);
    const device = await createDevice(backend.http, account);
    await createStory(device.db, { title: 'Kept' });
    const push = device.transport.push.bind(device.transport);
    device.transport.push = async () => ({ nonsense: true }) as never;
    await device.sync();
    expect(device.engine.status$.value).toMatchObject({ phase: 'error' });
    expect(device.engine.status$.value.message).toContain('unexpected');
    expect(await device.db.changes.count()).toBe(1);
    device.transport.push = push;
    await device.sync();
    expect(await device.db.changes.count()).toBe(0);
    await device.close();
  });
});
