// Turns the provider's streamed chat reply (its SSE text) into ours, one network read at a time:
//   provider  data: {chunk}  ...  data: [DONE]
//   client    event: delta / data: {"content"}  ...  event: done / data: {id, model, content, usage, finish_reason}
// or, if the provider fails after the stream started, a last `event: error` / data: {code, message}
// (the deltas already sent are the partial reply; a reply that just stops is an error too,
// never a silent truncation). Every chunk is still checked for the OpenAI shape, but only the
// fields the reply needs are read, and everything one network read brings becomes one piece of
// output: the openai SDK's stream iterator (decoder, async generators, typed chunk objects)
// and a per-event SSE writer cost more than the provider's own streaming did (B20).
// Shared by the two ways the reply leaves the server: `relayChatStream` (a web stream, for
// Netlify) and `relayChatToNode` (written straight to Node's response, for `npm start`).
import type { ApiError } from './api-error';
import type { ChatReply } from './chat-provider';
import { upstreamCutOff, upstreamInvalidReply, upstreamStreamError } from './upstream-errors';
import { SseReader } from '../lib/sse-reader';

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
};

/** How long the rest of a complete reply is read, so the connection can be reused, at most. */
export const DRAIN_LIMIT_MS = 5_000;

/** Turns provider events into our SSE text and the final reply; throws ApiErrors for bad input. */
export class ReplyAssembler {
  private readonly reply: ChatReply;
  private readonly sse = new SseReader((event, data) => this.onEvent(event, data));
  private out = '';
  complete = false;

  constructor(model: string) {
    this.reply = {
      id: '',
      content: '',
      role: 'assistant',
      model,
      usage: null,
      finish_reason: null,
    };
  }

  get hasOutput(): boolean {
    return this.out !== '';
  }

  feed(text: string): void {
    this.sse.feed(text);
  }

  /** The provider closed the stream: a reply with a finish reason counts as complete. */
  end(text: string): void {
    this.sse.feed(text);
    this.sse.end();
    if (this.complete) return;
    if (this.reply.finish_reason === null) throw upstreamCutOff();
    this.finish();
  }

  fail(error: ApiError): void {
    this.out += sseEvent('error', JSON.stringify({ code: error.code, message: error.message }));
  }

  /** The SSE text produced since the last call. */
  take(): string {
    const out = this.out;
    this.out = '';
    return out;
  }

  private onEvent(event: string | null, data: string): void {
    if (this.complete) return;
    if (data.startsWith('[DONE]')) return this.finish();
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw upstreamInvalidReply('a streamed chunk is not JSON');
    }
    if (!isObject(chunk)) throw upstreamInvalidReply('a streamed chunk is not an object');
    if (event === 'error' || chunk.error) throw upstreamStreamError(errorDetail(chunk));
    this.apply(chunk);
  }

  private apply(chunk: Record<string, unknown>): void {
    const { id, model, choices, usage } = chunk;
    if (!Array.isArray(choices)) throw upstreamInvalidReply('a streamed chunk has no choices');
    if (typeof id === 'string' && this.reply.id === '') this.reply.id = id;
    if (typeof model === 'string' && model !== '') this.reply.model = model;
    if (usage !== undefined && usage !== null) this.reply.usage = usageFrom(usage);
    const choice: unknown = choices[0];
    if (choice === undefined) return;
    if (!isObject(choice)) throw upstreamInvalidReply('a streamed choice is not an object');
    const { delta, finish_reason: finish } = choice;
    if (typeof finish === 'string') this.reply.finish_reason = finish;
    else if (finish !== undefined && finish !== null)
      throw upstreamInvalidReply('a finish reason is not text');
    if (delta === undefined || delta === null) return;
    if (!isObject(delta)) throw upstreamInvalidReply('a streamed delta is not an object');
    const { content } = delta;
    if (typeof content === 'string') {
      if (content === '') return;
      this.reply.content += content;
      this.out += sseEvent('delta', JSON.stringify({ content }));
    } else if (content !== undefined && content !== null) {
      throw upstreamInvalidReply('the content of a streamed delta is not text');
    }
  }

  private finish(): void {
    this.complete = true;
    const { id, model, content, usage, finish_reason } = this.reply;
    this.out += sseEvent('done', JSON.stringify({ id, model, content, usage, finish_reason }));
  }
}

function sseEvent(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}

function usageFrom(usage: unknown): ChatReply['usage'] {
  if (
    !isObject(usage) ||
    typeof usage.prompt_tokens !== 'number' ||
    typeof usage.completion_tokens !== 'number' ||
    typeof usage.total_tokens !== 'number'
  )
    throw upstreamInvalidReply('the usage of a streamed chunk is malformed');
  const { prompt_tokens, completion_tokens, total_tokens } = usage;
  return { prompt_tokens, completion_tokens, total_tokens };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorDetail(chunk: Record<string, unknown>): string {
  const error = chunk.error;
  if (isObject(error) && typeof error.message === 'string') return error.message;
  if (typeof chunk.message === 'string') return chunk.message;
  return typeof error === 'string' ? error : 'an error event without a message';
}
