// The app's own metrics for the Diagnostics page, in memory for this tab: per operation (sync
// run, search query, chat reply) a count, failures, average and p95 latency over a bounded ring
// of recent samples, and a short log of recent errors. Nothing here holds what the writer
// wrote: callers pass operation names, durations and error messages only.
import { percentile } from './percentile';

export interface TimingSummary {
  count: number;
  errors: number;
  avgMs: number;
  p95Ms: number;
}

export interface LoggedError {
  at: number;
  source: string;
  message: string;
}

export interface MetricsSnapshot {
  since: number;
  timings: Record<string, TimingSummary>;
  errors: LoggedError[];
}

const SAMPLES_PER_NAME = 500;
const ERRORS_KEPT = 50;

interface Series {
  count: number;
  errors: number;
  totalMs: number;
  samples: number[];
  next: number;
}

export class AppMetrics {
  private readonly series = new Map<string, Series>();
  private errors: LoggedError[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly since = Date.now();
  /** The last snapshot, kept until something changes (a stable value for React to compare). */
  private cached: MetricsSnapshot | null = null;

  /** One finished operation: how long it took and whether it succeeded. */
  recordTiming(name: string, ms: number, ok = true): void {
    let series = this.series.get(name);
    if (!series)
      this.series.set(name, (series = { count: 0, errors: 0, totalMs: 0, samples: [], next: 0 }));
    series.count += 1;
    if (!ok) series.errors += 1;
    series.totalMs += ms;
    // A ring: memory stays constant however long the tab stays open.
    if (series.samples.length < SAMPLES_PER_NAME) series.samples.push(ms);
    else series.samples[series.next] = ms;
    series.next = (series.next + 1) % SAMPLES_PER_NAME;
    this.notify();
  }

  recordError(source: string, message: string): void {
    this.errors = [{ at: Date.now(), source, message }, ...this.errors].slice(0, ERRORS_KEPT);
    this.notify();
  }

  snapshot = (): MetricsSnapshot => {
    if (this.cached) return this.cached;
    const timings: Record<string, TimingSummary> = {};
    for (const [name, series] of this.series) {
      timings[name] = {
        count: series.count,
        errors: series.errors,
        avgMs: series.totalMs / series.count,
        p95Ms: percentile(series.samples, 0.95),
      };
    }
    this.cached = { since: this.since, timings, errors: [...this.errors] };
    return this.cached;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    this.cached = null;
    for (const listener of this.listeners) listener();
  }
}

/** This tab's metrics. */
export const appMetrics = new AppMetrics();

/** Times `work` as one `name` operation (a rejection counts as a failure and is rethrown). */
export async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await work();
    appMetrics.recordTiming(name, performance.now() - started, true);
    return result;
  } catch (error) {
    appMetrics.recordTiming(name, performance.now() - started, false);
    throw error;
  }
}
