// Per-user adaptive rate limiting (the seed's appendix C idea, reworked): each caller has a
// token bucket; the bucket's size and refill rate are scaled by a health factor in (0, 1]
// computed from that caller's recent outcomes. When their requests start failing (5xx) or
// slowing beyond the target latency, the factor drops and they are backed off (429 with
// Retry-After); as healthy results come in and old ones age out of the window, the factor
// climbs back to 1. Latency is time to response headers, so a long streamed reply is not "slow".
import { ApiError } from './api-error';

export interface RateLimitOptions {
  /** Sustained allowance when healthy. */
  perMinute: number;
  /** Bucket size when healthy: how many requests may arrive at once. */
  burst: number;
  /** Above this share of failed requests the allowance shrinks in proportion. */
  maxErrorRate: number;
  /** Above this average latency the allowance shrinks in proportion. */
  targetLatencyMs: number;
  /** The allowance never drops below this share, so a caller can always recover. */
  minFactor: number;
  /** Outcomes older than this no longer count. */
  windowMs: number;
  /** Fewer outcomes than this in the window: too few to judge, treated as healthy. */
  minSamples: number;
}

interface Outcome {
  at: number;
  latencyMs: number;
  failed: boolean;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
  outcomes: Outcome[];
}

const MAX_OUTCOMES = 100;
const MAX_CALLERS = 10_000;

export class AdaptiveRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`, or throws 429 rate-limit/exceeded with a Retry-After. */
  take(key: string): void {
    const bucket = this.bucketFor(key);
    const factor = this.healthFactor(bucket);
    const capacity = Math.max(1, this.options.burst * factor);
    const perMs = (this.options.perMinute * factor) / 60_000;
    const at = this.now();
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.refilledAt) * perMs);
    bucket.refilledAt = at;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const waitMs = perMs > 0 ? (1 - bucket.tokens) / perMs : 60_000;
    throw new ApiError(
      429,
      'rate-limit/exceeded',
      'Too many requests: slow down and try again in a moment.',
      {
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      },
    );
  }

  record(key: string, latencyMs: number, failed: boolean): void {
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    bucket.outcomes.push({ at: this.now(), latencyMs, failed });
    if (bucket.outcomes.length > MAX_OUTCOMES) bucket.outcomes.shift();
  }

  /** The current allowance share of `key` (1 = healthy), for metrics and tests. */
  factorFor(key: string): number {
    const bucket = this.buckets.get(key);
    return bucket ? this.healthFactor(bucket) : 1;
  }

  private healthFactor(bucket: Bucket): number {
    const since = this.now() - this.options.windowMs;
    while (bucket.outcomes.length > 0 && bucket.outcomes[0]!.at < since) bucket.outcomes.shift();
    const recent = bucket.outcomes;
    if (recent.length < this.options.minSamples) return 1;
    const errorRate = recent.filter((outcome) => outcome.failed).length / recent.length;
    const latency = recent.reduce((sum, outcome) => sum + outcome.latencyMs, 0) / recent.length;
    let factor = 1;
    if (errorRate > this.options.maxErrorRate) factor *= this.options.maxErrorRate / errorRate;
    if (latency > this.options.targetLatencyMs) factor *= this.options.targetLatencyMs / latency;
    return Math.max(this.options.minFactor, factor);
  }

  private bucketFor(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket) {
      // Re-insert: Map order becomes least-recently-used first, for eviction below.
      this.buckets.delete(key);
    } else {
      bucket = { tokens: this.options.burst, refilledAt: this.now(), outcomes: [] };
      if (this.buckets.size >= MAX_CALLERS) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(key, bucket);
    return bucket;
  }
}
