// A short-lived helper of the search worker: builds index segments of a first build in parallel
// with it (src/search/search-segment-builder.ts), then is terminated.
import * as Comlink from 'comlink';
import { buildSegmentsJSON } from '../src/search/search-segment-builder';

export interface SearchBuilderApi {
  build: typeof buildSegmentsJSON;
}

const api: SearchBuilderApi = { build: buildSegmentsJSON };
Comlink.expose(api);
