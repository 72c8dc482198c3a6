// The benchmark table's paired ratio: runs made side by side are compared with each other, so a
// slowdown from run to run (a backlog building up in the browser) does not decide the ratio.
import { describe, expect, it } from 'vitest';
import { median, medianPairedRatio } from '../../../scripts/bench/harness/stats';

describe('the median of paired ratios', () => {
  it('compares each run with the baseline run beside it', () => {
    // Every pair: ours 10% slower. Each run twice as slow as the one before.
    const baseline = [1_000, 2_000, 4_000, 8_000, 16_000];
    const ours = baseline.map((ms) => ms * 1.1);
    expect(medianPairedRatio(ours, baseline)).toBeCloseTo(1.1);
  });

  it('is not thrown off by a trend that moves the two medians apart', () => {
    // A B B A over a slowdown: the medians come from different runs (ours 1.5x), the pairs do not.
    const baseline = [2_400, 2_200, 3_000, 5_100, 5_400];
    const ours = [2_500, 2_300, 4_500, 4_800, 5_800];
    expect(median(ours) / median(baseline)).toBeCloseTo(1.5);
    expect(medianPairedRatio(ours, baseline)).toBeCloseTo(2_300 / 2_200, 4);
  });

  it('refuses runs that do not pair up', () => {
    expect(() => medianPairedRatio([1, 2], [1])).toThrow('same number of runs');
    expect(() => medianPairedRatio([], [])).toThrow('same number of runs');
  });
});
