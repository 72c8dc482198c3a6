import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/sync/circuit-breaker';

function breakerAt(random = 0.999) {
  let now = 0;
  const breaker = new CircuitBreaker({
    now: () => now,
    random: () => random,
    baseDelayMs: 1_000,
    maxDelayMs: 300_000,
  });
  return { breaker, advance: (ms: number) => (now += ms) };
}

describe('circuit breaker', () => {
  it('opens after five consecutive transient failures and waits before the next attempt', () => {
    const { breaker } = breakerAt();
    for (let i = 0; i < 4; i++) breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.canAttempt()).toBe(false);
  });

  it('grows the delay exponentially up to five minutes', () => {
    const { breaker } = breakerAt();
    const delays = Array.from({ length: 12 }, () => breaker.recordFailure());
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(300_000);
    expect(delays.at(-1)).toBeGreaterThan(200_000);
  });

  it('uses full jitter: the delay is random between zero and the cap', () => {
    const low = breakerAt(0).breaker.recordFailure();
    const high = breakerAt(0.999).breaker.recordFailure();
    expect(low).toBeLessThan(high);
  });

  it('honours Retry-After when it is longer than the backoff', () => {
    const { breaker } = breakerAt(0);
    expect(breaker.recordFailure(30_000)).toBe(30_000);
  });

  it('goes half-open after the delay and closes on a successful probe', () => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 5; i++) breaker.recordFailure();
    advance(breaker.delayUntilNextAttempt());
    expect(breaker.state).toBe('half-open');
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it('re-opens when the half-open probe fails', () => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 5; i++) breaker.recordFailure();
    advance(breaker.delayUntilNextAttempt());
    expect(breaker.state).toBe('half-open');
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
  });

  it('lets the online event probe at once', () => {
    const { breaker } = breakerAt();
    for (let i = 0; i < 5; i++) breaker.recordFailure();
    breaker.probeNow();
    expect(breaker.canAttempt()).toBe(true);
  });
});
