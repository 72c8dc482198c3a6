// Per-route metrics (every request, whatever its outcome) and the per-caller adaptive rate
// limit. Latency is measured to the response headers: for a streamed chat that is the time
// to the first byte, which is what a writer waits for.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { ApiEnv } from './api-env';
import { callerKey } from './api-env';
import type { RequestMetrics } from './metrics';
import type { AdaptiveRateLimiter } from './rate-limiter';

export function metricsMiddleware(metrics: RequestMetrics, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    const started = now();
    await next();
    const path = routePath(c, -1);
    // Unknown paths are folded into one key so probing random URLs cannot grow the map.
    const route = path.endsWith('*') ? 'unmatched' : `${c.req.method} ${path}`;
    metrics.record(route, c.res.status, now() - started);
  };
}

export function rateLimitMiddleware(
  limiter: AdaptiveRateLimiter,
  now: () => number,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = callerKey(c.get('caller'));
    limiter.take(key);
    const started = now();
    await next();
    limiter.record(key, now() - started, c.res.status >= 500);
  };
}
