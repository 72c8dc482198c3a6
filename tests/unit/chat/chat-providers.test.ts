// The providers' stream handling: SSE parsing across arbitrary chunk boundaries, the app
// server's events and JSON errors mapped to typed errors with specific messages, and the
// bring-your-own-key provider against the local OpenAI-compatible stub (real HTTP, real SDK).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServerProvider } from '../../../src/platform/chat-providers/app-server-provider';
import { createByokProvider } from '../../../src/platform/chat-providers/byok-provider';
import type { ChatStreamEvent } from '../../../src/platform/chat-providers/chat-provider';
import {
  ChatProviderError,
  retryAfterSeconds,
} from '../../../src/platform/chat-providers/chat-errors';
import { SseLineParser } from '../../../src/platform/chat-providers/sse';
import { startOpenAiStub } from '../../support/openai-stub';
import type { OpenAiStub } from '../../support/openai-stub';

function bodyOf(
  parts: string[],
  { cutAfter }: { cutAfter?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (cutAfter !== undefined && index >= cutAfter)
        return controller.error(new TypeError('network error'));
      if (index >= parts.length) return controller.close();
      controller.enqueue(encoder.encode(parts[index++]!));
    },
  });
}

function fakeFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return response();
  }) as typeof fetch;
  return { calls, fetchImpl };
}

async function collect(events: AsyncIterable<ChatStreamEvent>) {
  let text = '';
  let done: ChatStreamEvent | null = null;
  try {
    for await (const event of events) {
      if (event.type === 'delta') text += event.content;
      else done = event;
    }
    return { text, done, error: null };
  } catch (error) {
    return { text, done, error: error as ChatProviderError };
  }
}

const request = {
  messages: [{ role: 'user' as const, content: 'Hi' }],
  model: 'stub-large',
  personaId: '00000000-0000-4000-8000-000000000002',
};

describe('SSE parsing', () => {
  it('parses events split at any byte, CRLF, comments and multi-line data', () => {
    const text =
      ': hello\r\nevent: delta\r\ndata: {"content":"a"}\r\n\r\nevent: done\ndata: line1\ndata: line2\n\n';
    for (let split = 0; split <= text.length; split++) {
      const parser = new SseLineParser();
      const events = [
        ...parser.push(text.slice(0, split)),
        ...parser.push(text.slice(split)),
        ...parser.end(),
      ];
      expect(events).toEqual([
        { event: 'delta', data: '{"content":"a"}' },
        { event: 'done', data: 'line1\nline2' },
      ]);
    }
  });

  it('dispatches a last event that lacks its blank line', () => {
    const parser = new SseLineParser();
    expect(parser.push('event: done\ndata: {}')).toEqual([]);
    expect(parser.end()).toEqual([{ event: 'done', data: '{}' }]);
  });
});

describe('app server provider', () => {
  it('streams deltas then done, sending the persona id and a bearer token', async () => {
    const sse = [
      'event: delta\ndata: {"content":"Once "}\n\n',
      'event: delta\ndata: {"content":"upon"}\n\nevent: done\ndata: {"id":"x","model":"stub-large","content":"Once upon","usage":null,"finish_reason":"stop"}\n\n',
    ];
    const { calls, fetchImpl } = fakeFetch(
      () => new Response(bodyOf(sse), { headers: { 'content-type': 'text/event-stream' } }),
    );
    const provider = createAppServerProvider({
      fetch: fetchImpl,
      getAccessToken: async () => 'token-1',
    });
    const result = await collect(provider.stream(request, new AbortController().signal));
    expect(result.text).toBe('Once upon');
    expect(result.done).toMatchObject({
      type: 'done',
      final: { content: 'Once upon', finishReason: 'stop' },
    });
    expect(calls[0]!.url).toBe('/api/chat/messages');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer token-1');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      ...{ messages: request.messages, model: 'stub-large', stream: true },
      persona: request.personaId,
    });
  });

  it('keeps the partial text and throws the typed error of an error event mid-stream', async () => {
    const sse = [
      'event: delta\ndata: {"content":"Half a "}\n\n',
      'event: error\ndata: {"code":"upstream/unavailable","message":"cut"}\n\n',
    ];
    const { fetchImpl } = fakeFetch(() => new Response(bodyOf(sse)));
    const result = await collect(
      createAppServerProvider({ fetch: fetchImpl }).stream(request, new AbortController().signal),
    );
    expect(result.text).toBe('Half a ');
    expect(result.error).toBeInstanceOf(ChatProviderError);
    expect(result.error?.code).toBe('upstream/unavailable');
    expect(result.error?.message).toBe(
      'The chat service is unavailable right now. Your message is kept: try again shortly.',
    );
  });

  it('treats a connection cut without done as a failure after the partial text', async () => {
    const { fetchImpl } = fakeFetch(
      () => new Response(bodyOf(['event: delta\ndata: {"content":"abc"}\n\n'], { cutAfter: 1 })),
    );
    const result = await collect(
      createAppServerProvider({ fetch: fetchImpl }).stream(request, new AbortController().signal),
    );
    expect(result.text).toBe('abc');
    expect(result.error?.code).toBe('network/unreachable');
  });

  it.each([
    [
      429,
      { 'retry-after': '12' },
      'rate-limit/exceeded',
      'The provider is rate limiting us: try again in 12 s.',
    ],
    [
      503,
      {},
      'upstream/unavailable',
      'The chat service is unavailable right now. Your message is kept: try again shortly.',
    ],
    [
      503,
      {},
      'upstream/not-configured',
      'No API key configured on the server. Ask its owner to set one, or use your own key in Settings › Chat provider.',
    ],
    [
      504,
      {},
      'upstream/timeout',
      'The AI provider took too long to answer. Your message is kept: try again.',
    ],
    [
      401,
      {},
      'auth/unauthorized',
      'Sign in to use the app’s chat service, or use your own key in Settings › Chat provider.',
    ],
  ])('maps HTTP %i %s to a specific message', async (status, headers, code, message) => {
    const { fetchImpl } = fakeFetch(() =>
      Response.json({ error: { code, message: 'server words' } }, { status, headers }),
    );
    const result = await collect(
      createAppServerProvider({ fetch: fetchImpl }).stream(request, new AbortController().signal),
    );
    expect(result.error).toMatchObject({ code, message });
  });

  it('lists models and tests the connection', async () => {
    const { fetchImpl } = fakeFetch(() => Response.json({ models: [{ id: 'a' }, { id: 'b' }] }));
    const provider = createAppServerProvider({ fetch: fetchImpl });
    expect(await provider.listModels()).toEqual(['a', 'b']);
    expect(await provider.testConnection()).toMatchObject({
      ok: true,
      message: 'Connected to the app’s chat service: 2 models available.',
    });
  });

  it('says the network is unreachable when fetch fails', async () => {
    const provider = createAppServerProvider({
      fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    expect(await provider.testConnection()).toMatchObject({
      ok: false,
      message: expect.stringContaining('Cannot reach the chat service'),
    });
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(
      29,
    );
    expect(retryAfterSeconds(null)).toBeNull();
  });
});

describe('bring-your-own-key provider (openai SDK against the stub)', () => {
  let stub: OpenAiStub;
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(() => stub.stop());

  it('streams straight from the provider with the persona as a system message', async () => {
    stub.setBehaviour({ reply: 'One two three' });
    const provider = createByokProvider({ baseUrl: stub.url, apiKey: 'sk-writer' });
    const result = await collect(
      provider.stream({ ...request, temperature: 0.5 }, new AbortController().signal),
    );
    expect(result.text).toBe('One two three');
    const sent = stub.chatRequests().at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer sk-writer');
    expect(sent.body?.messages?.[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('developmental editor'),
    });
    expect(sent.body?.temperature).toBe(0.5);
  });

  it('says the key was refused, names the host, and lists models', async () => {
    const provider = createByokProvider({ baseUrl: stub.url, apiKey: 'sk-bad' });
    stub.setBehaviour({ failWith: 401 });
    const refused = await provider.testConnection();
    expect(refused.ok).toBe(false);
    expect(refused.message).toBe(
      `Your key was refused by ${new URL(stub.url).host}. Check the API key in Settings › Chat provider.`,
    );
    stub.setBehaviour({ failWith: 429 });
    expect(
      (await collect(provider.stream(request, new AbortController().signal))).error?.code,
    ).toBe('rate-limit/exceeded');
    stub.setBehaviour({});
    expect(await provider.listModels()).toEqual(['stub-large', 'stub-small']);
  });

  it('keeps the partial reply when the stream is cut, and reports an abort as such', async () => {
    stub.setBehaviour({ reply: 'a b c d e f', cutAfterChunks: 3 });
    const provider = createByokProvider({ baseUrl: stub.url, apiKey: 'sk' });
    const cut = await collect(provider.stream(request, new AbortController().signal));
    expect(cut.text).toBe('a b c ');
    expect(cut.error).toBeInstanceOf(ChatProviderError);
    stub.setBehaviour({ reply: 'slow words here', chunkDelayMs: 200 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 250);
    const stopped = await collect(provider.stream(request, controller.signal));
    expect(stopped.error?.code).toBe('chat/aborted');
  });

  it('says a host where nothing answers cannot be reached, naming it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const provider = createByokProvider({ baseUrl: `http://${host}/v1`, apiKey: 'sk' });
    const result = await collect(provider.stream(request, new AbortController().signal));
    expect(result.error?.code).toBe('network/unreachable');
    expect(await provider.testConnection()).toEqual({
      ok: false,
      message: `Cannot reach ${host}. Check your connection (and the base URL in Settings › Chat provider).`,
    });
  });

  it('refuses to run without a key', async () => {
    const result = await collect(
      createByokProvider({ baseUrl: stub.url, apiKey: '' }).stream(
        request,
        new AbortController().signal,
      ),
    );
    expect(result.error?.code).toBe('byok/not-configured');
  });
});
