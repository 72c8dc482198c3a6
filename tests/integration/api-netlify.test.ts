// The Netlify Function (netlify/functions/api.ts) handles a plain `Request` exactly like the
// Node server: the same data-route table runs through its exported handler, plus chat
// streaming, and local-only mode never applies there.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startOpenAiStub } from '../support/openai-stub';
import type { OpenAiStub } from '../support/openai-stub';
import { openPools } from '../support/postgres';
import { createWriter, handlerTarget, jsonInit, readSse, testEnv } from './api-harness';
import type { ApiTarget } from './api-harness';
import { defineDataRouteCases } from './api-route-cases';

type Handler = (request: Request, context: unknown) => Response | Promise<Response>;

const ENV_NAMES = [
  'DATABASE_URL',
  'SUPABASE_JWT_SECRET',
  'SUPABASE_JWKS_URL',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'RATE_LIMIT_PER_MINUTE',
  'RATE_LIMIT_BURST',
];
const savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));

async function loadFunction(
  env: Record<string, string>,
): Promise<{ handler: Handler; config: { path: string } }> {
  for (const name of ENV_NAMES) delete process.env[name];
  Object.assign(process.env, env);
  vi.resetModules();
  const module = (await import('../../netlify/functions/api')) as {
    default: Handler;
    config: { path: string };
  };
  return { handler: module.default, config: module.config };
}

let stub: OpenAiStub;
let pools: ReturnType<typeof openPools>;
let target: ApiTarget;
let routeConfig: { path: string };

beforeAll(async () => {
  stub = await startOpenAiStub();
  pools = openPools();
  const loaded = await loadFunction(testEnv(stub.url));
  target = handlerTarget('netlify', loaded.handler);
  routeConfig = loaded.config;
});

afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await stub.stop();
  await pools.end();
});

describe('data routes through the Netlify handler', () => {
  defineDataRouteCases({ target: () => target, pools: () => pools });
});

describe('the Netlify function', () => {
  it('is routed at /api/*', () => {
    expect(routeConfig).toEqual({ path: '/api/*' });
  });

  it('counts a body without Content-Length as it streams: 413 past the limit', async () => {
    const writer = await createWriter(pools.admin, pools.api);
    const piece = new TextEncoder().encode('x'.repeat(256 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"title":"'));
        if (sent >= 12) controller.close();
        else controller.enqueue(piece);
        sent += 1;
      },
    });
    const init = {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${writer.token}` },
    };
    const response = await target.fetch('/api/categories', init as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'request/too-large',
    );
  });

  it('streams chat replies as SSE', async () => {
    const writer = await createWriter(pools.admin, pools.api);
    const response = await target.fetch(
      '/api/chat/messages',
      jsonInit('POST', { model: 'stub-large', content: 'Hi', stream: true }, writer.token),
    );
    expect(response.status).toBe(200);
    const events = await readSse(response);
    const deltas = events
      .filter((event) => event.event === 'delta')
      .map((event) => JSON.parse(event.data).content)
      .join('');
    expect(deltas).toBe('Once upon a time, in a quiet town, a story began.');
    expect(events.at(-1)!.event).toBe('done');
  });

  it('never runs in local-only mode: without Supabase it refuses chat even from 127.0.0.1', async () => {
    const { handler } = await loadFunction({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: stub.url });
    const response = await handler(
      new Request(
        'https://x.example/api/chat/messages',
        jsonInit('POST', { model: 'm', content: 'x' }),
      ),
      { ip: '127.0.0.1' },
    );
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'api/not-configured',
    );
    expect(stub.chatRequests()).toHaveLength(1);
  });
});
