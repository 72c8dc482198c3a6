import type { BenchRow } from './bench-row';
import { notRunRow } from './harness/stats';

export async function runSyncClientBenchmarks(_options: { benchOrigin: string; staticOrigin?: string; wants?: (id: string) => boolean }): Promise<BenchRow[]> {
  return [notRunRow('B?', 'sync-client', 'not written yet')];
}
