// The `fetch` the openai SDK uses on the server: Node's own http(s) client with kept-alive
// connections, answering with a standard Response. The SDK still builds, sends and checks
// every request (statuses, error types, its timeout and abort signal); only the transport is
// Node's. Node's built-in fetch (undici) spends about a third of the proxy's CPU per streamed
// chat on its own request and body-stream machinery (B20: ~0.45 of ~2.2 ms per stream).
// Scope: what the SDK sends (string or bytes bodies, no redirects); compressed replies are not
// asked for, so bodies arrive as sent.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** Statuses whose Response must not have a body. */
const NO_BODY = new Set([101, 204, 205, 304]);

export function upstreamFetch(
  input: string | URL | Request,
  init: RequestInit = {},
): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const { signal } = init;
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new TypeError(`Cannot fetch ${url.protocol} URLs.`));
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const body = requestBody(init.body);
  const headers = Object.fromEntries(new Headers(init.headers));
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (incoming) => {
        incoming.once('close', forget);
        const status = incoming.statusCode ?? 502;
        const responseHeaders = new Headers();
        const raw = incoming.rawHeaders;
        for (let index = 0; index + 1 < raw.length; index += 2)
          responseHeaders.append(raw[index]!, raw[index + 1]!);
        const stream = NO_BODY.has(status)
          ? null
          : (Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>);
        if (stream === null) incoming.resume();
        resolve(
          new Response(stream, {
            status,
            statusText: incoming.statusMessage ?? '',
            headers: responseHeaders,
          }),
        );
      },
    );
    // Aborting also cuts a reply whose body is still streaming.
    const onAbort = () => request.destroy(abortError(signal!));
    const forget = () => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => {
      forget();
      reject(error);
    });
    request.end(body);
  });
}

function requestBody(body: RequestInit['body']): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('The chat provider client only sends text or byte bodies.');
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'AbortError'
    ? reason
    : new DOMException('The request was aborted.', 'AbortError');
}
