// The chat proxy: POST /api/chat/messages (SSE when `stream: true` or `Accept:
// text/event-stream`, else the seed's JSON) and GET /api/chat/models. SSE events, consumed by
// the chat UI:  delta {content}  per chunk; done {id, model, content, usage, finish_reason}
// at the end; error {code, message} if the provider fails after the stream started (the
// partial reply was already delivered). Errors before the first byte are ordinary JSON errors
// with their HTTP status, so a client can tell "never started" from "cut off".
import { Hono } from 'hono';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SSEStreamingApi } from 'hono/streaming';
import type { ApiEnv } from './api-env';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { providerParams, usageOf } from './chat-provider';
import type { ChatProvider, ChatReply } from './chat-provider';
import { chatBody } from './chat-schemas';
import type { UpstreamCall } from './upstream-call';
import { jsonBody } from './validation';

export function chatRoutes(provider: ChatProvider): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.post('/chat/messages', async (c) => {
    const body = await jsonBody(c, chatBody);
    const params = providerParams(body);
    const wantsStream = body.stream ?? (c.req.header('accept') ?? '').includes('text/event-stream');
    if (!wantsStream) return c.json(await provider.complete(params, c.req.raw.signal));
    const { chunks, call } = await provider.stream(params, c.req.raw.signal);
    return streamSSE(c, (sse) =>
      relay(sse, chunks, call, provider.config.idleTimeoutMs, params.model),
    );
  });

  routes.get('/chat/models', async (c: Context<ApiEnv>) =>
    c.json({ models: await provider.models(c.req.raw.signal) }),
  );

  return routes;
}

async function relay(
  sse: SSEStreamingApi,
  chunks: AsyncIterable<ChatCompletionChunk>,
  call: UpstreamCall,
  idleTimeoutMs: number,
  requestedModel: string,
): Promise<void> {
  sse.onAbort(() => call.abort('client'));
  const reply: ChatReply = {
    id: '',
    content: '',
    role: 'assistant',
    model: requestedModel,
    usage: null,
    finish_reason: null,
  };
  try {
    for await (const chunk of chunks) {
      call.arm(idleTimeoutMs);
      reply.id ||= chunk.id;
      reply.model = chunk.model || reply.model;
      if (chunk.usage) reply.usage = usageOf(chunk.usage);
      const choice = chunk.choices[0];
      if (choice?.finish_reason) reply.finish_reason = choice.finish_reason;
      const delta = choice?.delta?.content;
      if (delta) {
        reply.content += delta;
        await sse.writeSSE({ event: 'delta', data: JSON.stringify({ content: delta }) });
      }
    }
  } catch (error) {
    const failure = call.fail(error);
    if (!call.clientGone) {
      await sse.writeSSE({
        event: 'error',
        data: JSON.stringify({ code: failure.code, message: failure.message }),
      });
    }
    return;
  }
  call.succeed();
  const { id, model, content, usage, finish_reason } = reply;
  await sse.writeSSE({
    event: 'done',
    data: JSON.stringify({ id, model, content, usage, finish_reason }),
  });
}
