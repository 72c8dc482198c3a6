import type { BenchRow } from './bench-row';
import { notRunRow } from './harness/stats';

export async function runBoardBenchmarks(_options: { appOrigin: string; staticOrigin?: string; wants?: (id: string) => boolean }): Promise<BenchRow[]> {
  return [notRunRow('B?', 'board', 'not written yet')];
}
