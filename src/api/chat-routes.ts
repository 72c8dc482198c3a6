// The chat proxy: POST /api/chat/messages (SSE when `stream: true` or `Accept:
// text/event-stream`, else the seed's JSON) and GET /api/chat/models. SSE events, consumed by
// the chat UI:  delta {content}  per chunk; done {id, model, content, usage, finish_reason}
// at the end; error {code, message} if the provider fails after the stream started (the
// partial reply was already delivered). Errors before the first byte are ordinary JSON errors
// with their HTTP status, so a client can tell "never started" from "cut off".
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ApiEnv } from './api-env';
import { providerParams } from './chat-provider';
import type { ChatProvider } from './chat-provider';
import { relayChatStream, SSE_HEADERS } from './chat-relay';
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
    return c.body(relayChatStream(upstream, call, params.model), 200, SSE_HEADERS);
  });

  routes.get('/chat/models', async (c: Context<ApiEnv>) =>
    c.json({ models: await provider.models(c.req.raw.signal) }),
  );

  return routes;
}
