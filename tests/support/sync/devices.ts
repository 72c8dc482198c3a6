// Simulated devices for sync tests: each is its own Dexie database (fake-indexeddb), its own
// supabase-js client signed in over real HTTP to the local Supabase stand-in, a fault-injecting
// fetch, fake timers for backoff, and the real SyncEngine.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { setClock } from '../../../src/db/clock';
import { StoryPromptsDatabase } from '../../../src/db/database';
import { HlcClock } from '../../../src/domain/hlc';
import { positionsAfter } from '../../../src/domain/ordering';
import { insertRows } from '../../../src/db/write-rows';
import { connectSupabase } from '../../../src/remote/supabase-client';
import type { SupabaseConnection } from '../../../src/remote/supabase-client';
import { RpcSyncTransport } from '../../../src/sync/rpc-transport';
import { SyncEngine } from '../../../src/sync/sync-engine';
import { readSyncMeta } from '../../../src/sync/sync-meta';
import { mergeText } from '../../../src/sync/text-merge';
import { FaultyFetch } from './faulty-fetch';
import { ManualTimers } from './manual-timers';

export interface Backend {
  url: string;
  anonKey: string;
}

export interface Account {
  email: string;
  password: string;
  userId: string;
}

export interface SimDevice {
  name: string;
  db: StoryPromptsDatabase;
  engine: SyncEngine;
  faults: FaultyFetch;
  timers: ManualTimers;
  connection: SupabaseConnection;
  transport: RpcSyncTransport;
  /** Runs one sync and returns the phase it ended in. */
  sync(): Promise<string>;
  /** Simulates an app restart: a new engine and client on the same (persisted) database. */
  restart(): Promise<SimDevice>;
  close(): Promise<void>;
}

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

export async function createAccount(backend: Backend, label = 'writer'): Promise<Account> {
  const email = `${label}-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const connection = connectSupabase({
    ...backend,
    storage: memoryStorage(),
    realtimeTransport: WebSocket,
  });
  const { data, error } = await connection.client.auth.signUp({ email, password });
  if (error || !data.user) throw new Error(`sign up failed: ${error?.message}`);
  await connection.client.auth.signOut();
  return { email, password, userId: data.user.id };
}

export interface DeviceOptions {
  name?: string;
  /** This device's wall clock (for clock-skew tests). */
  now?: () => number;
  transportTimeoutMs?: number;
  pullPageSize?: number;
  /** Reopen an existing device database (restart) instead of a new one. */
  databaseName?: string;
}

export async function createDevice(
  backend: Backend,
  account: Account,
  options: DeviceOptions = {},
): Promise<SimDevice> {
  const name = options.name ?? `device-${randomUUID().slice(0, 6)}`;
  const databaseName = options.databaseName ?? `${name}-${randomUUID()}`;
  const db = new StoryPromptsDatabase(databaseName);
  if (options.now)
    setClock(db, new HlcClock({ node: `${name}-${randomUUID().slice(0, 4)}`, now: options.now }));
  const faults = new FaultyFetch();
  const connection = connectSupabase({
    ...backend,
    fetch: faults.fetch,
    storage: memoryStorage(),
    storageKey: `auth-${name}`,
    realtimeTransport: WebSocket,
  });
  const { error } = await connection.client.auth.signInWithPassword({
    email: account.email,
    password: account.password,
  });
  if (error) throw new Error(`sign in failed: ${error.message}`);
  await connection.client.auth.stopAutoRefresh();
  const timers = new ManualTimers(options.now?.() ?? Date.now());
  const transport = new RpcSyncTransport(connection, options.transportTimeoutMs ?? 2_000);
  const engine = new SyncEngine({
    db,
    transport,
    reconciler: { mergeText: async (base, ours, theirs) => mergeText(base, ours, theirs) },
    refreshSession: async () => !(await connection.client.auth.refreshSession()).error,
    isOnline: () => !faults.offline,
    timers,
    pullPageSize: options.pullPageSize,
  });
  return {
    name,
    db,
    engine,
    faults,
    timers,
    connection,
    transport,
    async sync() {
      await engine.syncNow();
      return engine.status$.value.phase;
    },
    async restart() {
      engine.stop();
      await faults.settle();
      db.close();
      return createDevice(backend, account, { ...options, name, databaseName });
    },
    async close() {
      engine.stop();
      await faults.settle();
      db.close();
      await db.delete();
    },
  };
}

/**
 * Syncs every device in turn until a round ends with every outbox empty and every device at the
 * same pull cursor (so nobody pushed after anybody else pulled).
 */
export async function syncUntilQuiet(devices: readonly SimDevice[], maxRounds = 12): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    for (const device of devices) {
      device.engine.breaker.probeNow();
      const phase = await device.sync();
      if (phase === 'error')
        throw new Error(`${device.name}: ${device.engine.status$.value.message}`);
    }
    const outboxes = await Promise.all(devices.map((device) => device.db.changes.count()));
    const cursors = await Promise.all(
      devices.map((device) => readSyncMeta(device.db.meta, 'pull_cursor')),
    );
    if (outboxes.every((n) => n === 0) && cursors.every((cursor) => cursor === cursors[0])) return;
  }
  throw new Error('devices did not settle');
}

/** Creates `count` prompts in one transaction (as an import does), for tests needing many rows. */
export async function addManyPrompts(
  db: StoryPromptsDatabase,
  categoryId: string,
  count: number,
): Promise<void> {
  const category = await db.prompt_categories.get(categoryId);
  if (!category) throw new Error('no such category');
  const now = new Date().toISOString();
  const positions = positionsAfter(null, count);
  await insertRows(
    db,
    'prompts',
    positions.map((position, index) => ({
      id: randomUUID(),
      created_at: now,
      updated_at: now,
      deleted: false,
      story_id: category.story_id,
      category_id: categoryId,
      title: `Prompt ${index}`,
      details: '',
      action_steps: [],
      files: [],
      tags: [],
      position,
    })),
  );
}
