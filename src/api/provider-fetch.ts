// The `fetch` the openai SDK uses to reach the model provider from the server: node:http(s)
// with keep-alive sockets, answering with a standard `Response` whose body streams as it
// arrives. Node's built-in fetch (undici's WHATWG fetch) costs about 0.2 ms of CPU per call
// before the first byte leaves. With 50 chats starting together, a bare node:http relay added
// 4–5 ms of p95 latency on this machine and the same relay over the built-in fetch 17–19 ms;
// the proxy's own added p95 went from 25–30 ms to 18–26 ms with this fetch (B20). Netlify runs
// the function on Node, so it is used there too.
//
// What it keeps of fetch, because the SDK and the relay rely on it: an aborted signal rejects
// (or errors the body) with an `AbortError`; a network failure rejects with
// `TypeError('fetch failed', { cause })`; gzip, deflate and brotli bodies are decoded; null-body
// statuses have no body. What it leaves out: redirects are returned, not followed (an API
// endpoint that redirects is misconfigured, and a POST must not silently become a GET), and
// cookies are not kept. A request it does not handle (a stream or form body, a `Request`
// object, another protocol) goes to the platform's fetch unchanged.
import http from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export type ProviderFetch = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export interface ProviderFetchOptions {
  /** Extra TLS settings for https providers, e.g. `ca` for one behind a private authority. */
  tls?: Pick<https.AgentOptions, 'ca'>;
}

export function createProviderFetch(options: ProviderFetchOptions = {}): ProviderFetch {
  // As Node's own global agent: an idle socket is closed after 5 s, before a provider's idle
  // close can race a new request onto it (SDK retries are off, so that would fail a chat). A
  // socket in use only reports the timeout to its request, which ignores it: the call's own
  // deadlines (UpstreamCall) decide when a slow reply is given up.
  const keepAlive = { keepAlive: true, timeout: 5_000, scheduling: 'lifo' } as const;
  const agents = {
    'http:': new http.Agent(keepAlive),
    'https:': new https.Agent({ ...keepAlive, ...options.tls }),
  };
  return (input, init = {}) => {
    const url = input instanceof Request ? null : new URL(input);
    const body = init.body ?? undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !isPlainBody(body))
      return globalThis.fetch(input, init);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const protocol = url.protocol;
    return new Promise<Response>((resolve, reject) => {
      let response: IncomingMessage | undefined;
      const request = (protocol === 'https:' ? https : http).request(url, {
        method: init.method ?? 'GET',
        headers: outgoingHeaders(init.headers, body),
        agent: agents[protocol],
      });
      const onAbort = () => {
        const error = abortError(signal!);
        // Before the answer this rejects the promise; after it, it errors the body stream.
        response?.destroy(error);
        request.destroy(error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('close', () => signal?.removeEventListener('abort', onAbort));
      // `on`, not `once`: a second error event with no listener would crash the server.
      request.on('error', (error) => {
        if (response) return; // the body stream reports it
        reject(isAbort(error) ? error : new TypeError('fetch failed', { cause: error }));
      });
      request.once('response', (incoming) => {
        response = incoming;
        try {
          resolve(toResponse(incoming));
        } catch (error) {
          // An answer fetch cannot represent (a status outside 200-599): a network error, as
          // in fetch, and never an exception thrown out of this event into the server.
          incoming.destroy();
          reject(new TypeError('fetch failed', { cause: error }));
        }
      });
      request.end(body);
    });
  };
}

type PlainBody = string | Uint8Array | undefined;

function isPlainBody(body: unknown): body is PlainBody {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

function outgoingHeaders(headers: RequestInit['headers'], body: PlainBody): OutgoingHttpHeaders {
  const outgoing: OutgoingHttpHeaders = {};
  const add = (value: string, name: string) => (outgoing[name.toLowerCase()] = value);
  // The SDK passes a Headers object: read it as it is rather than copying it into another.
  if (headers instanceof Headers) headers.forEach(add);
  else if (Array.isArray(headers)) for (const [name, value] of headers) add(value!, name!);
  else if (headers) for (const [name, value] of Object.entries(headers)) add(value, name);
  if (body !== undefined) outgoing['content-length'] = Buffer.byteLength(body);
  // Like fetch: ask for compressed bodies (decoded below) unless the caller chose otherwise.
  outgoing['accept-encoding'] ??= 'gzip, deflate, br';
  return outgoing;
}

function toResponse(incoming: IncomingMessage): Response {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2)
    headers.append(raw[index]!, raw[index + 1]!);
  const status = incoming.statusCode ?? 502;
  let body: ReadableStream<Uint8Array> | null = null;
  if (NULL_BODY_STATUSES.has(status)) incoming.resume();
  else body = Readable.toWeb(decoded(incoming)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status, statusText: incoming.statusMessage ?? '', headers });
}

/** The body without its content encoding, as fetch hands it over. */
function decoded(incoming: IncomingMessage): Readable {
  const encoding = (incoming.headers['content-encoding'] ?? '').trim().toLowerCase();
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
    if (!incoming.complete) incoming.destroy();
  });
  return incoming.pipe(decoder);
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'AbortError'
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
