// B8 comparison: the search worker without its segment-building helper (everything built in
// the one worker), to show in the same run what the helper saves.
import * as Comlink from 'comlink';
import { createSearchService } from '../../../src/search/search-service';

Comlink.expose(createSearchService());
