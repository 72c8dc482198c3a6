// A local OpenAI-compatible server for tests and benchmarks (real HTTP on 127.0.0.1, port 0):
//   POST /v1/chat/completions  streaming (`data: {chunk}` lines, then `data: [DONE]`) or JSON
//   GET  /v1/models
// Scriptable per test through setBehaviour(): the reply text (or an echo of the messages it
// received), how many chunks and how fast, fail with a status, cut the stream mid-way, or
// hang (for timeouts). Every request is recorded (body, headers, whether the caller aborted).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StubBehaviour {
  /** The assistant's reply (default "Once upon a time, in a quiet town, a story began."). */
  reply: string;
  /** Reply with the JSON of the messages received instead of `reply`. */
  echo: boolean;
  /** Streamed chunks the reply is split into (default: one per word). */
  chunks: number | null;
  /** Delay before each streamed chunk, ms. */
  chunkDelayMs: number;
  /** Delay before the response headers, ms. */
  firstByteDelayMs: number;
  /** Answer every request with this HTTP status and an OpenAI-style error body. */
  failWith: number | null;
  /** Streaming: send this many chunks, then destroy the connection. */
  cutAfterChunks: number | null;
  /** Never answer (the request stays open until the caller gives up or the stub stops). */
  hang: boolean;
  /** Include a usage object (non-streaming always; streaming when stream_options.include_usage). */
  usage: boolean;
  /** Ids for GET /v1/models. */
  models: string[];
}

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: StubChatBody | null;
  /** True once the caller closed the connection before the stub finished answering. */
  aborted: boolean;
  finished: boolean;
  /**
   * When the request arrived, in ms since the epoch with sub-millisecond precision, so a
   * benchmark in another process can line it up with its own clock (B20).
   */
  receivedAt: number;
}

export interface StubChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  stream?: boolean;
  temperature?: number;
  stream_options?: { include_usage?: boolean };
}

export interface OpenAiStub {
  /** Base URL to give the openai SDK (`baseURL`), ending in /v1. */
  url: string;
  /** The origin (http://127.0.0.1:port), for direct fetches. */
  origin: string;
  /** Replaces the behaviour (unspecified fields take their defaults). */
  setBehaviour(behaviour: Partial<StubBehaviour>): void;
  requests: StubRequest[];
  /** Chat completion requests only. */
  chatRequests(): StubRequest[];
  stop(): Promise<void>;
}

export const DEFAULT_STUB_BEHAVIOUR: StubBehaviour = {
  reply: 'Once upon a time, in a quiet town, a story began.',
  echo: false,
  chunks: null,
  chunkDelayMs: 0,
  firstByteDelayMs: 0,
  failWith: null,
  cutAfterChunks: null,
  hang: false,
  usage: true,
  models: ['stub-large', 'stub-small'],
};

export async function startOpenAiStub(options: Partial<StubBehaviour> = {}): Promise<OpenAiStub> {
  let behaviour: StubBehaviour = { ...DEFAULT_STUB_BEHAVIOUR, ...options };
  const requests: StubRequest[] = [];
  const sockets = new Set<Socket>();
  let counter = 0;

  const server = createServer((req, res) => {
    // CORS, so the browser can call the stub directly (bring-your-own-key). Preflights are
    // answered here and not recorded: `requests` lists only real calls.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const record: StubRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: null,
      aborted: false,
      finished: false,
      receivedAt: performance.timeOrigin + performance.now(),
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
    });
    res.on('finish', () => (record.finished = true));
    readBody(req)
      .then((text) => {
        record.body = text ? (JSON.parse(text) as StubChatBody) : null;
        return answer(record, res, behaviour, `chatcmpl-stub-${++counter}`);
      })
      .catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The bench opens many concurrent streams; the default backlog and keep-alive suffice.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/v1`,
    origin,
    setBehaviour: (next) => {
      behaviour = { ...DEFAULT_STUB_BEHAVIOUR, ...next };
    },
    requests,
    chatRequests: () =>
      requests.filter((request) => request.path.startsWith('/v1/chat/completions')),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  record: StubRequest,
  res: ServerResponse,
  behaviour: StubBehaviour,
  id: string,
): Promise<void> {
  if (behaviour.hang) return;
  if (behaviour.firstByteDelayMs > 0) await sleep(behaviour.firstByteDelayMs);
  if (behaviour.failWith !== null)
    return sendJson(res, behaviour.failWith, failureBody(behaviour.failWith));
  if (record.method === 'GET' && record.path.startsWith('/v1/models')) {
    return sendJson(res, 200, {
      object: 'list',
      data: behaviour.models.map((model) => ({
        id: model,
        object: 'model',
        created: 0,
        owned_by: 'stub',
      })),
    });
  }
  if (record.method !== 'POST' || !record.path.startsWith('/v1/chat/completions')) {
    return sendJson(res, 404, {
      error: {
        message: `No stub route ${record.method} ${record.path}`,
        type: 'invalid_request_error',
      },
    });
  }
  const body = record.body ?? {};
  const content = behaviour.echo ? JSON.stringify(body.messages ?? []) : behaviour.reply;
  const model = body.model ?? 'stub-large';
  if (body.stream)
    return streamReply(res, behaviour, {
      id,
      model,
      content,
      includeUsage: Boolean(body.stream_options?.include_usage),
    });
  return sendJson(res, 200, {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: behaviour.usage ? usageFor(body, content) : undefined,
  });
}

interface StreamSpec {
  id: string;
  model: string;
  content: string;
  includeUsage: boolean;
}

async function streamReply(
  res: ServerResponse,
  behaviour: StubBehaviour,
  spec: StreamSpec,
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  const created = Math.floor(Date.now() / 1000);
  const chunk = (
    delta: Record<string, unknown>,
    finish: string | null,
    extra: Record<string, unknown> = {},
  ) =>
    `data: ${JSON.stringify({ id: spec.id, object: 'chat.completion.chunk', created, model: spec.model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra })}\n\n`;
  const pieces = splitReply(spec.content, behaviour.chunks);
  for (const [index, piece] of pieces.entries()) {
    if (behaviour.cutAfterChunks !== null && index >= behaviour.cutAfterChunks) {
      res.destroy();
      return;
    }
    if (behaviour.chunkDelayMs > 0) await sleep(behaviour.chunkDelayMs);
    if (res.destroyed) return;
    // Awaiting the flush makes "cut after n chunks" deliver exactly n chunks before the cut.
    await write(
      res,
      chunk(index === 0 ? { role: 'assistant', content: piece } : { content: piece }, null),
    );
  }
  res.write(chunk({}, 'stop'));
  if (spec.includeUsage && behaviour.usage) {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: pieces.length,
      total_tokens: 10 + pieces.length,
    };
    res.write(
      `data: ${JSON.stringify({ id: spec.id, object: 'chat.completion.chunk', created, model: spec.model, choices: [], usage })}\n\n`,
    );
  }
  res.end('data: [DONE]\n\n');
}

/** Splits into `count` nearly equal parts, or by word (keeping the spaces) when count is null. */
export function splitReply(text: string, count: number | null): string[] {
  if (text === '') return [''];
  if (count === null) return text.match(/\S+\s*|\s+/g) ?? [text];
  const size = Math.ceil(text.length / Math.max(1, count));
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size)
    parts.push(text.slice(start, start + size));
  return parts;
}

function usageFor(body: StubChatBody, content: string) {
  const prompt = (body.messages ?? []).reduce(
    (sum, message) => sum + Math.ceil(message.content.length / 4),
    0,
  );
  const completion = Math.ceil(content.length / 4);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
}

function failureBody(status: number) {
  const type =
    status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message: `Stub failure with HTTP ${status}.`, type, code: null, param: null } };
}

function write(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => {
    res.write(text, () => resolve());
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
