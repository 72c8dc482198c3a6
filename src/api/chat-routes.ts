// The chat proxy: POST /api/chat/messages (SSE when `stream: true` or `Accept:
// text/event-stream`, else the seed's JSON) and GET /api/chat/models. SSE events, consumed by
// the chat UI:  delta {content}  per chunk; done {id, model, content, usage, finish_reason}
// at the end; error {code, message} if the provider fails after the stream started (the
// partial reply was already delivered). Errors before the first byte are ordinary JSON errors
// with their HTTP status, so a client can tell "never started" from "cut off".
import { Readable } from 'node:stream';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ApiEnv } from './api-env';
import { providerParams } from './chat-provider';
import type { ChatProvider } from './chat-provider';
import { relayChatStream } from './chat-relay';
import { relayChatToNode } from './chat-relay-node';
import { SSE_HEADERS } from './reply-assembler';
import { chatBody } from './chat-schemas';
import { jsonBody } from './validation';

export function chatRoutes(provider: ChatProvider): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.post('/chat/messages', async (c) => {
    const body = await jsonBody(c, chatBody);
    const params = providerParams(body);
    const wantsStream = body.stream ?? (c.req.header('accept') ?? '').includes('text/event-stream');
    if (!wantsStream) return c.json(await provider.complete(params, c.req.raw.signal));
    const { body: upstream, call } = await provider.stream(params, c.req.raw.signal);
    // Under @hono/node-server (`npm start`) the reply is written straight to Node's response.
    const outgoing = c.env?.outgoing;
    if (outgoing) {
      relayChatToNode(upstream, call, params.model, outgoing);
      return alreadySent();
    }
    const webBody = Readable.toWeb(upstream) as ReadableStream<Uint8Array>;
    return c.body(relayChatStream(webBody, call, params.model), 200, SSE_HEADERS);
  });

  routes.get('/chat/models', async (c: Context<ApiEnv>) =>
    c.json({ models: await provider.models(c.req.raw.signal) }),
  );

  return routes;
}

/**
 * Tells @hono/node-server the route wrote the response itself. A fresh copy each time: the
 * middleware sets headers on whatever response a route returns, and a native `Response` (which
 * `clone()` always makes) is what the server checks for the marker on.
 */
function alreadySent(): Response {
  return RESPONSE_ALREADY_SENT.clone();
}
