// Request metrics per route, in memory (seed appendix E): count, server errors, client
// errors, average and p95 latency. Latency samples are a bounded ring per route so a busy
// server keeps constant memory; the p95 is over the most recent samples.
import { percentile } from '../lib/percentile';

export interface RouteMetrics {
  count: number;
  errors: number;
  error_rate: number;
  client_errors: number;
  avg_latency_ms: number;
  p95_latency_ms: number;
}

interface RouteStats {
  count: number;
  errors: number;
  clientErrors: number;
  totalLatencyMs: number;
  samples: number[];
  next: number;
}

const MAX_SAMPLES = 1_000;

export class RequestMetrics {
  private readonly routes = new Map<string, RouteStats>();
  private readonly startedAt = Date.now();

  record(route: string, status: number, latencyMs: number): void {
    let stats = this.routes.get(route);
    if (!stats) {
      stats = { count: 0, errors: 0, clientErrors: 0, totalLatencyMs: 0, samples: [], next: 0 };
      this.routes.set(route, stats);
    }
    stats.count += 1;
    if (status >= 500) stats.errors += 1;
    else if (status >= 400) stats.clientErrors += 1;
    stats.totalLatencyMs += latencyMs;
    if (stats.samples.length < MAX_SAMPLES) stats.samples.push(latencyMs);
    else stats.samples[stats.next] = latencyMs;
    stats.next = (stats.next + 1) % MAX_SAMPLES;
  }

  snapshot(): { since: string; routes: Record<string, RouteMetrics> } {
    const routes: Record<string, RouteMetrics> = {};
    for (const [route, stats] of [...this.routes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      routes[route] = {
        count: stats.count,
        errors: stats.errors,
        error_rate: round(stats.errors / stats.count, 4),
        client_errors: stats.clientErrors,
        avg_latency_ms: round(stats.totalLatencyMs / stats.count, 2),
        p95_latency_ms: round(percentile(stats.samples, 0.95), 2),
      };
    }
    return { since: new Date(this.startedAt).toISOString(), routes };
  }
}

export { percentile };

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
