// Statistics and row building shared by the Node side of the benchmarks.
import type { BenchRow } from '../bench-row';

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The median of `ours[i] / baseline[i]` over runs made side by side. When every run is slower
 * than the one before (a backlog building up in the browser), the two medians can come from
 * runs far apart; each pair's ratio compares runs made under the same conditions.
 */
export function medianPairedRatio(ours: readonly number[], baseline: readonly number[]): number {
  if (ours.length !== baseline.length || ours.length === 0)
    throw new Error('Paired ratios need the same number of runs on each side.');
  return median(ours.map((value, index) => value / baseline[index]!));
}

export function benchRow(
  id: string,
  what: string,
  metric: string,
  value: number,
  baseline: number | null,
  target: string,
  pass: boolean | null,
): BenchRow {
  return {
    id,
    what,
    metric,
    value: round(value, 3),
    baseline: baseline === null ? null : round(baseline, 3),
    ratio: baseline ? round(value / baseline, 3) : null,
    target,
    pass,
  };
}

/** A benchmark that could not run: one honest row instead of a silently missing figure. */
export function notRunRow(id: string, what: string, reason: string): BenchRow {
  return {
    id,
    what: `${what}: NOT RUN (${reason})`,
    metric: '—',
    value: NaN,
    baseline: null,
    ratio: null,
    target: '—',
    pass: null,
  };
}
