// The search worker: a thin Comlink entry. Everything it does lives in src/search (indexes that
// follow IndexedDB, persist themselves and answer queries); the main thread talks to it only
// through the worker pool and src/platform/search-client.ts. First builds hand the older half of
// their segments to a short-lived helper worker (search-builder.worker.ts), one per build.
import * as Comlink from 'comlink';
import { createSearchService } from '../src/search/search-service';
import type { SegmentBuilder } from '../src/search/search-segment-builder';
import type { SearchWorkerApi } from '../src/search/search-types';
import type { SearchBuilderApi } from './search-builder.worker';

export type { SearchWorkerApi };

const segmentBuilder: SegmentBuilder = {
  async build(shard, groups) {
    const worker = new Worker(new URL('./search-builder.worker.ts', import.meta.url), {
      type: 'module',
      name: 'search-builder',
    });
    try {
      // A helper that fails to load or throws reports an error event, never a reply.
      const failed = new Promise<never>((_, reject) =>
        worker.addEventListener('error', (event) => reject(new Error(event.message))),
      );
      return await Promise.race([
        Comlink.wrap<SearchBuilderApi>(worker).build(shard, groups),
        failed,
      ]);
    } finally {
      worker.terminate();
    }
  },
};

const api: SearchWorkerApi = createSearchService({ segmentBuilder });
Comlink.expose(api);
