// B13/B14 client side: the real sync engine (src/sync: SyncEngine over RpcSyncTransport and
// supabase-js) running in the page against the local stand-in. Every fetch supabase-js makes
// goes through a counting wrapper, so "requests issued" is measured, not assumed.
import { StoryPromptsDatabase } from '../../../../src/db/database';
import { updatePrompt } from '../../../../src/db/prompts-repository';
import { connectSupabase } from '../../../../src/remote/supabase-client';
import type { SupabaseConnection } from '../../../../src/remote/supabase-client';
import { pullAll } from '../../../../src/sync/pull';
import { RpcSyncTransport } from '../../../../src/sync/rpc-transport';
import { SyncEngine } from '../../../../src/sync/sync-engine';
import type { SyncTransport } from '../../../../src/sync/sync-transport';
import { mergeText } from '../../../../src/sync/text-merge';
import { deleteDatabase, quantile, recordLongTasks } from '../shared/measure';

const requests = new Map<string, number>();
const countingFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = new URL(url).pathname;
  requests.set(path, (requests.get(path) ?? 0) + 1);
  return fetch(input, init);
};
const requestCount = (suffix = '') =>
  [...requests].filter(([path]) => path.endsWith(suffix)).reduce((sum, [, n]) => sum + n, 0);

let connection: SupabaseConnection | null = null;
let server = { url: '', anonKey: '' };
let runs = 0;
/** The database the last initial sync filled; B14 edits it. */
let synced: { db: StoryPromptsDatabase; engine: SyncEngine } | null = null;

const memory = new Map<string, string>();
const memoryStorage = {
  getItem: (key: string) => memory.get(key) ?? null,
  setItem: (key: string, value: string) => void memory.set(key, value),
  removeItem: (key: string) => void memory.delete(key),
};

async function signIn(
  url: string,
  anonKey: string,
  email: string,
  password: string,
): Promise<void> {
  server = { url, anonKey };
  connection = connectSupabase({
    url,
    anonKey,
    fetch: countingFetch,
    storage: memoryStorage,
    storageKey: 'bench-auth',
  });
  const { error } = await connection.client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in failed: ${error.message}`);
}

function engineFor(db: StoryPromptsDatabase, transport: SyncTransport): SyncEngine {
  return new SyncEngine({
    db,
    transport,
    // No conflicts arise in these runs; the in-thread merge is the worker's function anyway.
    reconciler: { mergeText: async (base, ours, theirs) => mergeText(base, ours, theirs) },
  });
}

function heapSampler() {
  const memoryInfo = () =>
    (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
    NaN;
  let peak = memoryInfo();
  const timer = setInterval(() => (peak = Math.max(peak, memoryInfo())), 25);
  return () => {
    clearInterval(timer);
    return Math.max(peak, memoryInfo());
  };
}

export interface InitialSyncRun {
  ms: number;
  rows: number;
  requests: number;
  longTasks: number[];
  peakHeap: number;
  startHeap: number;
  /** Of `ms`, the time spent waiting for sync_pull replies (network, server, JSON parse). */
  pullWaitMs: number;
}

/** B13: a fresh device's first sync of everything on the server, through SyncEngine.syncNow(). */
async function initialSync(): Promise<InitialSyncRun> {
  if (synced) {
    synced.engine.stop();
    synced.db.close();
    await deleteDatabase(synced.db.name);
    synced = null;
  }
  const db = new StoryPromptsDatabase(`bench-sync-${++runs}`);
  await db.open();
  // Time spent waiting for pull replies, so the report can split network/server from apply.
  const transport = new RpcSyncTransport(connection!);
  let pullWaitMs = 0;
  const engine = engineFor(db, {
    push: (request) => transport.push(request),
    ackPull: (request) => transport.ackPull(request),
    pull: async (request) => {
      const start = performance.now();
      try {
        return await transport.pull(request);
      } finally {
        pullWaitMs += performance.now() - start;
      }
    },
  });
  const startHeap =
    (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
    NaN;
  const before = requestCount('/rpc/sync_pull');
  const peak = heapSampler();
  const recorder = recordLongTasks();
  const start = performance.now();
  await engine.syncNow();
  const ms = performance.now() - start;
  const longTasks = await recorder.stop();
  const status = engine.status$.value;
  if (status.phase !== 'idle')
    throw new Error(`initial sync ended in phase ${status.phase}: ${status.message}`);
  const rows =
    (await db.prompts.count()) + (await db.prompt_categories.count()) + (await db.stories.count());
  synced = { db, engine };
  return {
    ms,
    rows,
    requests: requestCount('/rpc/sync_pull') - before,
    longTasks,
    peakHeap: peak(),
    startHeap,
    pullWaitMs,
  };
}

/**
 * The naive baseline on the same server and the same apply code: one row per request
 * (pull with limit 1), stopped after `sampleRows` rows; the driver extrapolates its rate.
 */
async function naiveSync(sampleRows: number): Promise<{ ms: number; rows: number }> {
  const db = new StoryPromptsDatabase(`bench-naive-${++runs}`);
  await db.open();
  const transport = new RpcSyncTransport(connection!);
  let pulled = 0;
  const sampled: SyncTransport = {
    push: (request) => transport.push(request),
    ackPull: (request) => transport.ackPull(request),
    pull: async (request) => {
      const page = await transport.pull(request);
      pulled += page.changes.length;
      return pulled >= sampleRows ? { ...page, has_more: false } : page;
    },
  };
  try {
    const start = performance.now();
    const progress = await pullAll(db, sampled, () => {}, 1);
    return { ms: performance.now() - start, rows: progress.rows };
  } finally {
    db.close();
    await deleteDatabase(db.name);
  }
}

export interface EditRun {
  commitMs: number[];
  syncedMs: number[];
  burstPushRequests: number;
  burstAllRequests: number;
  burstCommitMs: number[];
  burstSyncMs: number;
  roundTripMs: number[];
}

/** B14 on the database the last initial sync filled: single edits, then a 50-edit burst. */
async function edits(singleEdits: number, burst: number): Promise<EditRun> {
  const { db, engine } = synced!;
  const ids = (await db.prompts.limit(burst + singleEdits).primaryKeys()) as string[];
  const commitMs: number[] = [];
  const syncedMs: number[] = [];
  const roundTripMs: number[] = [];
  for (let i = 0; i < singleEdits; i++) {
    const start = performance.now();
    await updatePrompt(db, ids[i]!, { title: `Edited ${i} ${Date.now()}` });
    const committed = performance.now();
    await engine.syncNow();
    const done = performance.now();
    if ((await db.changes.count()) !== 0) throw new Error('an edit was not pushed');
    commitMs.push(committed - start);
    syncedMs.push(done - start);
    // Baseline: one bare HTTP round trip to the same server, right after.
    const rt = performance.now();
    await fetch(`${server.url}/auth/v1/health`, { headers: { apikey: server.anonKey } }).then((r) =>
      r.arrayBuffer(),
    );
    roundTripMs.push(performance.now() - rt);
  }
  const pushesBefore = requestCount('/rpc/sync_push');
  const allBefore = requestCount();
  const burstCommitMs: number[] = [];
  for (let i = 0; i < burst; i++) {
    const start = performance.now();
    await updatePrompt(db, ids[singleEdits + i]!, { title: `Burst ${i} ${Date.now()}` });
    burstCommitMs.push(performance.now() - start);
  }
  const start = performance.now();
  await engine.syncNow();
  const burstSyncMs = performance.now() - start;
  if ((await db.changes.count()) !== 0) throw new Error('the burst was not pushed');
  return {
    commitMs,
    syncedMs,
    roundTripMs,
    burstCommitMs,
    burstSyncMs,
    burstPushRequests: requestCount('/rpc/sync_push') - pushesBefore,
    burstAllRequests: requestCount() - allBefore,
  };
}

const syncBench = {
  signIn,
  initialSync,
  naiveSync,
  edits,
  p95: (values: number[]) => quantile(values, 0.95),
};
export type SyncBench = typeof syncBench;
(globalThis as unknown as { syncBench: SyncBench }).syncBench = syncBench;
document.title = 'ready';
