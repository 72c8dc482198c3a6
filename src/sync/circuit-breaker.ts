// Circuit breaker with exponential backoff and full jitter, all time injected.
//
// closed: requests flow. Each transient failure (network, 5xx, 429, timeout) counts; after
//   `failureThreshold` in a row the circuit opens.
// open: no requests until the backoff delay passes (or Retry-After, whichever is longer);
//   then half-open.
// half-open: exactly one probe request; success closes the circuit, failure re-opens it with
//   a longer delay. An `online` event probes at once (`probeNow`).
// Before the circuit opens, failed attempts still wait a jittered backoff, so the request rate
// stays bounded while the server is down: at most one request per delay window.

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  random?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private attempt = 0;
  private openedUntil = 0;
  private stateValue: CircuitState = 'closed';
  private readonly threshold: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 300_000;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  get state(): CircuitState {
    if (this.stateValue === 'open' && this.now() >= this.openedUntil) this.stateValue = 'half-open';
    return this.stateValue;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Milliseconds until the next request may go; 0 when it may go now. */
  delayUntilNextAttempt(): number {
    return Math.max(0, this.openedUntil - this.now());
  }

  canAttempt(): boolean {
    return this.delayUntilNextAttempt() === 0;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.attempt = 0;
    this.openedUntil = 0;
    this.stateValue = 'closed';
  }

  /** Records a transient failure; returns the wait before the next attempt. */
  recordFailure(retryAfterMs: number | null = null): number {
    this.failures += 1;
    const exponential = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** this.attempt);
    this.attempt += 1;
    const jittered = Math.floor(this.random() * exponential);
    const delay = Math.min(this.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0, 250));
    this.openedUntil = this.now() + delay;
    if (this.failures >= this.threshold || this.stateValue === 'half-open')
      this.stateValue = 'open';
    return delay;
  }

  /** The network came back: allow one probe right away instead of waiting out the delay. */
  probeNow(): void {
    this.openedUntil = this.now();
  }
}
