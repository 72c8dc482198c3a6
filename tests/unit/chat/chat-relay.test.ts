// The chat proxy's stream relay on its own: provider SSE bytes in (split at awkward places),
// our SSE events out, and every way a provider stream can go wrong ending in an error event
// after the partial reply, with the breaker told.
import { describe, expect, it } from 'vitest';
import { relayChatStream } from '../../../src/api/chat-relay';
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

function bytes(pieces: string[], error?: Error): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < pieces.length) controller.enqueue(encoder.encode(pieces[index++]!));
      else if (error) controller.error(error);
      else controller.close();
    },
  });
}

async function relay(pieces: string[], error?: Error) {
  const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 60_000 });
  const call = new UpstreamCall(breaker.acquire(), undefined);
  call.arm(10_000);
  const text = await new Response(relayChatStream(bytes(pieces, error), call, 'asked')).text();
  const events = text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const [event, data] = block.split('\n');
      return {
        event: event!.replace('event: ', ''),
        data: JSON.parse(data!.replace('data: ', '')),
      };
    });
  return { events, breaker: breaker.state };
}

describe('relayChatStream', () => {
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
