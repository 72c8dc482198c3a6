// The streamed chat reply written straight to Node's response (`npm start`): the provider's
// body as Node chunks in, what `ReplyAssembler` makes of each network read out as one write,
// with no web streams in between. With 50 chats starting together, the web streams of the
// fetch-style path (the body's `Readable.toWeb`, our `ReadableStream`, @hono/node-server's
// reader) were a good part of the proxy's CPU per stream, which is what the last chats wait
// for (B20). The events, the failure rules and the headers are those of `relayChatStream`,
// which Netlify uses.
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { DRAIN_LIMIT_MS, ReplyAssembler, SSE_HEADERS } from './reply-assembler';
import { SECURITY_HEADERS } from './security-headers';
import type { UpstreamCall } from './upstream-call';

/**
 * What a streamed reply is sent with: the SSE headers and the security headers the API's
 * middleware adds to every fetch-style response (this path bypasses it).
 */
export const NODE_SSE_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  ...SSE_HEADERS,
};

/**
 * Writes the reply to `outgoing` from its headers to its last event; the client leaving
 * aborts the provider call. Returns at once: the relay runs on Node's events.
 */
export function relayChatToNode(
  upstream: Readable,
  call: UpstreamCall,
  requestedModel: string,
  outgoing: ServerResponse,
): void {
  const reply = new ReplyAssembler(requestedModel);
  let settled = false;
  // Node's string decoder keeps a character split between two reads whole.
  upstream.setEncoding('utf8');
  outgoing.writeHead(200, NODE_SSE_HEADERS);
  // The headers leave with the first events the provider sent along with its own headers (one
  // write, one packet for the client to read), or on their own once those have been read: the
  // writer's client sees the stream open as soon as the provider answered either way.
  let wrote = false;
  setImmediate(() => {
    if (!wrote && !outgoing.destroyed) outgoing.flushHeaders();
  });

  const send = (last: boolean): void => {
    const out = reply.take();
    if (outgoing.destroyed) return;
    wrote ||= out !== '' || last;
    if (last) outgoing.end(out);
    else if (out && !outgoing.write(out)) {
      // A slow client: stop reading from the provider until its socket has room again.
      upstream.pause();
      outgoing.once('drain', () => upstream.resume());
    }
  };
  const succeed = (): void => {
    settled = true;
    call.succeed();
    send(true);
    drainRest(upstream);
  };
  const fail = (error: unknown): void => {
    settled = true;
    const failure = call.fail(error);
    if (!call.clientGone) reply.fail(failure);
    upstream.destroy();
    send(true);
  };

  upstream.on('data', (text: string) => {
    if (settled) return;
    call.touch();
    try {
      reply.feed(text);
    } catch (error) {
      return fail(error);
    }
    if (reply.complete) succeed();
    else send(false);
  });
  upstream.once('end', () => {
    if (settled) return;
    try {
      reply.end('');
    } catch (error) {
      return fail(error);
    }
    succeed();
  });
  // `on`, not `once`: a second error with no listener would crash the server.
  upstream.on('error', (error) => {
    if (!settled) fail(error);
  });
  outgoing.once('close', () => {
    if (settled) return;
    call.abort('client');
    fail(new DOMException('The client went away.', 'AbortError'));
  });
}

/** Reads what the provider still sends after `[DONE]`, so its connection can be reused. */
function drainRest(upstream: Readable): void {
  if (upstream.readableEnded || upstream.destroyed) return;
  const giveUp = setTimeout(() => upstream.destroy(), DRAIN_LIMIT_MS);
  upstream.once('close', () => clearTimeout(giveUp));
  // Without a reader left, a flowing stream discards what arrives.
  upstream.removeAllListeners('data');
  upstream.resume();
}
