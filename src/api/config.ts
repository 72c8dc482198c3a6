// The API's configuration, read once from the environment (Node `process.env` or Netlify's).
// Nothing secret ever goes to the browser: these names are read only on the server, and none
// of them starts with VITE_ (which Vite would inline into the bundle).
import type { BreakerOptions } from './circuit-breaker';
import type { RateLimitOptions } from './rate-limiter';

export type AuthConfig =
  | { kind: 'hs256'; secret: string }
  | { kind: 'jwks'; url: string }
  /** Local-only mode: no Supabase; chat answers loopback callers without sign-in. */
  | { kind: 'none' };

export interface ProviderConfig {
  apiKey?: string;
  baseUrl?: string;
  /** Until the provider sends response headers (and for a whole non-streamed reply). */
  timeoutMs: number;
  /** Longest silence between two streamed chunks before the reply counts as timed out. */
  idleTimeoutMs: number;
}

export interface ApiConfig {
  /** 'node': `npm start` (loopback detection works); 'netlify': local-only mode never applies. */
  platform: 'node' | 'netlify';
  auth: AuthConfig;
  databaseUrl?: string;
  databasePoolMax: number;
  provider: ProviderConfig;
  rateLimit: RateLimitOptions;
  breaker: BreakerOptions;
  bodyLimitBytes: number;
  /** Clock for the breaker, the rate limiter and metrics (tests inject a fake one). */
  now?: () => number;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  perMinute: 120,
  burst: 30,
  maxErrorRate: 0.2,
  targetLatencyMs: 10_000,
  minFactor: 0.1,
  windowMs: 60_000,
  minSamples: 5,
};

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 30_000 };

export function apiConfigFromEnv(env: Env, platform: ApiConfig['platform'] = 'node'): ApiConfig {
  return {
    platform,
    auth: authFromEnv(env),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    databasePoolMax: numberFrom(env, 'DATABASE_POOL_MAX', platform === 'netlify' ? 2 : 10),
    provider: {
      apiKey: nonEmpty(env.OPENAI_API_KEY),
      baseUrl: nonEmpty(env.OPENAI_BASE_URL),
      timeoutMs: numberFrom(env, 'OPENAI_TIMEOUT_MS', 60_000),
      idleTimeoutMs: numberFrom(env, 'OPENAI_IDLE_TIMEOUT_MS', 30_000),
    },
    rateLimit: {
      ...DEFAULT_RATE_LIMIT,
      perMinute: numberFrom(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute),
      burst: numberFrom(env, 'RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst),
      maxErrorRate: numberFrom(env, 'RATE_LIMIT_MAX_ERROR_RATE', DEFAULT_RATE_LIMIT.maxErrorRate),
      targetLatencyMs: numberFrom(
        env,
        'RATE_LIMIT_TARGET_LATENCY_MS',
        DEFAULT_RATE_LIMIT.targetLatencyMs,
      ),
    },
    breaker: {
      failureThreshold: numberFrom(
        env,
        'BREAKER_FAILURE_THRESHOLD',
        DEFAULT_BREAKER.failureThreshold,
      ),
      cooldownMs: numberFrom(env, 'BREAKER_COOLDOWN_MS', DEFAULT_BREAKER.cooldownMs),
    },
    bodyLimitBytes: numberFrom(env, 'API_BODY_LIMIT_BYTES', 2 * 1024 * 1024),
  };
}

function authFromEnv(env: Env): AuthConfig {
  const secret = nonEmpty(env.SUPABASE_JWT_SECRET);
  if (secret) return { kind: 'hs256', secret };
  const url = nonEmpty(env.SUPABASE_JWKS_URL);
  if (url) return { kind: 'jwks', url };
  return { kind: 'none' };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function numberFrom(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  // A typo in a knob must fail loudly at start-up, not silently disable protection.
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}".`);
  return value;
}
