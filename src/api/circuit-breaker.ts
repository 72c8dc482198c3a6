// A circuit breaker in front of the model provider (seed appendix D, reworked): after
// `failureThreshold` consecutive failures it opens and refuses calls at once (a fast 503
// instead of every writer waiting for a dead provider); after `cooldownMs` it lets ONE probe
// through (half-open); the probe's success closes it, its failure re-opens it for another
// cool-down. Callers take a permit and report the outcome, so a streamed reply can count as
// a success only when the stream really finished.
import { ApiError } from './api-error';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerPermit {
  success(): void;
  failure(): void;
  /** Neither: the caller went away, so nothing was learned about the provider. */
  release(): void;
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    if (this.current === 'open' && this.cooledDown()) return 'half-open';
    return this.current;
  }

  /** A permit to call the provider, or an ApiError 503 upstream/unavailable while open. */
  acquire(): BreakerPermit {
    if (this.current === 'open') {
      if (!this.cooledDown()) throw this.openError();
      this.current = 'half-open';
    }
    if (this.current === 'half-open') {
      // Only one probe at a time: the others would hammer a provider that may still be down.
      if (this.probeInFlight) throw this.openError();
      this.probeInFlight = true;
      return this.permit(true);
    }
    return this.permit(false);
  }

  private permit(probe: boolean): BreakerPermit {
    let settled = false;
    const settle = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      if (probe) this.probeInFlight = false;
      if (ok) this.onSuccess();
      else this.onFailure(probe);
    };
    const release = (): void => {
      if (settled) return;
      settled = true;
      // A half-open probe whose caller left frees the slot; the next call probes instead.
      if (probe) this.probeInFlight = false;
    };
    return { success: () => settle(true), failure: () => settle(false), release };
  }

  private onSuccess(): void {
    this.failures = 0;
    this.current = 'closed';
  }

  private onFailure(probe: boolean): void {
    this.failures += 1;
    if (probe || this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }

  private cooledDown(): boolean {
    return this.now() - this.openedAt >= this.options.cooldownMs;
  }

  private openError(): ApiError {
    const remainingMs = Math.max(0, this.options.cooldownMs - (this.now() - this.openedAt));
    return new ApiError(
      503,
      'upstream/unavailable',
      'The AI provider is failing; chat is paused for a moment. Your message is not lost: try again shortly.',
      { retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) },
    );
  }
}
