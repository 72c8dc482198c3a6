// The app's own chat service: POST /api/chat/messages answered with Server-Sent Events
// (`delta` {content} per chunk, `done` {id, model, content, usage, finish_reason} at the end,
// `error` {code, message} if the provider fails mid-stream). Errors before the stream are JSON
// `{ error: { code, message } }` with an HTTP status (429 carries Retry-After).
import type {
  ChatFinal,
  ChatProvider,
  ChatRequest,
  ChatStreamEvent,
  ConnectionResult,
} from './chat-provider';
import { ChatProviderError, isAbort, retryAfterSeconds, serverChatError } from './chat-errors';
import { readSse } from './sse';

export interface AppServerOptions {
  /** Origin of the API ('' = this page's origin). */
  baseUrl?: string;
  /** The signed-in writer's Supabase access token (none in local-only mode). */
  getAccessToken?: () => Promise<string | null>;
  fetch?: typeof fetch;
}

interface DonePayload {
  id?: string;
  model?: string;
  content?: string;
  usage?: ChatFinal['usage'];
  finish_reason?: string | null;
}

export function createAppServerProvider(options: AppServerOptions = {}): ChatProvider {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const token = await options.getAccessToken?.().catch(() => null);
    return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
  }

  async function call(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, init);
    } catch (error) {
      if (isAbort(error, init.signal ?? undefined)) throw new ChatProviderError('chat/aborted');
      throw new ChatProviderError('network/unreachable', { host: 'the chat service' });
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  return {
    kind: 'app-server',
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatStreamEvent> {
      const response = await call('/api/chat/messages', {
        method: 'POST',
        headers: await headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
        body: JSON.stringify(bodyOf(request)),
        signal,
      });
      if (!response.body) throw new ChatProviderError('stream/invalid');
      yield* relayEvents(response.body, request.model, signal);
    },
    async listModels(signal?: AbortSignal): Promise<string[]> {
      const response = await call('/api/chat/models', { headers: await headers(), signal });
      const body = (await response.json().catch(() => null)) as {
        models?: { id?: unknown }[];
      } | null;
      if (!body || !Array.isArray(body.models)) throw new ChatProviderError('stream/invalid');
      return body.models
        .map((model) => model.id)
        .filter((id): id is string => typeof id === 'string');
    },
    async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
      try {
        const models = await this.listModels(signal);
        return {
          ok: true,
          message: `Connected to the app’s chat service: ${models.length} model${models.length === 1 ? '' : 's'} available.`,
          models,
        };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

function bodyOf(request: ChatRequest) {
  const body: Record<string, unknown> = {
    messages: request.messages,
    model: request.model,
    stream: true,
  };
  if (request.system !== undefined && request.system.trim() !== '') body.system = request.system;
  else if (request.personaId) body.persona = request.personaId;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  return body;
}

async function errorOf(response: Response): Promise<ChatProviderError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown };
  } | null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : '';
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : `The chat service answered HTTP ${response.status}.`;
  const retry = retryAfterSeconds(response.headers.get('retry-after'));
  if (code) return serverChatError(code, message, retry);
  if (response.status === 429)
    return new ChatProviderError('rate-limit/exceeded', { retryAfterSeconds: retry });
  if (response.status === 401 || response.status === 403)
    return new ChatProviderError('auth/unauthorized');
  if (response.status >= 500) return new ChatProviderError('upstream/unavailable');
  return new ChatProviderError('chat/failed', { serverMessage: message });
}

function parse<T>(data: string): T {
  try {
    return JSON.parse(data) as T;
  } catch {
    throw new ChatProviderError('stream/invalid');
  }
}

async function* relayEvents(
  body: ReadableStream<Uint8Array>,
  model: string,
  signal: AbortSignal,
): AsyncIterable<ChatStreamEvent> {
  let content = '';
  try {
    for await (const event of readSse(body, signal)) {
      if (event.event === 'delta') {
        const delta = parse<{ content?: unknown }>(event.data).content;
        if (typeof delta === 'string' && delta !== '') {
          content += delta;
          yield { type: 'delta', content: delta };
        }
      } else if (event.event === 'error') {
        const failure = parse<{ code?: string; message?: string }>(event.data);
        throw serverChatError(
          failure.code ?? '',
          failure.message ?? 'The chat service failed mid-reply.',
        );
      } else if (event.event === 'done') {
        const done = parse<DonePayload>(event.data);
        yield {
          type: 'done',
          final: {
            id: done.id ?? '',
            model: done.model || model,
            content: done.content ?? content,
            usage: done.usage ?? null,
            finishReason: done.finish_reason ?? null,
          },
        };
        return;
      }
    }
  } catch (error) {
    if (isAbort(error, signal)) throw new ChatProviderError('chat/aborted');
    if (error instanceof ChatProviderError) throw error;
    throw new ChatProviderError('network/unreachable', { host: 'the chat service' });
  }
  if (signal.aborted) throw new ChatProviderError('chat/aborted');
  // The connection closed without `done` or `error`: the reply was cut off.
  throw new ChatProviderError('upstream/unavailable');
}
