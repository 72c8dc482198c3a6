// The engine's Reconciler backed by the app's worker pool: three-way text merges of long
// prompts run in the sync worker so a large merge never blocks typing. The merge is pure, so a
// crashed or timed-out worker is simply retried once.
import { appWorkerPool } from '../../platform/worker-pool-app';
import type { Reconciler } from '../../sync/reconcile';
import type { TextMergeResult } from '../../sync/text-merge';

export function createPoolReconciler(): Reconciler {
  return {
    // Comlink's Remote<> turns the union result into a union of promises: name it again.
    mergeText: (base, ours, theirs) =>
      appWorkerPool().run<'sync', TextMergeResult>(
        'sync',
        (api) => api.mergeText(base, ours, theirs) as Promise<TextMergeResult>,
        { retries: 1 },
      ),
  };
}
