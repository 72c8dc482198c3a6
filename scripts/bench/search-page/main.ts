// The search benchmark page: exposes the browser-side cases to the Node driver.
import { roundTrips } from './bench-roundtrip';
import { browserInfo, buildRun, editRun, restoreRun, seed, typeRun } from './bench-search';

Object.assign(globalThis, {
  searchBench: { seed, buildRun, restoreRun, typeRun, editRun, roundTrips, browserInfo },
});
document.title = 'ready';
