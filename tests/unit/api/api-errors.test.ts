// API errors are JSON wherever the API runs: on its own (Netlify's function) and mounted in the
// production server (`npm start`, twice nested). An ApiError answers with its status, code and
// headers; anything else thrown is logged on the server and answers as api/internal without
// its internals.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../src/api/app';
import { apiConfigFromEnv } from '../../../src/api/config';
import { ApiError } from '../../../src/api/api-error';
import { SECURITY_HEADERS } from '../../../src/api/security-headers';
import { createServerApp } from '../../../scripts/serve-app';

const distDir = mkdtempSync(join(tmpdir(), 'sp-api-errors-'));
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>shell</title>');
afterAll(() => rmSync(distDir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const api = createApi(apiConfigFromEnv({}, 'node'));
// Added after createApi mounted `routes` on its own app, so only the server below has them.
api.routes.get('/boom', () => {
  throw new Error('connect ECONNREFUSED db.internal:5432 as user admin');
});
api.routes.get('/slow-down', () => {
  throw new ApiError(429, 'rate-limit/exceeded', 'Too many requests.', { retryAfterSeconds: 7 });
});
const production = new Hono().route('/', createServerApp({ distDir, api: api.routes }));

describe('API errors', () => {
  it('turn an unexpected failure into a logged api/internal JSON answer without internals', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await production.request('/api/boom');
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('api/internal');
    expect(body.error.message).not.toMatch(/ECONNREFUSED|admin/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers.get(name), name).toBe(value);
    expect(String(logged.mock.calls.flat())).toMatch(/ECONNREFUSED/);
  });

  it('answer an ApiError with its status, code, message and headers, without logging it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await production.request('/api/slow-down');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'rate-limit/exceeded', message: 'Too many requests.' },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('are JSON from the API on its own too (the Netlify function)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const netlify = createApi(apiConfigFromEnv({}, 'netlify')).app;
    const response = await netlify.request('/api/chat/models');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'api/not-configured' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(logged).not.toHaveBeenCalled();
  });
});
