// Sync reconciliation off the main thread: the three-way text merge behind the engine's
// `Reconciler`. Kept thin on purpose: the merge itself lives (and is tested) in src/sync.
import * as Comlink from 'comlink';
import { mergeText } from '../src/sync/text-merge';

const syncWorkerApi = { mergeText };

export type SyncWorkerApi = typeof syncWorkerApi;

Comlink.expose(syncWorkerApi);
