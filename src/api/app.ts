// The HTTP API: one Hono app for `npm start` (mounted by scripts/serve.ts) and Netlify
// (netlify/functions/api.ts). Order of the layers for each request:
//   metrics -> security headers -> no-store -> JSON errors -> health | (caller -> rate limit ->
//   body limit -> route)
// An ApiError answers as itself (`getResponse`, through Hono's error handler); anything else
// thrown becomes a JSON api/internal error.
import { Hono } from 'hono';
import type { ApiEnv } from './api-env';
import { limitBody } from './body-limit';
import { ApiError, errorResponse, unexpectedErrorsAsJson } from './api-error';
import { createTokenVerifier } from './auth';
import { callerMiddleware } from './caller-middleware';
import { ChatProvider } from './chat-provider';
import { chatRoutes } from './chat-routes';
import { CircuitBreaker } from './circuit-breaker';
import type { ApiConfig } from './config';
import { dataRoutes } from './data-routes';
import { createPool } from './database';
import { RequestMetrics } from './metrics';
import { metricsMiddleware, rateLimitMiddleware } from './protection-middleware';
import { AdaptiveRateLimiter } from './rate-limiter';
import { createApiClock } from './row-stamps';
import { noStore, securityHeaders } from './security-headers';

export interface ApiInstance {
  /** Routes under /api: for Netlify and for tests. */
  app: Hono;
  /** The same routes relative to /api: for `createServerApp({ api })`, which mounts at /api. */
  routes: Hono<ApiEnv>;
  breaker: CircuitBreaker;
  limiter: AdaptiveRateLimiter;
  metrics: RequestMetrics;
  /** Closes the database pool. */
  close(): Promise<void>;
}

export function createApiApp(config: ApiConfig): Hono {
  return createApi(config).app;
}

export function createApi(config: ApiConfig): ApiInstance {
  const now = config.now ?? Date.now;
  const pool = config.databaseUrl
    ? createPool(config.databaseUrl, config.databasePoolMax)
    : undefined;
  const verify = config.auth.kind === 'none' ? undefined : createTokenVerifier(config.auth);
  const breaker = new CircuitBreaker(config.breaker, now);
  const limiter = new AdaptiveRateLimiter(config.rateLimit, now);
  const metrics = new RequestMetrics();
  const provider = new ChatProvider(config.provider, breaker);

  const routes = new Hono<ApiEnv>();
  routes.notFound((c) =>
    errorResponse(
      c,
      new ApiError(404, 'api/not-found', `No API route for ${c.req.method} ${c.req.path}.`),
    ),
  );
  routes.use('*', metricsMiddleware(metrics, now));
  // Netlify's header rules cover only CDN files: function responses carry their own.
  routes.use('*', securityHeaders());
  routes.use('*', noStore());
  routes.use('*', unexpectedErrorsAsJson());

  routes.get('/health', (c) =>
    c.json({
      ok: true,
      mode: verify ? 'supabase' : config.platform === 'node' ? 'local-only' : 'not-configured',
      database: pool !== undefined,
      provider: config.provider.apiKey !== undefined,
      breaker: breaker.state,
    }),
  );

  const limitedBody = limitBody(config.bodyLimitBytes);
  const local = callerMiddleware(config, verify, { allowLocal: true });
  const signedIn = callerMiddleware(config, verify, { allowLocal: false });
  const rateLimit = rateLimitMiddleware(limiter, now);
  for (const path of ['/chat/*', '/metrics']) routes.use(path, local, rateLimit, limitedBody);
  // '/x/*' also matches '/x' in Hono: listing both would run the limiter twice.
  for (const path of ['/categories/*', '/prompts/*'])
    routes.use(path, signedIn, rateLimit, limitedBody);

  routes.get('/metrics', (c) => c.json({ ...metrics.snapshot(), breaker: breaker.state }));
  routes.route('/', chatRoutes(provider));
  routes.route('/', dataRoutes({ pool, clock: createApiClock(now) }));

  const app = new Hono();
  app.route('/api', routes);
  app.notFound((c) =>
    errorResponse(
      c,
      new ApiError(404, 'api/not-found', `No API route for ${c.req.method} ${c.req.path}.`),
    ),
  );
  return { app, routes, breaker, limiter, metrics, close: async () => void (await pool?.end()) };
}
