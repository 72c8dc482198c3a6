// The model provider behind the chat proxy: any OpenAI-compatible service through the openai
// SDK, with the server's key (never sent to browsers). SDK retries are off: the circuit
// breaker decides when to stop calling a failing provider, and retries would multiply the
// wait of a writer looking at a spinner. Requests go out through `createProviderFetch`
// (undici's Dispatcher API with keep-alive) rather than the built-in fetch, which costs more
// per call.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { BUILTIN_PERSONAS } from '../domain/personas';
import { ApiError } from './api-error';
import type { ChatBody } from './chat-schemas';
import type { CircuitBreaker } from './circuit-breaker';
import type { ProviderConfig } from './config';
import { createProviderFetch, HAND_OVER_NODE_BODY, takeNodeBody } from './provider-fetch';
import { UpstreamCall } from './upstream-call';
import { upstreamInvalidReply } from './upstream-errors';

export interface ChatReply {
  id: string;
  content: string;
  role: 'assistant';
  model: string;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  finish_reason: string | null;
}

export interface ProviderParams {
  model: string;
  messages: ChatCompletionMessageParam[];
  temperature?: number;
}

export class ChatProvider {
  private readonly client: OpenAI | undefined;

  constructor(
    readonly config: ProviderConfig,
    readonly breaker: CircuitBreaker,
  ) {
    this.client = config.apiKey
      ? new OpenAI({
          apiKey: config.apiKey,
          baseURL: config.baseUrl,
          maxRetries: 0,
          timeout: config.timeoutMs,
          fetch: createProviderFetch(),
        })
      : undefined;
  }

  /** Starts a call: throws upstream/not-configured, or 503 fast while the breaker is open. */
  begin(clientSignal: AbortSignal | undefined): { openai: OpenAI; call: UpstreamCall } {
    if (!this.client) {
      throw new ApiError(
        503,
        'upstream/not-configured',
        'No AI provider is configured on this server: set OPENAI_API_KEY (and OPENAI_BASE_URL for a non-OpenAI service), or use your own key in the app settings.',
      );
    }
    const call = new UpstreamCall(this.breaker.acquire(), clientSignal);
    call.arm(this.config.timeoutMs);
    return { openai: this.client, call };
  }

  async complete(params: ProviderParams, clientSignal?: AbortSignal): Promise<ChatReply> {
    const { openai, call } = this.begin(clientSignal);
    try {
      const completion = await openai.chat.completions.create(
        { ...params, stream: false },
        { signal: call.signal },
      );
      call.succeed();
      const choice = completion.choices[0];
      return {
        id: completion.id,
        content: choice?.message.content ?? '',
        role: 'assistant',
        model: completion.model,
        usage: usageOf(completion.usage),
        finish_reason: choice?.finish_reason ?? null,
      };
    } catch (error) {
      throw call.fail(error);
    }
  }

  /**
   * Resolves once the provider answered with headers, with the raw SSE body of the reply as a
   * Node stream (still a real openai SDK request over HTTP, with its status checks and error
   * types; the fetch hands the body over as it came off the socket). The relays read it one
   * network read at a time.
   */
  async stream(
    params: ProviderParams,
    clientSignal?: AbortSignal,
  ): Promise<{ body: Readable; call: UpstreamCall }> {
    const { openai, call } = this.begin(clientSignal);
    try {
      const response = await openai.chat.completions
        .create(
          { ...params, stream: true, stream_options: { include_usage: true } },
          { signal: call.signal, fetchOptions: HAND_OVER_NODE_BODY },
        )
        .asResponse();
      const body =
        takeNodeBody(response) ??
        (response.body ? Readable.fromWeb(response.body as NodeReadableStream) : null);
      const type = response.headers.get('content-type') ?? '';
      if (!body || !type.includes('text/event-stream')) {
        body?.destroy();
        throw upstreamInvalidReply(`a ${type || 'untyped'} answer instead of an event stream`);
      }
      call.arm(this.config.idleTimeoutMs);
      return { body, call };
    } catch (error) {
      throw call.fail(error);
    }
  }

  async models(clientSignal?: AbortSignal): Promise<{ id: string }[]> {
    const { openai, call } = this.begin(clientSignal);
    try {
      const models: { id: string }[] = [];
      for await (const model of openai.models.list({ signal: call.signal })) {
        models.push({ id: model.id });
        if (models.length >= 2_000) break;
      }
      call.succeed();
      return models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    } catch (error) {
      throw call.fail(error);
    }
  }
}

/** The provider messages: the persona's system prompt first, then the history, then `content`. */
export function providerParams(body: ChatBody): ProviderParams {
  const persona = body.persona
    ? BUILTIN_PERSONAS.find((candidate) => candidate.id === body.persona)
    : undefined;
  const system = body.system ?? persona?.system_prompt;
  const messages: ChatCompletionMessageParam[] = [];
  if (system) messages.push({ role: 'system', content: system });
  for (const message of body.messages ?? [])
    messages.push({ role: message.role, content: message.content });
  if (body.content !== undefined) messages.push({ role: 'user', content: body.content });
  const temperature = body.temperature ?? persona?.temperature;
  return { model: body.model, messages, ...(temperature === undefined ? {} : { temperature }) };
}

export function usageOf(usage: OpenAI.CompletionUsage | null | undefined): ChatReply['usage'] {
  if (!usage) return null;
  return {
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    total_tokens: usage.total_tokens,
  };
}
