// The app's one worker pool. Each kind of worker is created with a literal
// `new Worker(new URL(...), { type: 'module' })` so Vite bundles the worker as its own chunk.
// Workers start only when a task of their kind first runs.
import type { SearchWorkerApi } from '../../workers/search.worker';
import type { SyncWorkerApi } from '../../workers/sync.worker';
import { WorkerPool } from './worker-pool';
import { defaultPoolSize } from './worker-pool-size';

export interface AppWorkerApis extends Record<string, object> {
  search: SearchWorkerApi;
  /** Sync reconciliation (three-way text merges): one worker is plenty. */
  sync: SyncWorkerApi;
}

let pool: WorkerPool<AppWorkerApis> | null = null;

export function appWorkerPool(): WorkerPool<AppWorkerApis> {
  pool ??= new WorkerPool<AppWorkerApis>({
    kinds: {
      search: {
        // Two shards (library, messages): more search workers than shards would sit idle.
        size: Math.min(2, defaultPoolSize()),
        create: () =>
          new Worker(new URL('../../workers/search.worker.ts', import.meta.url), {
            type: 'module',
            name: 'search',
          }),
      },
      sync: {
        size: 1,
        create: () =>
          new Worker(new URL('../../workers/sync.worker.ts', import.meta.url), {
            type: 'module',
            name: 'sync',
          }),
      },
    },
  });
  return pool;
}

/** Ends every worker (page teardown, tests); the next appWorkerPool() starts a new pool. */
export async function shutdownAppWorkerPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.shutdown();
}
