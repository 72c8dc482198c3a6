// Protection and operations: the adaptive per-user rate limiter (429 + Retry-After, backs off a
// caller whose requests fail, recovers), request metrics, local-only mode (no Supabase: chat
// from loopback without a token) and the "not configured" answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../src/api/local-only';
import { startOpenAiStub } from '../support/openai-stub';
import type { OpenAiStub } from '../support/openai-stub';
import { openPools } from '../support/postgres';
import { bearer, createWriter, errorOf, jsonInit, serveApi, testConfig } from './api-harness';
import type { ServedApi, Writer } from './api-harness';
import { apiConfigFromEnv } from '../../src/api/config';

let stub: OpenAiStub;
let pools: ReturnType<typeof openPools>;

beforeAll(async () => {
  stub = await startOpenAiStub();
  pools = openPools();
});

afterAll(async () => {
  await stub.stop();
  await pools.end();
});

describe('adaptive rate limiting', () => {
  const clock = { offsetMs: 0 };
  let served: ServedApi;
  let writer: Writer;
  let other: Writer;

  beforeAll(async () => {
    const config = testConfig(stub.url, { now: () => Date.now() + clock.offsetMs });
    config.rateLimit = {
      perMinute: 60,
      burst: 5,
      maxErrorRate: 0.2,
      targetLatencyMs: 10_000,
      minFactor: 0.1,
      windowMs: 60_000,
      minSamples: 5,
    };
    config.breaker = { failureThreshold: 1000, cooldownMs: 1000 };
    served = await serveApi(config);
    [writer, other] = await Promise.all([
      createWriter(pools.admin, pools.api),
      createWriter(pools.admin, pools.api),
    ]);
  });

  afterAll(() => served.close());

  it('answers 429 with Retry-After past the burst, per user, and recovers as tokens refill', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1)
      statuses.push((await served.fetch('/api/categories', bearer(writer.token))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await served.fetch('/api/categories', bearer(writer.token));
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe('rate-limit/exceeded');
    expect(Number(limited.headers.get('retry-after'))).toBe(1);
    // Another writer has their own bucket.
    expect((await served.fetch('/api/categories', bearer(other.token))).status).toBe(200);
    clock.offsetMs += 2_000;
    expect((await served.fetch('/api/categories', bearer(writer.token))).status).toBe(200);
  });

  it('shrinks the allowance of a caller whose requests fail, and restores it once they are healthy', async () => {
    clock.offsetMs += 120_000;
    stub.setBehaviour({ failWith: 500 });
    for (let index = 0; index < 5; index += 1) {
      expect(
        (
          await served.fetch(
            '/api/chat/messages',
            jsonInit('POST', { model: 'm', content: 'x' }, other.token),
          )
        ).status,
      ).toBe(503);
    }
    const key = `user:${other.userId}`;
    expect(served.api.limiter.factorFor(key)).toBeCloseTo(0.2);
    // The shrunken bucket (5 x 0.2 = 1 token) is empty now: backed off at once, for longer.
    const limited = await served.fetch('/api/categories', bearer(other.token));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(1);

    stub.setBehaviour({});
    clock.offsetMs += 61_000; // the failures age out of the window
    expect(served.api.limiter.factorFor(key)).toBe(1);
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1)
      statuses.push((await served.fetch('/api/categories', bearer(other.token))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });

  it('keeps request metrics per route, readable by a signed-in caller only', async () => {
    clock.offsetMs += 10_000;
    expect((await served.fetch('/api/metrics')).status).toBe(401);
    const response = await served.fetch('/api/metrics', bearer(other.token));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      routes: Record<
        string,
        {
          count: number;
          errors: number;
          error_rate: number;
          client_errors: number;
          avg_latency_ms: number;
          p95_latency_ms: number;
        }
      >;
    };
    const chat = body.routes['POST /api/chat/messages']!;
    expect(chat).toMatchObject({ count: 5, errors: 5, error_rate: 1 });
    const categories = body.routes['GET /api/categories']!;
    expect(categories.count).toBeGreaterThanOrEqual(14);
    expect(categories.client_errors).toBeGreaterThanOrEqual(3);
    expect(categories.avg_latency_ms).toBeGreaterThan(0);
    expect(categories.p95_latency_ms).toBeGreaterThan(0);
    expect(body.routes['GET /api/metrics']!.client_errors).toBe(1);
  });
});

describe('local-only mode (no Supabase configured)', () => {
  let served: ServedApi;

  beforeAll(async () => {
    const env = { OPENAI_API_KEY: 'sk-local', OPENAI_BASE_URL: stub.url };
    served = await serveApi(apiConfigFromEnv(env));
  });

  afterAll(() => served.close());

  it('serves chat and models to loopback callers without a token', async () => {
    stub.setBehaviour({});
    const response = await served.fetch(
      '/api/chat/messages',
      jsonInit('POST', { model: 'stub-large', content: 'Hi' }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).role).toBe('assistant');
    expect((await served.fetch('/api/chat/models')).status).toBe(200);
    expect((await served.fetch('/api/metrics')).status).toBe(200);
    expect(await (await served.fetch('/api/health')).json()).toMatchObject({
      mode: 'local-only',
      database: false,
      provider: true,
    });
  });

  it('answers the data routes with 503 api/not-configured', async () => {
    const response = await served.fetch('/api/categories');
    expect(response.status).toBe(503);
    const error = await errorOf(response);
    expect(error.code).toBe('api/not-configured');
    expect(error.message).toMatch(/Supabase is not configured/);
  });

  it('recognises loopback peers only', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined])
      expect(isLoopbackAddress(address), String(address)).toBe(false);
  });
});

describe('no provider configured', () => {
  it('answers chat with 503 upstream/not-configured and a clear message', async () => {
    const served = await serveApi(testConfig());
    try {
      const writer = await createWriter(pools.admin, pools.api);
      const response = await served.fetch(
        '/api/chat/messages',
        jsonInit('POST', { model: 'm', content: 'x' }, writer.token),
      );
      expect(response.status).toBe(503);
      const error = await errorOf(response);
      expect(error.code).toBe('upstream/not-configured');
      expect(error.message).toMatch(/OPENAI_API_KEY/);
    } finally {
      await served.close();
    }
  });
});

describe('configuration from the environment', () => {
  it('refuses a malformed knob instead of silently disabling protection', () => {
    expect(() => apiConfigFromEnv({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(
      /RATE_LIMIT_PER_MINUTE/,
    );
    expect(
      apiConfigFromEnv({ SUPABASE_JWKS_URL: 'https://x.supabase.co/auth/v1/.well-known/jwks.json' })
        .auth.kind,
    ).toBe('jwks');
  });
});
