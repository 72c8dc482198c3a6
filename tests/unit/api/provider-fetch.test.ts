// The server's fetch to the model provider (undici's Dispatcher API, keep-alive) against a real
// local HTTP server: what it sends, what it hands back, streaming, aborts, network failures,
// compressed bodies, socket reuse, the body handed over as a Node stream, and the openai SDK's
// error types on top of it.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createProviderFetch,
  HAND_OVER_NODE_BODY,
  takeNodeBody,
} from '../../../src/api/provider-fetch';
import { selfSignedCert } from '../../support/self-signed-cert';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  remotePort: number;
  closedEarly: boolean;
}

type Handler = (request: IncomingMessage, response: ServerResponse, seen: Seen) => void;

let server: Server;
let origin: string;
let handler: Handler;
let seen: Seen[];
const providerFetch = createProviderFetch();

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Seen = {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
        remotePort: request.socket.remotePort!,
        closedEarly: false,
      };
      response.on('close', () => (entry.closedEarly = !response.writableFinished));
      seen.push(entry);
      handler(request, response, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  seen = [];
  handler = (_request, response) => response.end('ok');
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const until = async (check: () => boolean, withinMs = 2_000) => {
  for (let tries = 0; !check(); tries++) {
    if (tries > withinMs / 10) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('createProviderFetch', () => {
  it('sends the method, path, headers and body, and answers with status, headers and body', async () => {
    handler = (_request, response) => {
      response.writeHead(201, 'Made', [
        ['content-type', 'application/json'],
        ['x-trace', 'a'],
        ['x-trace', 'b'],
      ]);
      response.end(JSON.stringify({ made: true }));
    };
    const body = JSON.stringify({ model: 'm', text: 'é' });
    const response = await providerFetch(`${origin}/v1/chat/completions?x=1`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': 'application/json', Authorization: 'Bearer sk-t' }),
      body,
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Made');
    expect(response.headers.get('x-trace')).toBe('a, b');
    expect(await response.json()).toEqual({ made: true });
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/chat/completions?x=1', body });
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer sk-t',
      'content-length': String(Buffer.byteLength(body)),
    });
  });

  it('accepts headers as a plain object or as pairs, and GET without a body', async () => {
    await (await providerFetch(`${origin}/a`, { headers: { 'X-One': '1' } })).text();
    await (await providerFetch(new URL(`${origin}/b`), { headers: [['X-Two', '2']] })).text();
    expect(seen.map((request) => [request.method, request.url])).toEqual([
      ['GET', '/a'],
      ['GET', '/b'],
    ]);
    expect(seen[0]!.headers['x-one']).toBe('1');
    expect(seen[1]!.headers['x-two']).toBe('2');
    expect(seen[0]!.headers['content-length']).toBeUndefined();
  });

  it('hands over the body as it arrives, before the server has finished', async () => {
    let finish = () => {};
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: first\n\n');
      finish = () => response.end('data: last\n\n');
    };
    const response = await providerFetch(`${origin}/stream`, { method: 'POST', body: '{}' });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    finish();
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read())
      rest += new TextDecoder().decode(part.value);
    expect(rest).toBe('data: last\n\n');
  });

  it('rejects with an AbortError when aborted before the answer, and closes the request', async () => {
    handler = () => {}; // never answers
    const controller = new AbortController();
    const pending = providerFetch(`${origin}/slow`, { signal: controller.signal });
    await until(() => seen.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => seen[0]!.closedEarly);
  });

  it('rejects at once when the signal is already aborted, without sending anything', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(providerFetch(`${origin}/x`, { signal: controller.signal })).rejects.toMatchObject(
      { name: 'AbortError' },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
  });

  it('errors the body with an AbortError when aborted in the middle of a stream', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: one\n\n');
    };
    const controller = new AbortController();
    const response = await providerFetch(`${origin}/cut`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => seen[0]!.closedEarly);
  });

  it('rejects with TypeError "fetch failed" and the cause when nothing listens', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((resolve) => dead.close(resolve));
    const error = await providerFetch(`http://127.0.0.1:${port}/`).catch((caught) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('fetch failed');
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('decodes gzip and brotli bodies, asking for them like fetch does', async () => {
    const text = 'Once upon a time. '.repeat(200);
    for (const [encoding, encode] of [
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ] as const) {
      handler = (_request, response) => {
        response.writeHead(200, { 'content-encoding': encoding });
        response.end(encode(text));
      };
      expect(await (await providerFetch(`${origin}/${encoding}`)).text()).toBe(text);
    }
    expect(seen[0]!.headers['accept-encoding']).toContain('gzip');
  });

  it('rejects an answer fetch cannot represent (status 600) as a network error', async () => {
    handler = (request) => {
      request.socket.end('HTTP/1.1 600 Odd\r\ncontent-length: 0\r\n\r\n');
    };
    const error = await providerFetch(`${origin}/odd`).catch((caught) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.cause).toBeInstanceOf(RangeError);
  });

  it('gives a null body for 204', async () => {
    handler = (_request, response) => {
      response.writeHead(204);
      response.end();
    };
    const response = await providerFetch(`${origin}/empty`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('reuses the connection for the next request (keep-alive)', async () => {
    await (await providerFetch(`${origin}/1`)).text();
    // undici frees the socket once the event loop has moved on from the answer's last byte.
    await new Promise((resolve) => setImmediate(resolve));
    await (await providerFetch(`${origin}/2`)).text();
    expect(seen[1]!.remotePort).toBe(seen[0]!.remotePort);
  });

  it('closes a connection left idle for 5 s, before a provider would close it under a request', async () => {
    let closedAt = 0;
    handler = (request, response) => {
      request.socket.once('close', () => (closedAt = Date.now()));
      response.end('ok');
    };
    // This server would keep the connection for a minute: only the client can close it sooner.
    const serverKeepAlive = server.keepAliveTimeout;
    server.keepAliveTimeout = 60_000;
    try {
      const fresh = createProviderFetch();
      await (await fresh(`${origin}/idle`)).text();
      const idleSince = Date.now();
      await until(() => closedAt > 0, 8_000);
      expect(closedAt - idleSince).toBeGreaterThanOrEqual(4_500);
    } finally {
      server.keepAliveTimeout = serverKeepAlive;
    }
  }, 10_000);

  it('passes bodies it does not handle (a stream) to the platform fetch', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'));
        controller.close();
      },
    });
    const init = { method: 'POST', body, duplex: 'half' } as RequestInit;
    expect((await providerFetch(`${origin}/upload`, init)).status).toBe(200);
    expect(seen[0]!.body).toBe('streamed');
  });

  it('hands a successful body over as a decoded Node stream when asked, and only once', async () => {
    const text = 'data: once upon a time\n\n'.repeat(50);
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
      response.end(gzipSync(text));
    };
    const response = await providerFetch(`${origin}/chat`, {
      method: 'POST',
      body: '{}',
      ...HAND_OVER_NODE_BODY,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.body).toBeNull();
    const body = takeNodeBody(response)!;
    expect(takeNodeBody(response)).toBeUndefined();
    let received = '';
    for await (const chunk of body) received += String(chunk);
    expect(received).toBe(text);
  });

  it('keeps an error answer readable as usual even when the body was asked for', async () => {
    handler = (_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"slow down"}}');
    };
    const response = await providerFetch(`${origin}/chat`, { ...HAND_OVER_NODE_BODY });
    expect(takeNodeBody(response)).toBeUndefined();
    expect(await response.json()).toEqual({ error: { message: 'slow down' } });
  });

  it('without the request for it, hands nothing over', async () => {
    const response = await providerFetch(`${origin}/plain`);
    expect(takeNodeBody(response)).toBeUndefined();
    expect(await response.text()).toBe('ok');
  });

  it('gives the openai SDK its usual error types: connection error, user abort, timeout', async () => {
    const client = (options: { timeout?: number } = {}) =>
      new OpenAI({
        apiKey: 'sk-test',
        baseURL: `${origin}/v1`,
        maxRetries: 0,
        ...options,
        fetch: providerFetch,
      });
    handler = () => {}; // never answers

    const controller = new AbortController();
    const aborted = client().models.list({ signal: controller.signal }).asResponse();
    await until(() => seen.length === 1);
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);

    await expect(client({ timeout: 100 }).models.list().asResponse()).rejects.toBeInstanceOf(
      OpenAI.APIConnectionTimeoutError,
    );

    const dead = new OpenAI({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: providerFetch,
    });
    const refused = await dead.models
      .list()
      .asResponse()
      .catch((caught) => caught);
    expect(refused).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(refused).not.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('talks TLS to an https provider, and refuses a certificate it does not trust', async () => {
    const { key, cert } = selfSignedCert();
    const tls = createTlsServer({ key, cert }, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: [DONE]\n\n');
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/v1/chat/completions`;
    try {
      const trusting = createProviderFetch({ tls: { ca: cert } });
      const response = await trusting(url, { method: 'POST', body: '{}' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('data: [DONE]\n\n');

      const error = await providerFetch(url, { method: 'POST', body: '{}' }).catch((e) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.cause).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});
