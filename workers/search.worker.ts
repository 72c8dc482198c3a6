// The search worker: a thin Comlink entry. Everything it does lives in src/search (indexes that
// follow IndexedDB, persist themselves and answer queries); the main thread talks to it only
// through the worker pool and src/platform/search-client.ts.
import * as Comlink from 'comlink';
import { createSearchService } from '../src/search/search-service';
import type { SearchWorkerApi } from '../src/search/search-types';

export type { SearchWorkerApi };

const api: SearchWorkerApi = createSearchService();
Comlink.expose(api);
