// One call to the provider: an AbortController fed by the client's disconnect and by our
// own deadline (time to headers, then the idle time between streamed chunks), plus the
// breaker permit. `fail` classifies whatever was thrown, settles the permit accordingly and
// returns the ApiError to answer with.
// The idle deadline is one timer per call, not one per chunk: `touch` only notes the time,
// and the timer, when it fires, re-arms itself for the rest of the window if the provider
// spoke in the meantime (a streamed reply may have hundreds of chunks per second).
import type { BreakerPermit } from './circuit-breaker';
import { classifyUpstreamError } from './upstream-errors';
import type { ApiError } from './api-error';

export class UpstreamCall {
  readonly controller = new AbortController();
  private why: 'timeout' | 'client' | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private windowMs = 0;
  private lastHeardAt = 0;

  constructor(
    private readonly permit: BreakerPermit,
    clientSignal: AbortSignal | undefined,
  ) {
    if (clientSignal?.aborted) this.abort('client');
    clientSignal?.addEventListener('abort', () => this.abort('client'), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get clientGone(): boolean {
    return this.why === 'client';
  }

  /** (Re)starts the deadline: nothing from the provider for `ms` aborts the call as a timeout. */
  arm(ms: number): void {
    clearTimeout(this.timer);
    this.windowMs = ms;
    this.lastHeardAt = performance.now();
    this.timer = setTimeout(this.expire, ms);
  }

  /** The provider sent something: the armed window starts again from now. */
  touch(): void {
    this.lastHeardAt = performance.now();
  }

  abort(why: 'timeout' | 'client'): void {
    if (this.controller.signal.aborted) return;
    this.why = why;
    clearTimeout(this.timer);
    this.controller.abort(why);
  }

  succeed(): void {
    clearTimeout(this.timer);
    this.permit.success();
  }

  fail(error: unknown): ApiError {
    clearTimeout(this.timer);
    const failure = classifyUpstreamError(error, this.why);
    if (failure.health === true) this.permit.failure();
    else if (failure.health === false) this.permit.success();
    else this.permit.release();
    return failure.error;
  }

  private readonly expire = (): void => {
    const quietMs = performance.now() - this.lastHeardAt;
    if (quietMs >= this.windowMs) this.abort('timeout');
    else this.timer = setTimeout(this.expire, this.windowMs - quietMs);
  };
}
