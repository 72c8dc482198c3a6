// The chat proxy's stream relays on their own, both of them: the web stream Netlify answers
// with and the writer straight to Node's response that `npm start` uses. Provider SSE bytes in
// (split at awkward places), our SSE events out, and every way a provider stream can go wrong
// ending in an error event after the partial reply, with the breaker told. The Node relay also
// over real HTTP: its headers, a client that leaves, and a client that reads slowly.
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { relayChatStream } from '../../../src/api/chat-relay';
import { NODE_SSE_HEADERS, relayChatToNode } from '../../../src/api/chat-relay-node';
import { CircuitBreaker } from '../../../src/api/circuit-breaker';
import { UpstreamCall } from '../../../src/api/upstream-call';
import { SseReader } from '../../../src/lib/sse-reader';

const chunk = (content: string | null, finish: string | null = null, extra = {}) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    model: 'stub-large',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
    ...extra,
  })}\n\n`;
const usage = `data: ${JSON.stringify({ id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } })}\n\n`;

/** The provider's body: one piece per network read, then the end or `error`. */
function providerBody(pieces: (string | Uint8Array)[], error?: Error): Readable {
  let index = 0;
  return new Readable({
    read() {
      const piece = pieces[index++];
      if (piece !== undefined) this.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
      else if (error) this.destroy(error);
      else this.push(null);
    },
  });
}

function testCall() {
  const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 60_000 });
  const call = new UpstreamCall(breaker.acquire(), undefined);
  call.arm(10_000);
  return { breaker, call };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real HTTP server whose one route relays `upstream` with `relayChatToNode`. */
async function serveRelay(upstream: Readable, call: UpstreamCall): Promise<string> {
  const server = createServer((_request, response: ServerResponse) =>
    relayChatToNode(upstream, call, 'asked', response),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

type Relay = (upstream: Readable, call: UpstreamCall) => Promise<string>;

const relays: [string, Relay][] = [
  [
    'relayChatStream (a web stream, for Netlify)',
    (upstream, call) => {
      const body = Readable.toWeb(upstream) as ReadableStream<Uint8Array>;
      return new Response(relayChatStream(body, call, 'asked')).text();
    },
  ],
  [
    'relayChatToNode (straight to the Node response)',
    async (upstream, call) => {
      const response = await fetch(await serveRelay(upstream, call));
      for (const [name, value] of Object.entries(NODE_SSE_HEADERS))
        expect(response.headers.get(name), name).toBe(value);
      return response.text();
    },
  ],
];

function parseEvents(text: string) {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const [event, data] = block.split('\n');
      return {
        event: event!.replace('event: ', ''),
        data: JSON.parse(data!.replace('data: ', '')),
      };
    });
}

describe.each(relays)('%s', (_name, relayWith) => {
  async function relay(pieces: (string | Uint8Array)[], error?: Error) {
    const { breaker, call } = testCall();
    const text = await relayWith(providerBody(pieces, error), call);
    return { events: parseEvents(text), breaker: breaker.state };
  }

  it('relays deltas and ends with done, whatever the network split', async () => {
    const whole = chunk(null) + chunk('Once') + chunk(' upon', 'stop') + usage + 'data: [DONE]\n\n';
    for (const size of [1, 7, 64, whole.length]) {
      const pieces = whole.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      const { events, breaker } = await relay(pieces);
      expect(events).toEqual([
        { event: 'delta', data: { content: 'Once' } },
        { event: 'delta', data: { content: ' upon' } },
        {
          event: 'done',
          data: {
            id: 'chatcmpl-1',
            model: 'stub-large',
            content: 'Once upon',
            usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
            finish_reason: 'stop',
          },
        },
      ]);
      expect(breaker).toBe('closed');
    }
  });

  it('accepts CRLF line ends and a finished reply whose stream closes without [DONE]', async () => {
    const { events } = await relay([chunk('Hi').replace(/\n/g, '\r\n'), chunk(null, 'stop')]);
    expect(events.map((event) => event.event)).toEqual(['delta', 'done']);
    expect(events[1]!.data).toMatchObject({ content: 'Hi', finish_reason: 'stop', usage: null });
  });

  it('ends a reply that just stops with an error event, after the partial reply', async () => {
    const { events, breaker } = await relay([chunk('Once'), chunk(' upon')]);
    expect(events.map((event) => event.event)).toEqual(['delta', 'delta', 'error']);
    expect(events[2]!.data).toMatchObject({ code: 'upstream/unavailable' });
    expect(events[2]!.data.message).toMatch(/ended before it was complete/);
    expect(breaker).toBe('open');
  });

  it('reports a broken connection as upstream/unavailable', async () => {
    const { events } = await relay([chunk('Once')], new TypeError('terminated'));
    expect(events.map((event) => event.event)).toEqual(['delta', 'error']);
    expect(events[1]!.data).toMatchObject({ code: 'upstream/unavailable' });
  });

  it('reports an error the provider sends inside the stream, with its message', async () => {
    const failure = `data: ${JSON.stringify({ error: { message: 'Model overloaded', type: 'server_error' } })}\n\n`;
    const { events } = await relay([chunk('Once'), failure, chunk('never')]);
    expect(events.map((event) => event.event)).toEqual(['delta', 'error']);
    expect(events[1]!.data).toMatchObject({ code: 'upstream/unavailable' });
    expect(events[1]!.data.message).toMatch(/Model overloaded/);
  });

  it('keeps a character whose bytes arrive in two reads whole', async () => {
    const bytes = new TextEncoder().encode(chunk('Café 🙂', 'stop'));
    const split = bytes.indexOf(0xf0) + 2; // inside the emoji's four bytes
    const { events } = await relay([bytes.slice(0, split), bytes.slice(split)]);
    expect(events[0]).toEqual({ event: 'delta', data: { content: 'Café 🙂' } });
  });

  it.each([
    ['not JSON', 'data: {"id": oops\n\n'],
    ['no choices', 'data: {"id":"x"}\n\n'],
    ['content not text', 'data: {"choices":[{"delta":{"content":42}}]}\n\n'],
    ['bad usage', 'data: {"choices":[],"usage":{"total_tokens":"many"}}\n\n'],
  ])('refuses a malformed chunk (%s) with upstream/invalid-reply', async (_name, bad) => {
    const { events, breaker } = await relay([chunk('Once'), bad, chunk(' upon', 'stop')]);
    expect(events.map((event) => event.event)).toEqual(['delta', 'error']);
    expect(events[1]!.data).toMatchObject({ code: 'upstream/invalid-reply' });
    expect(breaker).toBe('open');
  });
});

describe('relayChatToNode over HTTP', () => {
  it('opens the stream as soon as it starts, before the provider sent anything', async () => {
    const { call } = testCall();
    const quiet = new Readable({ read() {} }); // a provider that answered but is still thinking
    const response = await fetch(await serveRelay(quiet, call));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    quiet.push(chunk('Late', 'stop'));
    quiet.push(null);
    expect(parseEvents(await response.text()).map((event) => event.event)).toEqual([
      'delta',
      'done',
    ]);
  });

  it('aborts the provider call when the client leaves mid-stream, without blaming the provider', async () => {
    const { breaker, call } = testCall();
    const upstream = new Readable({ read() {} });
    upstream.push(chunk('Once'));
    const controller = new AbortController();
    const response = await fetch(await serveRelay(upstream, call), { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('Once');
    controller.abort();
    await expect.poll(() => call.signal.aborted).toBe(true);
    expect(call.clientGone).toBe(true);
    await expect.poll(() => upstream.destroyed).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it('stops reading from the provider while a slow client catches up, and loses nothing', async () => {
    const { call } = testCall();
    const word = 'x'.repeat(16 * 1024);
    // About 25 MB of deltas: far more than the sockets on both sides can hold.
    const pieces = Array.from({ length: 1_500 }, () => chunk(word));
    pieces.push(chunk(null, 'stop'), 'data: [DONE]\n\n');
    let handedOut = 0;
    const upstream = new Readable({
      read() {
        const piece = pieces[handedOut++];
        this.push(piece === undefined ? null : piece);
      },
    });
    const response = await fetch(await serveRelay(upstream, call));
    const reader = response.body!.getReader();
    await reader.read();
    // The client reads nothing for a while: the relay must not pull the whole reply meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handedOut).toBeLessThan(pieces.length / 2);
    let text = '';
    const decoder = new TextDecoder();
    for (let part = await reader.read(); !part.done; part = await reader.read())
      text += decoder.decode(part.value, { stream: true });
    const done = parseEvents(text).at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.content).toHaveLength(1_500 * word.length);
  });
});

describe('SseReader', () => {
  it('joins data lines, keeps event names, skips comments and handles a CR split from its LF', () => {
    const seen: [string | null, string][] = [];
    const reader = new SseReader((event, data) => seen.push([event, data]));
    for (const piece of [': hi\r', '\nevent: e\r', '\ndata: a\r\ndata:b\r', '\n\r\n', 'data: last'])
      reader.feed(piece);
    reader.end();
    expect(seen).toEqual([
      ['e', 'a\nb'],
      [null, 'last'],
    ]);
  });
});
