// The chat proxy against the local OpenAI-compatible stub over real HTTP: streaming (SSE) and
// JSON replies, persona system prompts, the circuit breaker (errors and timeouts open it, a
// later success closes it) and aborting the upstream call when the client disconnects.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PERSONAS } from '../../src/domain/personas';
import { startOpenAiStub } from '../support/openai-stub';
import type { OpenAiStub } from '../support/openai-stub';
import { openPools } from '../support/postgres';
import {
  bearer,
  createWriter,
  errorOf,
  jsonInit,
  readSse,
  serveApi,
  testConfig,
} from './api-harness';
import type { ServedApi, Writer } from './api-harness';

let stub: OpenAiStub;
let served: ServedApi;
let pools: ReturnType<typeof openPools>;
let writer: Writer;
const clock = { offsetMs: 0 };

beforeAll(async () => {
  stub = await startOpenAiStub();
  pools = openPools();
  const config = testConfig(stub.url, { now: () => Date.now() + clock.offsetMs });
  config.breaker = { failureThreshold: 3, cooldownMs: 10_000 };
  config.provider = { ...config.provider, timeoutMs: 400, idleTimeoutMs: 400 };
  served = await serveApi(config);
  writer = await createWriter(pools.admin, pools.api);
});

beforeEach(() => stub.setBehaviour({}));

afterAll(async () => {
  await served.close();
  await stub.stop();
  await pools.end();
});

const chat = (body: Record<string, unknown>, init: RequestInit = {}) => {
  const base = jsonInit('POST', { model: 'stub-large', ...body }, writer.token);
  return served.fetch('/api/chat/messages', {
    ...base,
    ...init,
    headers: { ...(base.headers as object), ...(init.headers as object) },
  });
};

describe('chat replies', () => {
  it('returns the seed JSON shape without streaming, with the server key sent upstream', async () => {
    const response = await chat({ content: 'Hello' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      role: 'assistant',
      content: 'Once upon a time, in a quiet town, a story began.',
      model: 'stub-large',
    });
    expect(body.id).toMatch(/^chatcmpl-stub-/);
    expect(body.usage).toMatchObject({ total_tokens: expect.any(Number) });
    expect(stub.chatRequests().at(-1)!.headers.authorization).toBe('Bearer sk-test-server-key');
  });

  it('streams the reply as SSE deltas in order, complete, then done', async () => {
    const reply = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    stub.setBehaviour({ reply, chunkDelayMs: 2 });
    const response = await chat({ content: 'Tell me a story', stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readSse(response);
    const deltas = events
      .filter((event) => event.event === 'delta')
      .map((event) => JSON.parse(event.data).content as string);
    expect(deltas.length).toBe(40);
    expect(deltas.join('')).toBe(reply);
    const last = events.at(-1)!;
    expect(last.event).toBe('done');
    expect(JSON.parse(last.data)).toMatchObject({
      content: reply,
      model: 'stub-large',
      finish_reason: 'stop',
      usage: { completion_tokens: 40 },
    });
    expect(events.filter((event) => event.event === 'done')).toHaveLength(1);
  });

  it('streams when the client asks for text/event-stream', async () => {
    const response = await chat({ content: 'Hi' }, { headers: { accept: 'text/event-stream' } });
    const events = await readSse(response);
    expect(events.at(-1)!.event).toBe('done');
  });

  it('sends the persona system prompt first, then the history, then the new message', async () => {
    const persona = BUILTIN_PERSONAS[1]!;
    stub.setBehaviour({ echo: true });
    const response = await chat({
      persona: persona.id,
      messages: [
        { role: 'user', content: 'Earlier question' },
        { role: 'assistant', content: 'Earlier answer' },
      ],
      content: 'New question',
    });
    const received = JSON.parse((await response.json()).content) as {
      role: string;
      content: string;
    }[];
    expect(received).toEqual([
      { role: 'system', content: persona.system_prompt },
      { role: 'user', content: 'Earlier question' },
      { role: 'assistant', content: 'Earlier answer' },
      { role: 'user', content: 'New question' },
    ]);
    expect(stub.chatRequests().at(-1)!.body!.temperature).toBe(persona.temperature);

    await chat({ system: 'You are a custom persona.', content: 'Hi', temperature: 0.2 });
    const custom = stub.chatRequests().at(-1)!.body!;
    expect(custom.messages![0]).toEqual({ role: 'system', content: 'You are a custom persona.' });
    expect(custom.temperature).toBe(0.2);
  });

  it('refuses invalid chat bodies with 400 and field errors, before calling the provider', async () => {
    const before = stub.chatRequests().length;
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'content'],
      [{ content: 'x', persona: 'not-a-persona' }, 'persona'],
      [{ content: 'x', persona: BUILTIN_PERSONAS[0]!.id, system: 'also' }, 'system'],
      [{ content: 'x', temperature: 7 }, 'temperature'],
      [{ content: 'x', model: '' }, 'model'],
      [{ messages: [{ role: 'tool', content: 'x' }] }, 'messages.0.role'],
    ];
    for (const [body, field] of cases) {
      const response = await chat(body);
      expect(response.status, field).toBe(400);
      expect((await errorOf(response)).fields, field).toHaveProperty(field);
    }
    expect(stub.chatRequests().length).toBe(before);
  });

  it('lists the provider models', async () => {
    const response = await served.fetch('/api/chat/models', bearer(writer.token));
    expect(await response.json()).toEqual({ models: [{ id: 'stub-large' }, { id: 'stub-small' }] });
  });

  it('needs a token like every other route', async () => {
    const response = await served.fetch(
      '/api/chat/messages',
      jsonInit('POST', { model: 'm', content: 'x' }),
    );
    expect(response.status).toBe(401);
  });

  it('reports a provider failure in the middle of a stream as an error event after the partial reply', async () => {
    stub.setBehaviour({ reply: 'one two three four five', cutAfterChunks: 2 });
    const events = await readSse(await chat({ content: 'x', stream: true }));
    expect(
      events
        .filter((event) => event.event === 'delta')
        .map((event) => JSON.parse(event.data).content)
        .join(''),
    ).toBe('one two ');
    expect(events.at(-1)!.event).toBe('error');
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ code: 'upstream/unavailable' });
    served.api.breaker.acquire().success(); // this failure counted; reset for the next tests
  });

  it('aborts the upstream request when the client disconnects', async () => {
    stub.setBehaviour({ reply: 'a b c d e f g h i j k l m n o p', chunkDelayMs: 100 });
    const controller = new AbortController();
    const response = await chat({ content: 'x', stream: true }, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const upstream = stub.chatRequests().at(-1)!;
    await expect.poll(() => upstream.aborted, { timeout: 3000 }).toBe(true);
    expect(served.api.breaker.state).toBe('closed');
  });
});

describe('circuit breaker', () => {
  it('opens after repeated upstream errors and timeouts, answers 503 fast while open, closes after a successful probe', async () => {
    stub.setBehaviour({ failWith: 500 });
    const first = await chat({ content: 'x' });
    expect(first.status).toBe(503);
    expect((await errorOf(first)).code).toBe('upstream/unavailable');

    stub.setBehaviour({ hang: true });
    const timedOut = await chat({ content: 'x', stream: true });
    expect(timedOut.status).toBe(504);
    expect((await errorOf(timedOut)).code).toBe('upstream/timeout');

    stub.setBehaviour({ failWith: 503 });
    expect((await chat({ content: 'x' })).status).toBe(503);
    expect(served.api.breaker.state).toBe('open');

    const calls = stub.chatRequests().length;
    const started = performance.now();
    const fast = await chat({ content: 'x' });
    expect(performance.now() - started).toBeLessThan(200);
    expect(fast.status).toBe(503);
    expect((await errorOf(fast)).code).toBe('upstream/unavailable');
    expect(Number(fast.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await served.fetch('/api/chat/models', bearer(writer.token))).status).toBe(503);
    expect(stub.chatRequests().length).toBe(calls);

    // After the cool-down one probe goes through; it fails, so the breaker opens again.
    clock.offsetMs += 11_000;
    expect((await chat({ content: 'x' })).status).toBe(503);
    expect(stub.chatRequests().length).toBe(calls + 1);
    expect(served.api.breaker.state).toBe('open');

    // Next cool-down: the provider is healthy again, the probe succeeds and the breaker closes.
    clock.offsetMs += 11_000;
    stub.setBehaviour({});
    expect((await chat({ content: 'x' })).status).toBe(200);
    expect(served.api.breaker.state).toBe('closed');
    expect((await chat({ content: 'x', stream: true })).status).toBe(200);
  });

  it('does not open for a request the provider refuses (unknown model, bad key)', async () => {
    stub.setBehaviour({ failWith: 404 });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await chat({ content: 'x' });
      expect(response.status).toBe(502);
      expect((await errorOf(response)).code).toBe('upstream/rejected');
    }
    expect(served.api.breaker.state).toBe('closed');
  });
});
