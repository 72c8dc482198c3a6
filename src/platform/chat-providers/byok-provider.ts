// Bring your own key: the openai SDK runs in the browser and calls the writer's
// OpenAI-compatible base URL directly (never through our server), with the key the writer
// typed into this device's settings. `dangerouslyAllowBrowser` is the SDK's guard against
// shipping a developer's key in a bundle; here the key is the writer's own, held only in
// IndexedDB on their device, which is exactly the case that flag exists for.
import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { BUILTIN_PERSONAS } from '../../domain/personas';
import type {
  ChatProvider,
  ChatRequest,
  ChatStreamEvent,
  ChatUsage,
  ConnectionResult,
} from './chat-provider';
import { ChatProviderError, isAbort, retryAfterSeconds } from './chat-errors';

export interface ByokOptions {
  baseUrl: string;
  apiKey: string;
  /** Until the provider answers with headers, ms. */
  timeoutMs?: number;
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

export function createByokProvider(options: ByokOptions): ChatProvider {
  const host = hostOf(options.baseUrl);
  let client: Promise<OpenAI> | null = null;
  const openai = () => {
    if (!options.baseUrl.trim() || !options.apiKey.trim())
      throw new ChatProviderError('byok/not-configured');
    // Loaded on first use: the SDK stays out of every chunk a writer on the app server needs.
    client ??= import('openai').then(
      ({ default: OpenAIClient }) =>
        new OpenAIClient({
          apiKey: options.apiKey.trim(),
          baseURL: options.baseUrl.trim().replace(/\/+$/, ''),
          dangerouslyAllowBrowser: true,
          maxRetries: 0,
          timeout: options.timeoutMs ?? 60_000,
        }),
    );
    return client;
  };

  async function listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const page = await (await openai()).models.list({ signal });
      return page.data.map((model) => model.id);
    } catch (error) {
      throw await mapError(error, host, '', signal);
    }
  }

  return {
    kind: 'byok',
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatStreamEvent> {
      let content = '';
      try {
        const chunks = await (
          await openai()
        ).chat.completions.create(
          {
            model: request.model,
            messages: messagesOf(request),
            stream: true,
            stream_options: { include_usage: true },
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          },
          { signal },
        );
        let id = '';
        let model = request.model;
        let usage: ChatUsage | null = null;
        let finishReason: string | null = null;
        for await (const chunk of chunks) {
          id ||= chunk.id;
          model = chunk.model || model;
          if (chunk.usage)
            usage = {
              prompt_tokens: chunk.usage.prompt_tokens,
              completion_tokens: chunk.usage.completion_tokens,
              total_tokens: chunk.usage.total_tokens,
            };
          const choice = chunk.choices[0];
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          const delta = choice?.delta?.content;
          if (delta) {
            content += delta;
            yield { type: 'delta', content: delta };
          }
        }
        if (signal.aborted) throw new ChatProviderError('chat/aborted');
        yield { type: 'done', final: { id, model, content, usage, finishReason } };
      } catch (error) {
        throw await mapError(error, host, request.model, signal);
      }
    },
    listModels,
    async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
      try {
        const models = await listModels(signal);
        return {
          ok: true,
          message: `Connected to ${host}: your key works and ${models.length} model${models.length === 1 ? ' is' : 's are'} available.`,
          models,
        };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

function messagesOf(request: ChatRequest): ChatCompletionMessageParam[] {
  const system = request.system?.trim()
    ? request.system
    : BUILTIN_PERSONAS.find((persona) => persona.id === request.personaId)?.system_prompt;
  const turns = request.messages.map(
    (turn) => ({ role: turn.role, content: turn.content }) as ChatCompletionMessageParam,
  );
  return system ? [{ role: 'system', content: system }, ...turns] : turns;
}

async function mapError(
  error: unknown,
  host: string,
  model: string,
  signal?: AbortSignal,
): Promise<ChatProviderError> {
  if (error instanceof ChatProviderError) return error;
  if (isAbort(error, signal)) return new ChatProviderError('chat/aborted');
  const { APIError, APIConnectionError, APIConnectionTimeoutError } = await import('openai');
  if (error instanceof APIConnectionTimeoutError)
    return new ChatProviderError('upstream/timeout', { host });
  // Checked before APIError, of which it is a status-less subclass: an unreachable host (or a
  // mistyped base URL) is a network failure, and one while offline queues the message.
  if (error instanceof APIConnectionError)
    return new ChatProviderError('network/unreachable', { host });
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 401 || status === 403)
      return new ChatProviderError('byok/key-refused', { host });
    if (status === 429)
      return new ChatProviderError('rate-limit/exceeded', {
        retryAfterSeconds: retryAfterSeconds(error.headers?.get('retry-after')),
      });
    if (status === 404 && model)
      return new ChatProviderError('byok/model-not-found', { host, model });
    if (status === 404)
      return new ChatProviderError('upstream/rejected', {
        serverMessage: `${host} has no OpenAI-compatible API at this base URL (404). Base URLs usually end in /v1.`,
      });
    if (status >= 500) return new ChatProviderError('upstream/unavailable', { host });
    return new ChatProviderError('upstream/rejected', {
      serverMessage: `${host} refused the request (HTTP ${status}): ${error.message.slice(0, 200)}`,
    });
  }
  if (error instanceof APIError) return new ChatProviderError('upstream/unavailable', { host });
  // Connection failures, CORS refusals and a stream cut mid-way all surface as network errors.
  return new ChatProviderError('network/unreachable', { host });
}
