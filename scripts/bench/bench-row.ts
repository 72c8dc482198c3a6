// One line of the benchmark table: a measured value, its same-run baseline (when there is one),
// value / baseline, the target from design/benchmarks.md, and whether the target was met
// (null when the target is "record" only).
export interface BenchRow {
  id: string;
  what: string;
  metric: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
}
