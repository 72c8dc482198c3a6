// The `fetch` the openai SDK uses to reach the model provider from the server: undici's
// Dispatcher API (`Agent.request`) with keep-alive sockets, answering with a standard
// `Response` whose body streams as it arrives. Node's built-in fetch (undici's WHATWG fetch)
// costs about 0.2 ms of CPU per call before the first byte leaves, and node:http about 20 µs
// more per call than the Dispatcher API; with 50 chats starting together, that per-call work
// is what the last ones wait for (B20). Netlify runs the function on Node, so it is used there
// too.
//
// What it keeps of fetch, because the SDK and the relay rely on it: an aborted signal rejects
// (or errors the body) with an `AbortError`; a network failure rejects with
// `TypeError('fetch failed', { cause })`; gzip, deflate and brotli bodies are decoded; null-body
// statuses have no body. What it leaves out: redirects are returned, not followed (an API
// endpoint that redirects is misconfigured, and a POST must not silently become a GET), and
// cookies are not kept. A request it does not handle (a stream or form body, a `Request`
// object, another protocol) goes to the platform's fetch unchanged.
//
// The streamed chat reply can skip web streams altogether: a request made with
// `HAND_OVER_NODE_BODY` gets a successful answer's body as a Node stream from `takeNodeBody`
// (the `Response` itself then has none), which the Node server writes on directly.
import { Readable } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import zlib from 'node:zlib';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';

export type ProviderFetch = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const NODE_BODY = Symbol('provider-fetch: hand over the body as a Node stream');

interface NodeBodyRequest {
  readonly [NODE_BODY]?: true;
}

/**
 * Spread into a request's init (the openai SDK passes its `fetchOptions` on to the fetch) to
 * ask for a successful answer's body as a Node stream (`takeNodeBody`). Typed as no fields at
 * all, so it fits any init type.
 */
export const HAND_OVER_NODE_BODY: Readonly<Record<never, never>> = {
  [NODE_BODY]: true,
} satisfies NodeBodyRequest;

const nodeBodies = new WeakMap<Response, Readable>();

/** The decoded body handed over for `response`, once; undefined if it was not handed over. */
export function takeNodeBody(response: Response): Readable | undefined {
  const body = nodeBodies.get(response);
  nodeBodies.delete(response);
  return body;
}

export interface ProviderFetchOptions {
  /** Extra TLS settings for https providers, e.g. `ca` for one behind a private authority. */
  tls?: Pick<ConnectionOptions, 'ca'>;
}

export function createProviderFetch(options: ProviderFetchOptions = {}): ProviderFetch {
  // As Node's own global agent: an idle socket is closed after 5 s (whatever keep-alive time
  // the provider announces), before a provider's idle close can race a new request onto it
  // (SDK retries are off, so that would fail a chat). The call's own deadlines (UpstreamCall)
  // decide when a slow reply is given up, so undici's header and body timeouts are off.
  const agent = new Agent({
    keepAliveTimeout: 5_000,
    keepAliveMaxTimeout: 5_000,
    headersTimeout: 0,
    bodyTimeout: 0,
    ...(options.tls ? { connect: { ...options.tls } } : {}),
  });
  return async (input, init = {}) => {
    const url = input instanceof Request ? null : new URL(input);
    const body = init.body ?? undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !isPlainBody(body))
      return globalThis.fetch(input, init);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortError(signal);
    let answer: Dispatcher.ResponseData | undefined;
    // Added before undici's own listener, so the body fails with an AbortError, whatever the
    // signal's reason.
    const onAbort = () => answer?.body.destroy(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      answer = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: outgoingHeaders(init.headers),
        body,
        signal,
      });
    } catch (error) {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) throw abortError(signal);
      throw new TypeError('fetch failed', { cause: error });
    }
    const { body: incoming } = answer;
    if (signal) incoming.once('close', () => signal.removeEventListener('abort', onAbort));
    try {
      return toResponse(answer, (init as NodeBodyRequest)[NODE_BODY] === true);
    } catch (error) {
      // An answer fetch cannot represent (a status outside 200-599): a network error, as in
      // fetch.
      incoming.destroy();
      throw new TypeError('fetch failed', { cause: error });
    }
  };
}

type PlainBody = string | Uint8Array | undefined;

function isPlainBody(body: unknown): body is PlainBody {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

function outgoingHeaders(headers: RequestInit['headers']): Record<string, string> {
  const outgoing: Record<string, string> = {};
  const add = (value: string, name: string) => (outgoing[name.toLowerCase()] = value);
  // The SDK passes a Headers object: read it as it is rather than copying it into another.
  if (headers instanceof Headers) headers.forEach(add);
  else if (Array.isArray(headers)) for (const [name, value] of headers) add(value!, name!);
  else if (headers) for (const [name, value] of Object.entries(headers)) add(value, name);
  // Like fetch: ask for compressed bodies (decoded below) unless the caller chose otherwise.
  outgoing['accept-encoding'] ??= 'gzip, deflate, br';
  return outgoing;
}

function toResponse(answer: Dispatcher.ResponseData, handOverBody: boolean): Response {
  const { statusCode: status, statusText, body: incoming } = answer;
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.push([name, each]);
    else if (value !== undefined) headers.push([name, value]);
  }
  const init = { status, statusText, headers };
  if (NULL_BODY_STATUSES.has(status)) {
    incoming.resume();
    return new Response(null, init);
  }
  const body = decoded(incoming, answer.headers['content-encoding']);
  if (handOverBody && status >= 200 && status < 300) {
    const response = new Response(null, init);
    nodeBodies.set(response, body);
    return response;
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, init);
}

/** The body without its content encoding, as fetch hands it over. */
function decoded(incoming: Readable, contentEncoding: string | string[] | undefined): Readable {
  const encoding = String(contentEncoding ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH })
      : encoding === 'deflate'
        ? zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH })
        : encoding === 'br'
          ? zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH })
          : null;
  if (!decoder) return incoming;
  // Errors and an abort of either side end the other: the caller sees one failed stream.
  incoming.on('error', (error) => decoder.destroy(error));
  decoder.once('close', () => {
    if (!incoming.readableEnded) incoming.destroy();
  });
  return incoming.pipe(decoder);
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'AbortError'
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}
