// The engine's Reconciler backed by the worker pool: three-way text merges of long prompts run
// in a sync worker so a large merge never blocks typing. The merge is pure, so a crashed or
// timed-out worker is simply retried once.
import { WorkerPool } from '../../platform/worker-pool';
import type { Reconciler } from '../../sync/reconcile';
import type { TextMergeResult } from '../../sync/text-merge';
import type { SyncWorkerApi } from '../../../workers/sync.worker';

export interface PoolReconciler {
  reconciler: Reconciler;
  shutdown(): Promise<void>;
}

export function createPoolReconciler(): PoolReconciler {
  const pool = new WorkerPool<{ sync: SyncWorkerApi }>({
    kinds: {
      sync: {
        create: () =>
          new Worker(new URL('../../../workers/sync.worker.ts', import.meta.url), {
            type: 'module',
          }),
        size: 1,
      },
    },
  });
  return {
    reconciler: {
      // Comlink's Remote<> turns the union result into a union of promises: name it again.
      mergeText: (base, ours, theirs) =>
        pool.run<'sync', TextMergeResult>(
          'sync',
          (api) => api.mergeText(base, ours, theirs) as Promise<TextMergeResult>,
          { retries: 1 },
        ),
    },
    shutdown: () => pool.shutdown(),
  };
}
